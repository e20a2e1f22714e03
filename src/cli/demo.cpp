// threatshare demo load: a small council to explore — organisations of every
// membership type across sectors, a user of each, operating rules, and
// events at every level modelled on the seeds' targeted-mail case. All
// addresses are documentation ranges (RFC 5737) and .example names.
#include <iostream>

#include "access/user_viewer.hpp"
#include "catalog/consent.hpp"
#include "catalog/events.hpp"
#include "catalog/organisations.hpp"
#include "catalog/rules.hpp"
#include "catalog/samples.hpp"
#include "catalog/users.hpp"
#include "cli/commands.hpp"
#include "cli/data_dir.hpp"

namespace ts::cli {
namespace {

constexpr const char* kDemoPassword = "demo-password-2026";

constexpr const char* kRules = R"(# 協議会ポータル 運用規程（デモ）

1. 提供された情報は、提供者が指定した共有範囲（RED / AMBER / YELLOW / GREEN / WHITE）の中でのみ取り扱う。
2. 共有範囲を広げる場合、また他の提供者の情報を再共有する場合は、情報提供元の許可を得る。
3. 検体は解析目的に限って取り扱い、平文で保存・転送しない。
4. 規程が改定されたときは、改めて同意したうえで利用する。

# Operating rules (demo)

1. Handle shared information only within the sharing level its provider chose.
2. Widening a level, or re-sharing another provider's information, needs the provider's consent.
3. Handle samples for analysis only; never store or send them in the clear.
4. When the rules change, accept them again before further use.
)";

// Not malware: a text that looks like a downloader and does nothing.
constexpr std::string_view kDemoSample =
    "// threatshare demo sample: harmless text, not malware.\n"
    "var url = \"http://update-check.example/gate.php?id=7\";\n"
    "var shell = \"WScript.Shell\"; // never created\n";

struct DemoOrg {
  const char* name;
  const char* sector;
  const char* sub_sector;
  const char* membership;
  const char* email;
  const char* role;
};

constexpr DemoOrg kOrgs[] = {
    {"協議会事務局", "none", "", "secretariat", "admin@secretariat.example", "admin"},
    {"解析センター", "none", "", "analyst", "analyst@analysis.example", "analyst"},
    {"東日本電力", "power", "", "participant", "soc@power.example", "analyst"},
    {"みなと銀行", "finance", "banking", "participant", "csirt@bank.example", "analyst"},
    {"水道事業者協会", "water", "", "observer", "observer@water.example", "readonly"},
    {"物流関係者", "logistics", "", "related", "related@logistics.example", "member"},
};

struct DemoIndicator {
  const char* type;
  const char* value;
  const char* level;  // narrower level or nullptr
};

struct DemoEvent {
  int provider;  // index into kOrgs
  const char* title;
  const char* description;
  const char* level;
  const char* category;
  const char* timing;
  const char* status;
  std::vector<std::string> tags;
  std::vector<DemoIndicator> indicators;
};

const std::vector<DemoEvent>& Events() {
  static const std::vector<DemoEvent> events = {
      {1,
       "C2 infrastructure behind the pension-fund lure wave",
       "Destinations contacted by the `.lzh` droppers; shared with analysts only while takedown is "
       "under way.",
       "RED",
       "C",
       "alert",
       "published",
       {"campaign:pension-lure", "c2"},
       {{"ipv4", "203.0.113.45", nullptr},
        {"domain", "update-check.example", nullptr},
        {"url", "hxxp://update-check[.]example/gate.php?id=7", nullptr}}},
      {2,
       "標的型メール 第2波「厚生年金基金制度の見直しについて（試案）に関する意見」",
       "役員宛てに届いた標的型メール。添付は `.lzh` "
       "形式で、展開すると文書アイコンの実行ファイルが現れる。",
       "AMBER",
       "B-c",
       "alert",
       "published",
       {"campaign:pension-lure", "targeted-mail"},
       {{"email-subject", "厚生年金基金制度の見直しについて（試案）に関する意見", nullptr},
        {"email-addr", "kikin-info@mail-service.example", nullptr},
        {"filename", "見直し（試案）.lzh", nullptr},
        {"sha256", "5E884898DA28047151D0E56F8DC6292773603D0D6AABBDD62A11EF721D1542D8", nullptr},
        {"ipv4", "198.51.100.23", "RED"}}},
      {3,
       "Online-storage links used to deliver droppers",
       "Mails with links to file-sharing services instead of attachments; block at the proxy.",
       "YELLOW",
       "B-b",
       "peacetime",
       "published",
       {"targeted-mail", "online-storage"},
       {{"url", "https://files.storage-share.example/d/8f3a1c", nullptr},
        {"domain", "storage-share.example", nullptr}}},
      {0,
       "Half-year report: targeted-mail trends (April–September)",
       "Counts of reported suspicious mails by sector and lure, for all participants and related "
       "parties.",
       "GREEN",
       "B-a",
       "peacetime",
       "published",
       {"report", "statistics"},
       {}},
      {0,
       "Public advisory: résumé-themed lures with RLO file names",
       "Attachments named with U+202E to hide `.exe`. Check file names before opening.",
       "WHITE",
       "B-c",
       "peacetime",
       "published",
       {"advisory"},
       {{"filename", "履歴書\u202Excod.exe", nullptr}}},
      {3,
       "Draft: proxy-log hits under review",
       "Not shared yet.",
       "AMBER",
       "A",
       "peacetime",
       "draft",
       {"draft"},
       {{"domain", "cdn-update.example", nullptr}}},
  };
  return events;
}

Result<access::Viewer> ViewerOf(DataDir& data, const std::string& email) {
  auto gate = data.SystemGate();
  auto user = catalog::FindUser(gate, email);
  if (!user) return user.error();
  std::optional<access::Viewer> viewer;
  TS_TRY(data.store->Read([&](store::ReadTxn& txn) -> Status {
    auto v = access::ViewerForUser(txn, *user, "cli");
    if (!v) return v.error();
    viewer = *v;
    return {};
  }));
  return *viewer;
}

Status Load(DataDir& data) {
  auto system = data.SystemGate();
  TS_TRY(catalog::PublishRules(system, kRules));
  for (const auto& o : kOrgs) {
    catalog::OrganisationInput in{o.name, o.sector, std::string(o.sub_sector), o.membership};
    if (*o.sub_sector == '\0') in.sub_sector.reset();
    auto org = catalog::CreateOrganisation(system, in);
    if (!org) return org.error();
    catalog::UserInput u;
    u.org_id = org->id;
    u.email = o.email;
    u.role = o.role;
    u.accept_current_rules = true;
    auto user = catalog::CreateUser(system, u, kDemoPassword);
    if (!user) return user.error();
  }
  std::string widen_target;
  for (const auto& d : Events()) {
    auto viewer = ViewerOf(data, kOrgs[d.provider].email);
    if (!viewer) return viewer.error();
    access::Gate gate(*data.store, *data.audit_log, *viewer, false);
    catalog::EventInput in;
    in.title = d.title;
    in.description = d.description;
    in.level = d.level;
    in.category = d.category;
    in.timing = d.timing;
    in.status = d.status;
    in.tags = d.tags;
    auto event = catalog::CreateEvent(gate, in);
    if (!event) return event.error();
    if (std::string(d.level) == "AMBER" && std::string(d.status) == "published")
      widen_target = event->id;
    std::vector<catalog::IndicatorInput> inputs;
    for (const auto& i : d.indicators) {
      catalog::IndicatorInput ii;
      ii.type = i.type;
      ii.value = i.value;
      if (i.level) ii.level = i.level;
      inputs.push_back(ii);
    }
    if (!inputs.empty()) TS_TRY(catalog::AddIndicators(gate, event->id, inputs, true));
  }
  // A bank asks the power company to share its AMBER mail wave with observers.
  auto bank = ViewerOf(data, kOrgs[3].email);
  if (!bank) return bank.error();
  access::Gate bank_gate(*data.store, *data.audit_log, *bank, false);
  TS_TRY(catalog::RequestWiden(
      bank_gate, widen_target, "YELLOW",
      "水道事業者にも同じ件名のメールが届いているため / observers receive the same lure"));
  // The analysts re-share a bank finding on the bank's behalf: pending consent.
  auto analyst = ViewerOf(data, kOrgs[1].email);
  if (!analyst) return analyst.error();
  access::Gate analyst_gate(*data.store, *data.audit_log, *analyst, false);
  catalog::EventInput on_behalf;
  on_behalf.title = "Invoice-themed lure seen at a member bank";
  on_behalf.description =
      "Re-shared by the analysts from a member's report; awaiting the bank's consent.";
  on_behalf.level = "AMBER";
  on_behalf.category = "B-b";
  on_behalf.provider = kOrgs[3].name;
  on_behalf.tags = std::vector<std::string>{"targeted-mail", "invoice"};
  TS_TRY(catalog::CreateEvent(analyst_gate, on_behalf));
  // One harmless sample, handed over by the power company: a script-like
  // text that only names the lure's C2 address, so the sample pages have
  // something to show (digests, type, indicators from its strings).
  auto blobs = store::BlobStore::Open(data.config.data_dir);
  if (!blobs) return blobs.error();
  auto power = ViewerOf(data, kOrgs[2].email);
  if (!power) return power.error();
  access::Gate power_gate(*data.store, *data.audit_log, *power, false);
  catalog::SampleInput sample;
  sample.name = "年金制度の見直しについて（試案）.js";
  sample.level = "AMBER";
  TS_TRY(catalog::AddSample(power_gate, *blobs, kDemoSample, sample));
  return {};
}

int LoadDemo(const std::string& dir) {
  auto data = OpenDataDir(dir, OpenMode::kCreate);
  if (!data) return Fail(data.error());
  {
    auto gate = data->SystemGate();
    auto existing = catalog::ListOrganisations(gate);
    if (!existing) return Fail(existing.error());
    if (!existing->empty()) {
      std::cout << "the data directory already holds organisations; demo data not loaded again\n";
    } else if (auto st = Load(*data); !st.ok()) {
      return Fail(st.error());
    }
  }
  std::cout << "Demo logins (password for all: " << kDemoPassword << "):\n";
  for (const auto& o : kOrgs)
    std::cout << "  " << o.email << "  (" << o.membership << ", " << o.role << ", " << o.name
              << ")\n";
  return 0;
}

}  // namespace

void AddDemoCommands(CLI::App& app, Action& action) {
  auto dir = std::make_shared<std::string>();
  auto* demo = app.add_subcommand("demo", "Demo data");
  demo->require_subcommand(1);
  auto* load = demo->add_subcommand("load", "Load the demo council into an empty data directory");
  load->add_option("--data", *dir, "Data directory")->required();
  load->callback([dir, &action] { action = [dir] { return LoadDemo(*dir); }; });
}

}  // namespace ts::cli
