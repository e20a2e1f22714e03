// Samples (検体) and YARA rules. The bytes of a sample are stored once,
// named by their SHA-256, with the analysis of its content (SampleContent);
// every organisation that hands the same bytes over gets a submission of its
// own with its own level, name and time, so that nobody learns from an
// upload whether someone else sent the file first. Members of an archive
// are submissions too, children of the archive's submission.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/level.hpp"

namespace ts::model {

// What the bytes are; the same for every submission of them.
struct SampleContent {
  std::string sha256;
  std::string md5;
  std::string sha1;
  std::string sha512;
  std::string ssdeep;
  std::string tlsh;  // empty when TLSH cannot digest the bytes
  int64_t size = 0;
  std::string kind;         // ingest::content::FileKindName, e.g. "pe_executable"
  std::string mime;         // libmagic MIME type
  std::string description;  // libmagic description
  double entropy = 0;
  std::string analysis;  // the full report as JSON text
};

// One organisation's handing over of a sample, or a member found in an
// archive it handed over.
struct SampleSubmission {
  std::string id;  // UUID
  std::string sha256;
  int64_t provider_org_id = 0;
  int64_t submitter_user_id = 0;
  Level level = Level::kAmber;
  std::string name;       // file name as given (or the member path's last part)
  std::string event_id;   // optional link to an event of the provider
  std::string parent_id;  // submission of the archive it was found in; empty at top level
  std::string path;       // member path inside that archive
  std::string created;
  // Filled by reads for display.
  std::string provider_org_name;
};

// A YARA rule file shared like any item: the text may hold several rules.
struct YaraRule {
  std::string id;  // UUID
  std::string name;
  std::string text;
  Level level = Level::kAmber;
  int64_t provider_org_id = 0;
  int64_t author_user_id = 0;
  int version = 1;  // raised on every change of the text
  std::string created;
  std::string modified;
  std::string provider_org_name;  // filled by reads
};

// One YARA rule (by its identifier inside a rule file) matching a sample.
struct YaraMatch {
  std::string rule_id;     // the YaraRule item
  std::string rule_name;   // the item's name
  std::string identifier;  // the matching rule inside the text; tag "yara:<identifier>"
  std::string sha256;
  std::string created;
};

}  // namespace ts::model
