// Runs the data-driven cases of tests/cases/stix/*.test through the STIX
// parser (no store): what each bundle maps to, or the exact problems. The
// case format is described at the top of mapping.test; failures point at
// the case's file and line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "case_files.hpp"
#include "exchange/stix/stix_import.hpp"

namespace {

namespace fs = std::filesystem;
using ts::exchange::ImportBatch;

const fs::path kDir = TS_CASES_DIR "/stix";
constexpr std::string_view kBundleHead =
    R"({"type":"bundle","id":"bundle--11111111-1111-4111-8111-111111111111","objects":[)";

struct Case {
  int line = 0;
  std::string name;  // source_name
  std::string input;
  std::vector<std::string> expected;
};

// `parse raw`: the lines are the document. `parse`: each line is an object
// of a bundle with a fixed id.
std::string Document(const std::vector<std::string>& lines, bool raw) {
  std::string doc(raw ? "" : kBundleHead);
  for (size_t i = 0; i < lines.size(); ++i) doc += (i ? (raw ? "\n" : ",") : "") + lines[i];
  return raw ? doc : doc + "]}";
}

std::vector<Case> ParseFile(const fs::path& path, std::vector<std::string>& errors) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::vector<Case> cases;
  for (size_t i = 0; i < lines.size();) {
    if (lines[i].empty() || lines[i].starts_with('#')) {
      ++i;
      continue;
    }
    Case c;
    c.line = static_cast<int>(i) + 1;
    if (!lines[i].starts_with("parse")) {
      errors.push_back(path.filename().string() + ":" + std::to_string(c.line) +
                       ": expected 'parse [raw] [name=FILE]'");
      while (i < lines.size() && !lines[i].empty()) ++i;
      continue;
    }
    if (auto eq = lines[i].find("name="); eq != std::string::npos) c.name = lines[i].substr(eq + 5);
    std::vector<std::string> input;
    for (++i; i < lines.size() && lines[i] != "----"; ++i) input.push_back(lines[i]);
    c.input = Document(input, lines[c.line - 1].starts_with("parse raw"));
    for (++i; i < lines.size() && !lines[i].empty(); ++i) c.expected.push_back(lines[i]);
    cases.push_back(std::move(c));
  }
  return cases;
}

std::string LevelText(const std::optional<ts::model::Level>& l) {
  return l ? std::string(ts::model::LevelName(*l)) : "default";
}

std::vector<std::string> Render(const ImportBatch& b) {
  std::vector<std::string> out;
  for (const auto& p : b.problems)
    out.push_back(std::string(p.fatal ? "fatal " : "problem ") + ts::exchange::DescribeProblem(p));
  for (const auto& a : b.attack) {
    std::string tactics;
    for (const auto& t : a.tactics) tactics += (tactics.empty() ? "" : ",") + t;
    out.push_back("attack " + a.kind + " " + a.external_id + " " + a.name +
                  (tactics.empty() ? "" : " tactics=" + tactics) +
                  (a.deprecated ? " deprecated" : ""));
  }
  for (const auto& e : b.events) {
    out.push_back("event " + e.key + " level=" + LevelText(e.level) + " title=" + e.title);
    if (!e.tags.empty()) {
      std::string tags;
      for (const auto& t : e.tags) tags += " " + t;
      out.push_back("  tags" + tags);
    }
    for (const auto& i : e.indicators)
      out.push_back("  indicator " + i.type + " " + i.value +
                    (i.level ? " level=" + LevelText(i.level) : ""));
    for (const auto& o : e.objects)
      out.push_back("  object " + o.id + (o.modified.empty() ? "" : " " + o.modified) +
                    (o.level ? " level=" + LevelText(o.level) : ""));
    for (const auto& s : e.sightings)
      out.push_back("  sighting " + s.source_id + " of=" + s.sighting_of +
                    " count=" + std::to_string(s.count) + " first=" + s.first_seen +
                    " last=" + s.last_seen + (s.level ? " level=" + LevelText(s.level) : ""));
  }
  return out;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

TEST(StixCases, AllCaseFilesPass) {
  auto files = ts::testing_support::CaseFiles(kDir);
  ASSERT_FALSE(files.empty()) << "no case files in " << kDir;
  int ran = 0;
  for (const auto& file : files) {
    std::vector<std::string> errors;
    for (const auto& c : ParseFile(file, errors)) {
      ts::exchange::ParseOptions opts;
      opts.source_name = c.name;
      auto got = Render(ts::exchange::stix::ParseBundle(c.input, opts));
      EXPECT_EQ(Join(c.expected), Join(got)) << file.filename().string() << ":" << c.line;
      ++ran;
    }
    for (const auto& e : errors) ADD_FAILURE() << e;
  }
  EXPECT_GT(ran, 10);
}

}  // namespace
