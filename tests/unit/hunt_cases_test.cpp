// Runs the data-driven cases of tests/cases/hunt/*.test: indicator files
// and logs under tests/cases/hunt/data/, and the exact hits expected. The
// case format is described at the top of squid.test; failures point at the
// case's file and line.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "case_files.hpp"
#include "hunt/indicator_loader.hpp"
#include "hunt/report.hpp"
#include "hunt/scanner.hpp"

namespace {

namespace fs = std::filesystem;
using ts::hunt::Hit;
using ts::hunt::IndicatorSet;

const fs::path kDir = TS_CASES_DIR "/hunt";

struct Case {
  int line = 0;
  std::map<std::string, std::string> options;  // indicators=, logs=, format=, ...
  std::vector<std::string> expected;
};

struct ParsedFile {
  std::vector<Case> cases;
  std::vector<std::pair<int, std::string>> errors;
};

std::vector<std::string> Split(const std::string& s, char by) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, by);) out.push_back(part);
  return out;
}

std::string Unescape(std::string s) {
  for (std::size_t at = s.find("\\s"); at != std::string::npos; at = s.find("\\s", at + 1))
    s.replace(at, 2, " ");
  return s;
}

ParsedFile ParseFile(const fs::path& path) {
  ParsedFile parsed;
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (line.ends_with('\r')) line.pop_back();
    lines.push_back(std::move(line));
  }
  for (std::size_t i = 0; i < lines.size();) {
    if (lines[i].empty() || lines[i].starts_with('#')) {
      ++i;
      continue;
    }
    Case c;
    c.line = static_cast<int>(i) + 1;
    const std::vector<std::string> words = Split(lines[i], ' ');
    bool ok =
        !words.empty() && words[0] == "hunt" && i + 1 < lines.size() && lines[i + 1] == "----";
    for (std::size_t w = 1; ok && w < words.size(); ++w) {
      const std::size_t eq = words[w].find('=');
      ok = eq != std::string::npos;
      if (ok) c.options[words[w].substr(0, eq)] = words[w].substr(eq + 1);
    }
    ok = ok && c.options.count("indicators") && c.options.count("logs");
    if (!ok) {
      parsed.errors.emplace_back(c.line, "expected 'hunt indicators=... logs=...' and '----'");
      while (i < lines.size() && !lines[i].empty()) ++i;
      continue;
    }
    for (i += 2; i < lines.size() && !lines[i].empty(); ++i) c.expected.push_back(lines[i]);
    parsed.cases.push_back(std::move(c));
  }
  return parsed;
}

void WriteCompressed(const fs::path& from, const fs::path& to, const std::string& how) {
  std::ifstream in(from, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string out;
  if (how == "gzip") {
    gzFile gz = gzopen(to.c_str(), "wb");
    gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
    gzclose(gz);
    return;
  }
  out.resize(ZSTD_compressBound(text.size()));
  out.resize(ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 3));
  std::ofstream(to, std::ios::binary) << out;
}

// The attribute `key` of a hit as written in expected lines.
std::string Attribute(const Hit& hit, const IndicatorSet& set, const std::string& key) {
  std::string line;
  ts::hunt::AppendHitJsonLine(line, hit, set);
  const auto json = nlohmann::json::parse(line);
  if (!json.contains(key)) return "?";
  const auto& value = json[key];
  return value.is_null() ? "-" : value.is_string() ? value.get<std::string>() : value.dump();
}

