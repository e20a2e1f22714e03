#include "catalog/follow_up.hpp"

#include <nlohmann/json.hpp>

#include "ingest/normalize.hpp"
#include "util/crypto.hpp"
#include "util/enum_names.hpp"
#include "util/time.hpp"

namespace ts::catalog {
namespace {

constexpr std::size_t kMaxSightings = 10000;
// One reported value matching more visible indicators than this is refused
// rather than silently cut.
constexpr int64_t kMaxMatches = 1000;

Result<std::vector<std::string>> MatchingIndicators(access::Gate& gate, store::ReadTxn& txn,
                                                    const SightingInput& in,
                                                    const std::string& field) {
  if (in.indicator_id) {
    auto i = txn.IndicatorById(gate.scope(), *in.indicator_id);
    if (!i) return Error::NotFound("indicator");
    return std::vector<std::string>{i->id};
  }
  if (!in.value) return Error::Invalid("give indicator_id, or type and value", field);
  std::optional<model::IndicatorType> type;
  if (in.type) {
    type = model::ParseIndicatorType(*in.type);
    if (!type) return Error::Invalid("unknown indicator type '" + *in.type + "'", field + ".type");
  }
  store::IndicatorFilter f;
  f.limit = kMaxMatches;
  f.typed_values = ingest::AllReadings(*in.value, type);
  auto page = txn.Indicators(gate.scope(), f);
  if (page.total > kMaxMatches)
    return Error::Invalid("the value matches more than 1000 indicators; name one by indicator_id",
                          field + ".value");
  std::vector<std::string> ids;
  for (const auto& i : page.items) ids.push_back(i.id);
  return ids;
}

}  // namespace

Result<SightingResult> ReportSightings(access::Gate& gate, const std::vector<SightingInput>& inputs,
                                       bool share_identity, const std::string& source) {
  const auto& v = gate.viewer();
  if (!access::CanSubmit(v) || !v.is_user())
    return Error::Forbidden("your role does not allow reporting sightings");
  if (inputs.empty()) return Error::Invalid("no sightings given", "sightings");
  if (inputs.size() > kMaxSightings)
    return Error::Invalid("at most 10000 sightings per request", "sightings");
  SightingResult result;
  // Matching by value is a lookup: the audit entry names what matched.
  nlohmann::json matched = nlohmann::json::array();
  TS_TRY(gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    const std::string now = NowUtc();
    for (std::size_t n = 0; n < inputs.size(); ++n) {
      const auto& in = inputs[n];
      const std::string field = "sightings[" + std::to_string(n) + "]";
      auto first = CanonicalTime(in.first_seen);
      auto last = CanonicalTime(in.last_seen);
      if (!first)
        return Error::Invalid("first_seen must be an RFC 3339 time", field + ".first_seen");
      if (!last) return Error::Invalid("last_seen must be an RFC 3339 time", field + ".last_seen");
      if (*last < *first)
        return Error::Invalid("last_seen is before first_seen", field + ".last_seen");
      if (in.count < 1) return Error::Invalid("count must be at least 1", field + ".count");
      auto ids = MatchingIndicators(gate, txn, in, field);
      if (!ids) {
        if (ids.error().code == Code::kNotFound)
          return Error::Invalid("no visible indicator " + in.indicator_id.value_or(""),
                                field + ".indicator_id");
        return ids.error();
      }
      if (ids->empty()) result.unmatched.push_back(n);
      for (const auto& id : *ids) {
        model::Sighting s;
        s.id = NewUuid();
        s.indicator_id = id;
        s.org_id = v.org_id;
        s.first_seen = *first;
        s.last_seen = *last;
        s.count = in.count;
        s.share_identity = share_identity;
        s.terminals = share_identity ? in.terminals : "";
        s.source = source;
        s.created = now;
        txn.InsertSighting(s);
        matched.push_back(id);
        ++result.recorded;
      }
    }
    audit.Record(
        "sighting.report", "sighting", "",
        nlohmann::json{{"indicators", matched}, {"share_identity", share_identity}}.dump());
    return {};
  }));
  return result;
}

Result<model::EventUse> RecordUse(access::Gate& gate, const std::string& event_id,
                                  const std::string& action, const std::string& comment,
                                  bool share_identity) {
  const auto& v = gate.viewer();
  if (!access::CanSubmit(v) || !v.is_user())
    return Error::Forbidden("your role does not allow this");
  auto a = model::ParseUseAction(action);
  if (!a)
    return Error::Invalid("action must be blocked, detected, false_positive or not_relevant",
                          "action");
  if (comment.size() > 10000)
    return Error::Invalid("comment must be at most 10000 bytes", "comment");
  model::EventUse use;
  TS_TRY(gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    if (!txn.EventById(gate.scope(), event_id)) return Error::NotFound("event");
    use.id = NewUuid();
    use.event_id = event_id;
    use.org_id = v.org_id;
    use.user_id = v.user_id;
    use.action = *a;
    use.comment = comment;
    use.share_identity = share_identity;
    use.created = NowUtc();
    txn.InsertEventUse(use);
    audit.Record("use.record", "event", event_id, nlohmann::json{{"action", action}}.dump());
    return {};
  }));
  return use;
}

std::optional<Period> ParsePeriod(std::string_view name) {
  static constexpr EnumNames<Period, 4> kNames{{{Period::kMonth, "month"},
                                                {Period::kQuarter, "quarter"},
                                                {Period::kFiscalHalf, "half"},
                                                {Period::kFiscalYear, "fiscal-year"}}};
  return ParseName(kNames, name);
}

std::string PeriodLabel(Period period, const std::string& time) {
  // Periods follow Japan Standard Time, as the council's reports do.
  auto t = ParseTime(time);
  if (!t) return "";
  auto jst = std::chrono::floor<std::chrono::days>(*t + std::chrono::hours(9));
  std::chrono::year_month_day ymd{jst};
  int year = static_cast<int>(ymd.year());
  unsigned month = static_cast<unsigned>(ymd.month());
  int fiscal_year = month >= 4 ? year : year - 1;
  char buf[32];
  switch (period) {
    case Period::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02u", year, month);
      break;
    case Period::kQuarter:
      std::snprintf(buf, sizeof buf, "%04d-Q%u", year, (month - 1) / 3 + 1);
      break;
    case Period::kFiscalHalf:
      std::snprintf(buf, sizeof buf, "FY%04d-H%d", fiscal_year, month >= 4 && month <= 9 ? 1 : 2);
      break;
    case Period::kFiscalYear:
      std::snprintf(buf, sizeof buf, "FY%04d", fiscal_year);
      break;
  }
  return buf;
}

}  // namespace ts::catalog
