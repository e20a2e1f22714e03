#include "catalog/samples.hpp"

#include <set>

#include <nlohmann/json.hpp>

#include "catalog/match_indicators.hpp"
#include "catalog/organisations.hpp"
#include "catalog/yara_rules.hpp"
#include "ingest/content/analysis.hpp"
#include "ingest/content/analysis_json.hpp"
#include "ingest/utf8.hpp"
#include "util/crypto.hpp"
#include "util/time.hpp"

namespace ts::catalog {
namespace {

namespace content = ingest::content;

constexpr std::size_t kMaxName = 255;

// The last component of a name as given (browsers and tools may send a
// path); control characters are dropped so that logs and terminals stay sane.
Result<std::string> CleanName(std::string_view raw) {
  if (auto bad = ingest::FirstInvalidUtf8(raw))
    return Error::Invalid("name is not valid UTF-8 (byte " + std::to_string(*bad) + ")", "name");
  auto slash = raw.find_last_of("/\\");
  if (slash != std::string_view::npos) raw.remove_prefix(slash + 1);
  std::string name;
  for (char c : raw)
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) name.push_back(c);
  if (name.size() > kMaxName) return Error::Invalid("name must be at most 255 bytes", "name");
  return name;
}

// The stored report of some bytes. It is shared by every submission of
// them, so nothing a submitter chose (the name, and what follows from it)
// may appear in it.
std::string StoredAnalysis(const content::FileFacts& facts, bool is_archive) {
  nlohmann::json j = content::ToJson(facts);
  j.erase("name");
  j.erase("disguised_executable");
  j["is_archive"] = is_archive;
  return j.dump();
}

model::SampleContent ContentOf(const content::FileFacts& facts, bool is_archive) {
  model::SampleContent c;
  c.sha256 = facts.digests.sha256;
  c.md5 = facts.digests.md5;
  c.sha1 = facts.digests.sha1;
  c.sha512 = facts.digests.sha512;
  c.ssdeep = facts.digests.ssdeep;
  c.tlsh = facts.digests.tlsh;
  c.size = static_cast<int64_t>(facts.size);
  c.kind = std::string(content::FileKindName(facts.type.kind));
  c.mime = facts.type.mime;
  c.description = facts.type.description;
  c.entropy = facts.entropy;
  c.analysis = StoredAnalysis(facts, is_archive);
  return c;
}

// One thing to store: content, its submission, and the bytes.
struct Item {
  model::SampleContent content;
  model::SampleSubmission submission;
  std::string_view bytes;
};

Result<int64_t> ProviderOf(access::Gate& gate, const SampleInput& in) {
  const auto& v = gate.viewer();
  if (v.is_user()) {
    if (!in.provider.empty())
      return Error::Invalid("members hand samples over for their own organisation", "provider");
    return v.org_id;
  }
  if (in.provider.empty())
    return Error::Invalid("name the organisation handing the sample over", "provider");
  auto org = FindOrganisation(gate, in.provider);
  if (!org) return Error::Invalid("no organisation '" + in.provider + "'", "provider");
  return org->id;
}

// An event to link the sample to: one the viewer may change, no narrower
// than the sample's level (a sample must not be shared wider than its case).
Status CheckEvent(access::Gate& gate, const std::string& event_id, model::Level level) {
  std::optional<model::Event> event;
  TS_TRY(gate.Read([&](store::ReadTxn& txn) -> Status {
    event = txn.EventById(gate.scope(), event_id);
    return {};
  }));
  if (!event) return Error::NotFound("event");
  if (!access::CanEditEvent(gate.viewer(), *event))
    return Error::Forbidden("you may not add samples to this event");
  if (!model::IsWiderOrEqual(event->level, level))
    return Error::Invalid("a sample's level cannot be wider than its event's (" +
                              std::string(model::LevelName(event->level)) + ")",
                          "level");
  return {};
}

// Items for the file and every member that has bytes, parents first.
std::vector<Item> ItemsOf(const content::ContentReport& report, std::string_view bytes,
                          const model::SampleSubmission& top, std::vector<std::string>& warnings) {
  std::vector<Item> items;
  items.push_back({ContentOf(report.file, report.is_archive), top, bytes});
  // Index in report.members -> index in items (members are depth-first, so
  // a parent always comes before its members).
  std::vector<std::size_t> item_of(report.members.size(), 0);
  for (std::size_t i = 0; i < report.members.size(); ++i) {
    const auto& m = report.members[i];
    if (m.locked) {
      warnings.push_back("member '" + m.path +
                         "' is encrypted with an unknown password and was not stored");
      continue;
    }
    Item item;
    item.content = ContentOf(m.facts, content::IsArchive(m.facts.type.kind));
    item.bytes = m.bytes;
    auto& s = item.submission;
    s.id = NewUuid();
    s.sha256 = item.content.sha256;
    s.provider_org_id = top.provider_org_id;
    s.submitter_user_id = top.submitter_user_id;
    s.level = top.level;
    // Member names come from the archive; one that is not UTF-8 is kept by its path only.
    auto name = CleanName(m.facts.name);
    s.name = name ? *name : "";
    s.parent_id =
        m.parent == content::kTopArchive ? top.id : items[item_of[m.parent]].submission.id;
    s.path = m.path;
    s.created = top.created;
    item_of[i] = items.size();
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace

Result<AddedSample> AddSample(access::Gate& gate, store::BlobStore& blobs, std::string_view bytes,
                              const SampleInput& in) {
  const auto& v = gate.viewer();
  if (!access::CanSubmit(v)) return Error::Forbidden("your role does not allow adding samples");
  if (bytes.size() > in.max_bytes)
    return Error::TooLarge("the sample is " + std::to_string(bytes.size()) +
                           " bytes; the limit is " + std::to_string(in.max_bytes) + " bytes");
  auto provider = ProviderOf(gate, in);
  if (!provider) return provider.error();
  auto name = CleanName(in.name);
  if (!name) return name.error();
  auto level = model::ParseLevel(in.level.value_or("AMBER"));
  if (!level) return Error::Invalid("level must be RED, AMBER, YELLOW, GREEN or WHITE", "level");
  if (!in.event_id.empty()) TS_TRY(CheckEvent(gate, in.event_id, *level));

  AddedSample added;
  const std::string sha256 = Sha256Hex(bytes);
  std::optional<model::SampleSubmission> existing;
  TS_TRY(gate.Read([&](store::ReadTxn& txn) -> Status {
    existing = txn.TopSubmission(*provider, sha256);
    return {};
  }));
  if (existing) {
    auto view = gate.GetSample(sha256);
    if (!view) return view.error();
    added.view = *std::move(view);
    return added;
  }

  auto report = content::AnalyzeContent(bytes, *name);
  if (report.archive_error) {
    Error e = *report.archive_error;
    e.message = "the archive was refused and nothing was stored: " + e.message;
    e.field = "file";
    return e;
  }
  added.warnings = report.warnings;

  model::SampleSubmission top;
  top.id = NewUuid();
  top.sha256 = sha256;
  top.provider_org_id = *provider;
  top.submitter_user_id = v.user_id;
  top.level = *level;
  top.name = *name;
  top.event_id = in.event_id;
  top.created = NowUtc();
  auto items = ItemsOf(report, bytes, top, added.warnings);
  added.members = items.size() - 1;

  auto rules = YaraRuleSet::LoadAll(gate);
  if (!rules) return rules.error();
  std::vector<model::YaraMatch> matches;
  std::set<std::string> scanned;
  for (const auto& item : items) {
    if (!scanned.insert(item.content.sha256).second) continue;
    auto found = rules->Scan(item.content.sha256, item.bytes);
    if (!found) return found.error();
    matches.insert(matches.end(), found->begin(), found->end());
  }

  // Bytes first, then the rows that point at them: a crash in between
  // leaves an unreferenced blob, never a row without its bytes.
  std::vector<std::string> new_blobs;
  auto forget_new_blobs = [&] {
    for (const auto& b : new_blobs) (void)blobs.Remove(b);
  };
  for (const auto& item : items) {
    if (blobs.Contains(item.content.sha256)) continue;
    auto stored = blobs.Put(item.bytes);
    if (!stored) {
      forget_new_blobs();
      return stored.error();
    }
    new_blobs.push_back(*stored);
  }

  bool raced = false;
  Status st = gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    // Another upload of the same bytes by the same organisation may have won.
    if (txn.TopSubmission(*provider, sha256)) {
      raced = true;
      return {};
    }
    for (const auto& item : items) {
      txn.InsertSampleContent(item.content);
      txn.InsertSampleSubmission(item.submission);
    }
    for (const auto& m : matches) txn.InsertYaraMatch(m);
    std::vector<model::SampleSubmission> submissions;
    for (const auto& item : items) submissions.push_back(item.submission);
    TS_TRY(AddMatchIndicators(txn, audit, matches, submissions));
    audit.Record("sample.add", "sample", sha256,
                 nlohmann::json{{"name", top.name},
                                {"level", model::LevelName(top.level)},
                                {"provider_org_id", top.provider_org_id},
                                {"members", added.members}}
                     .dump());
    return {};
  });
  if (!st.ok()) {
    forget_new_blobs();
    return st.error();
  }
  added.created = !raced;
  auto view = gate.GetSample(sha256);
  if (!view) return view.error();
  added.view = *std::move(view);
  return added;
}

Result<SampleDownload> DownloadSample(access::Gate& gate, const store::BlobStore& blobs,
                                      const std::string& sha256,
                                      const content::ProtectedZipOptions& options) {
  auto view = gate.GetSample(sha256);
  if (!view) return view.error();
  auto bytes = blobs.Get(sha256);
  if (!bytes) return bytes.error();
  auto zip = content::MakeProtectedZip(sha256, *bytes, options);
  if (!zip) return zip.error();
  TS_TRY(gate.Write([&](store::WriteTxn&, access::Auditor& audit) -> Status {
    audit.Record("sample.download", "sample", sha256,
                 nlohmann::json{{"encryption", options.encryption == content::ZipEncryption::kAes256
                                                   ? "aes256"
                                                   : "zipcrypto"}}
                     .dump());
    return {};
  }));
  return SampleDownload{sha256 + ".zip", *std::move(zip)};
}

std::vector<std::string> SampleTags(const store::SampleView& view) {
  std::set<std::string> tags;
  for (const auto& m : view.matches) tags.insert("yara:" + m.identifier);
  return {tags.begin(), tags.end()};
}

}  // namespace ts::catalog