// Runs `c`; returns the problems found.
std::vector<std::string> RunCase(const Case& c) {
  IndicatorSet set;
  ts::hunt::LoadReport report;
  for (const std::string& file : Split(c.options.at("indicators"), ',')) {
    const auto status = ts::hunt::LoadIndicators((kDir / "data" / file).string(), set, report, 2);
    if (!status.ok()) return {"loading indicators failed: " + status.error().message};
  }
  set.Build();
  const fs::path scratch = fs::temp_directory_path() / ("hunt_cases_" + std::to_string(getpid()));
  fs::create_directories(scratch);
  std::vector<std::string> logs;
  for (const std::string& log : Split(c.options.at("logs"), ',')) {
    const fs::path source = kDir / "data" / log;
    if (c.options.count("compress")) {
      const std::string how = c.options.at("compress");
      const fs::path copy = scratch / (log + (how == "gzip" ? ".gz" : ".zst"));
      WriteCompressed(source, copy, how);
      logs.push_back(copy.string());
    } else {
      logs.push_back(source.string());
    }
  }
  ts::hunt::ScanOptions options;
  options.threads = c.options.count("threads") ? std::stoul(c.options.at("threads")) : 2;
  if (c.options.count("format")) options.format = ts::hunt::ParseLogFormat(c.options.at("format"));
  std::vector<Hit> hits;
  const auto status = ts::hunt::Scan(logs, set, options, [&](ts::hunt::FileResult& file) {
    hits.insert(hits.end(), file.hits.begin(), file.hits.end());
  });
  fs::remove_all(scratch);
  if (!status.ok()) return {"scan failed: " + status.error().message};

  std::vector<std::string> problems;
  std::vector<std::string> expected = c.expected;
  if (expected == std::vector<std::string>{"(none)"}) expected.clear();
  const std::size_t n = std::max(expected.size(), hits.size());
  for (std::size_t i = 0; i < n; ++i) {
    std::string got;
    if (i < hits.size()) {
      const Hit& h = hits[i];
      const auto& ind = set.at(h.indicator);
      got = fs::path(h.file).filename().string() + ":" + std::to_string(h.line) + " " +
            std::string(ts::model::IndicatorTypeName(ind.type)) + " " + std::string(ind.value) +
            " " + h.matched;
    }
    if (i >= expected.size()) {
      problems.push_back("unexpected hit: " + got);
      continue;
    }
    const std::vector<std::string> fields = Split(expected[i], ' ');
    std::string want;
    for (std::size_t f = 0; f < 4 && f < fields.size(); ++f)
      want += (f ? " " : "") + Unescape(fields[f]);
    if (got != want) {
      problems.push_back("expected hit " + want + (got.empty() ? ", missing" : ", got " + got));
      continue;
    }
    for (std::size_t f = 4; f < fields.size(); ++f) {
      const std::size_t eq = fields[f].find('=');
      const std::string key = fields[f].substr(0, eq);
      const std::string value = Unescape(fields[f].substr(eq + 1));
      const std::string actual = Attribute(hits[i], set, key);
      if (actual != value)
        problems.push_back(want + ": " + key + " is '" + actual + "', expected '" + value + "'");
    }
  }
  return problems;
}

std::vector<fs::path> CaseFiles() {
  return ts::testing_support::CaseFiles(kDir);
}

class HuntCaseFile : public testing::TestWithParam<fs::path> {};

TEST_P(HuntCaseFile, Passes) {
  const fs::path& path = GetParam();
  const ParsedFile parsed = ParseFile(path);
  for (const auto& [line, problem] : parsed.errors)
    ADD_FAILURE_AT(path.c_str(), line) << "malformed case: " << problem;
  EXPECT_FALSE(parsed.cases.empty()) << path << " holds no cases";
  for (const Case& c : parsed.cases)
    for (const std::string& problem : RunCase(c)) ADD_FAILURE_AT(path.c_str(), c.line) << problem;
}

INSTANTIATE_TEST_SUITE_P(Hunt, HuntCaseFile, testing::ValuesIn(CaseFiles()),
                         [](const testing::TestParamInfo<fs::path>& param_info) {
                           std::string name = param_info.param.stem().string();
                           std::replace_if(
                               name.begin(), name.end(),
                               [](unsigned char ch) { return !std::isalnum(ch); }, '_');
                           return name;
                         });

TEST(HuntCases, DirectoryHasCaseFiles) {
  EXPECT_FALSE(CaseFiles().empty()) << "no *.test files in " << kDir;
}

}  // namespace
