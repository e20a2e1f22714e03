// Handing samples over (検体の受け渡し): adding bytes on behalf of a viewer
// and handing them out again as a password-protected zip. Reads of samples
// go through access::Gate (GetSample, ListSamples).
//
// AddSample takes the bytes in memory (an upload body, a CLI file, a mail
// attachment), analyses them (ingest/content), walks archives and adds
// every member as a child sample, scans everything with the stored YARA
// rules, and stores the bytes encrypted in the blob store. An archive that
// breaks a limit (depth, member count, expanded size, ratio) or holds a
// member name that escapes its folder is refused whole: nothing is stored.
//
// Every organisation gets its own submission of the bytes it hands over,
// so an upload never reveals that someone else sent the same file; the
// same organisation handing the same bytes over again gets its existing
// submission back (created == false).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access/gate.hpp"
#include "ingest/content/zip_writer.hpp"
#include "store/blobs/blob_store.hpp"

namespace ts::catalog {

inline constexpr std::size_t kDefaultSampleMaxBytes = std::size_t{256} << 20;

struct SampleInput {
  std::string name;                  // file name as given; folders are dropped
  std::optional<std::string> level;  // default AMBER
  std::string event_id;              // optional: an event the viewer may edit
  // The organisation (id or name) handing it over, when the system adds it
  // (CLI without a user); users always hand over for their own.
  std::string provider;
  std::size_t max_bytes = kDefaultSampleMaxBytes;
};

struct AddedSample {
  store::SampleView view;             // as the viewer now sees it
  bool created = false;               // false: this organisation had handed these bytes over before
  std::size_t members = 0;            // archive members added as children
  std::vector<std::string> warnings;  // e.g. a damaged archive, locked members
};

Result<AddedSample> AddSample(access::Gate& gate, store::BlobStore& blobs, std::string_view bytes,
                              const SampleInput& in);

struct SampleDownload {
  std::string file_name;  // "<sha256>.zip"
  std::string zip;        // holds one file named by the SHA-256
};

// The sample in a zip protected by `password` ("infected" by convention).
// Hidden and missing samples give the same NotFound. Audited.
Result<SampleDownload> DownloadSample(access::Gate& gate, const store::BlobStore& blobs,
                                      const std::string& sha256,
                                      const ingest::content::ProtectedZipOptions& options = {});

// The `yara:<identifier>` tags of the matches in a view, sorted, unique.
std::vector<std::string> SampleTags(const store::SampleView& view);

}  // namespace ts::catalog
