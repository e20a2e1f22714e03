#include "catalog/events.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "catalog/organisations.hpp"
#include "ingest/normalize.hpp"
#include "util/crypto.hpp"
#include "util/time.hpp"

namespace ts::catalog {
namespace {

constexpr std::size_t kMaxTitle = 500;
constexpr std::size_t kMaxDescription = 1 << 20;
constexpr std::size_t kMaxTags = 50;
constexpr std::size_t kMaxTag = 100;
constexpr std::size_t kMaxComment = 10000;

std::string Trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

Result<model::Level> LevelField(const std::string& value, const std::string& field) {
  auto level = model::ParseLevel(value);
  if (!level) return Error::Invalid("level must be RED, AMBER, YELLOW, GREEN or WHITE", field);
  return *level;
}

// Applies the descriptive fields (not level, status, provider) of `in`.
Status ApplyEventFields(const EventInput& in, model::Event& e) {
  if (in.title) {
    e.title = Trim(*in.title);
    if (e.title.empty() || e.title.size() > kMaxTitle)
      return Error::Invalid("title must be 1 to 500 characters", "title");
  }
  if (in.description) {
    if (in.description->size() > kMaxDescription)
      return Error::Invalid("description must be at most 1 MiB", "description");
    e.description = *in.description;
  }
  if (in.category) {
    auto c = model::ParseCategory(*in.category);
    if (!c) return Error::Invalid("category must be A, B-a, B-b, B-c or C", "category");
    e.category = *c;
  }
  if (in.timing) {
    auto t = model::ParseTiming(*in.timing);
    if (!t) return Error::Invalid("timing must be peacetime or alert", "timing");
    e.timing = *t;
  }
  if (in.tags) {
    if (in.tags->size() > kMaxTags) return Error::Invalid("at most 50 tags", "tags");
    std::set<std::string> unique;
    for (const auto& raw : *in.tags) {
      auto tag = Trim(raw);
      if (tag.empty() || tag.size() > kMaxTag)
        return Error::Invalid("each tag must be 1 to 100 characters", "tags");
      unique.insert(tag);
    }
    e.tags.assign(unique.begin(), unique.end());
  }
  return {};
}

nlohmann::json EventAuditDetail(const model::Event& e) {
  return {{"title", e.title},
          {"level", model::LevelName(e.level)},
          {"status", model::EventStatusName(e.status)}};
}

// Builds an indicator from input over `base` (empty for a new one).
Result<model::Indicator> BuildIndicator(const IndicatorInput& in, model::Indicator base,
                                        const model::Event& event, const std::string& field) {
  std::string prefix = field.empty() ? "" : field + ".";
  if (in.value || in.type) {
    std::string raw = in.value.value_or(base.value);
    if (!in.value && base.id.empty()) return Error::Invalid("value is required", prefix + "value");
    model::IndicatorType type;
    if (in.type) {
      auto t = model::ParseIndicatorType(*in.type);
      if (!t) return Error::Invalid("unknown indicator type '" + *in.type + "'", prefix + "type");
      type = *t;
    } else if (!base.id.empty() && !in.value) {
      type = base.type;
    } else {
      auto detected = ingest::DetectType(raw);
      // An empty value is wrong whatever the type; do not blame the type for it.
      if (!detected && Trim(raw).empty()) return Error::Invalid("value is empty", prefix + "value");
      if (!detected)
        return Error::Invalid("cannot tell the type of '" + raw.substr(0, 100) + "'; give a type",
                              prefix + "type");
      type = *detected;
    }
    auto value = ingest::Normalize(type, raw);
    if (!value) return Error::Invalid(value.error().message, prefix + "value");
    base.type = type;
    base.value = *value;
  } else if (base.id.empty()) {
    return Error::Invalid("value is required", prefix + "value");
  }
  if (in.level) {
    if (in.level->empty()) {
      base.level.reset();
    } else {
      auto level = LevelField(*in.level, prefix + "level");
      if (!level) return level.error();
      if (!model::IsWiderOrEqual(event.level, *level))
        return Error::Invalid("an indicator's level cannot be wider than its event's (" +
                                  std::string(model::LevelName(event.level)) + ")",
                              prefix + "level");
      base.level = *level;
    }
  }
  for (auto [src, dst, name] : {std::tuple{&in.first_seen, &base.first_seen, "first_seen"},
                                std::tuple{&in.last_seen, &base.last_seen, "last_seen"}}) {
    if (!*src) continue;
    if ((*src)->empty()) {
      dst->clear();
      continue;
    }
    auto t = CanonicalTime(**src);
    if (!t) return Error::Invalid(std::string(name) + " must be an RFC 3339 time", prefix + name);
    *dst = *t;
  }
  if (!base.first_seen.empty() && !base.last_seen.empty() && base.last_seen < base.first_seen)
    return Error::Invalid("last_seen is before first_seen", prefix + "last_seen");
  if (in.confidence) {
    if (*in.confidence < -1 || *in.confidence > 100)
      return Error::Invalid("confidence must be 0 to 100", prefix + "confidence");
    base.confidence = *in.confidence;
  }
  if (in.comment) {
    if (in.comment->size() > kMaxComment)
      return Error::Invalid("comment must be at most 10000 bytes", prefix + "comment");
    base.comment = *in.comment;
  }
  return base;
}

// Sets an event submitted on behalf of its provider to pending and asks the
// provider to consent to its publication.
void RequestPublication(store::WriteTxn& txn, access::Auditor& audit, model::Event& e,
                        const access::Viewer& v) {
  e.status = model::EventStatus::kPending;
  model::ConsentRequest r;
  r.id = NewUuid();
  r.kind = model::ConsentKind::kPublish;
  r.event_id = e.id;
  r.provider_org_id = e.provider_org_id;
  r.requester_org_id = v.org_id;
  r.requester_user_id = v.user_id;
  r.to_level = e.level;
  r.reason = "publish on behalf of the provider";
  r.created = NowUtc();
  txn.InsertConsentRequest(r);
  audit.Record("consent.request", "consent_request", r.id,
               nlohmann::json{{"kind", "publish"}, {"event_id", e.id}}.dump());
}

// Marks the event changed, e.g. when its indicators change.
void Touch(store::WriteTxn& txn, model::Event event, const std::string& now) {
  event.modified = now;
  txn.UpdateEvent(event);
}

// The event for a write: hidden and missing give NotFound, visible but not
// editable gives Forbidden.
Result<model::Event> EditableEvent(access::Gate& gate, store::WriteTxn& txn,
                                   const std::string& id) {
  auto event = txn.EventById(gate.scope(), id);
  if (!event) return Error::NotFound("event");
  if (!access::CanEditEvent(gate.viewer(), *event))
    return Error::Forbidden("you may not change this event");
  return *std::move(event);
}

}  // namespace

Result<model::Event> CreateEvent(access::Gate& gate, const EventInput& in) {
  const auto& v = gate.viewer();
  if (!access::CanSubmit(v)) return Error::Forbidden("your role does not allow creating events");
  model::Event e;
  e.id = NewUuid();
  if (!in.title) return Error::Invalid("title is required", "title");
  if (!in.level)
    return Error::Invalid("level is required: the provider chooses the sharing level", "level");
  TS_TRY(ApplyEventFields(in, e));
  auto level = LevelField(*in.level, "level");
  if (!level) return level.error();
  e.level = *level;
  auto status = model::ParseEventStatus(in.status.value_or("published"));
  if (!status || *status == model::EventStatus::kPending)
    return Error::Invalid("status must be draft or published", "status");
  e.status = *status;
  e.submitter_org_id = v.org_id;
  e.submitter_user_id = v.user_id;
  e.provider_org_id = v.org_id;
  if (in.provider) {
    auto provider = FindOrganisation(gate, *in.provider);
    if (!provider)
      return Error::Invalid("unknown provider organisation '" + *in.provider + "'", "provider");
    e.provider_org_id = provider->id;
  }
  if (v.is_system()) {
    // The command line acts for the provider it names.
    if (!in.provider) return Error::Invalid("provider is required", "provider");
    e.submitter_org_id = e.provider_org_id;
  }
  const bool on_behalf = v.is_user() && e.provider_org_id != v.org_id;
  e.created = e.modified = NowUtc();
  std::optional<model::Event> created;
  TS_TRY(gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    if (on_behalf && e.status == model::EventStatus::kPublished) {
      e.status = model::EventStatus::kDraft;  // stored first, then made pending
      txn.InsertEvent(e);
      RequestPublication(txn, audit, e, v);
      txn.UpdateEvent(e);
    } else {
      txn.InsertEvent(e);
    }
    audit.Record("event.create", "event", e.id, EventAuditDetail(e).dump());
    created = txn.EventById(gate.scope(), e.id);
    return {};
  }));
  return *std::move(created);
}

Result<model::Event> UpdateEvent(access::Gate& gate, const std::string& id, const EventInput& in) {
  if (in.provider) return Error::Invalid("the provider of an event cannot be changed", "provider");
  std::optional<model::Event> updated;
  TS_TRY(gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    auto found = EditableEvent(gate, txn, id);
    if (!found) return found.error();
    model::Event e = *found;
    TS_TRY(ApplyEventFields(in, e));
    if (in.level) {
      auto level = LevelField(*in.level, "level");
      if (!level) return level.error();
      if (*level != e.level && model::IsWiderOrEqual(*level, e.level) &&
          !access::CanSetLevelDirectly(gate.viewer(), e))
        return Error::Forbidden(
            "widening the level needs the provider's consent: request it with "
            "POST /api/v1/events/" +
            e.id + "/consent-requests");
      e.level = *level;
    }
    if (in.status) {
      auto status = model::ParseEventStatus(*in.status);
      if (!status || *status == model::EventStatus::kPending)
        return Error::Invalid("status must be draft or published", "status");
      if (*status != e.status) {
        if (e.status == model::EventStatus::kPending)
          return Error::Conflict("the event waits for its provider's consent", "status");
        const auto& v = gate.viewer();
        if (v.is_user() && v.org_id != e.provider_org_id) {
          // The submitter may only (re)submit a draft for the provider's consent.
          if (*status != model::EventStatus::kPublished)
            return Error::Forbidden("only the provider withdraws a published event");
          RequestPublication(txn, audit, e, v);
        } else {
          e.status = *status;
        }
      }
    }
    e.modified = NowUtc();
    txn.UpdateEvent(e);
    audit.Record("event.update", "event", e.id, EventAuditDetail(e).dump());
    updated = txn.EventById(gate.scope(), e.id);
    return {};
  }));
  return *std::move(updated);
}

Status DeleteEvent(access::Gate& gate, const std::string& id) {
  return gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    auto e = EditableEvent(gate, txn, id);
    if (!e) return e.error();
    txn.DeleteEvent(id);
    audit.Record("event.delete", "event", id, EventAuditDetail(*e).dump());
    return {};
  });
}

Result<std::vector<model::Indicator>> AddIndicatorsTo(store::WriteTxn& txn, access::Auditor& audit,
                                                      const model::Event& event,
                                                      const std::vector<IndicatorInput>& inputs,
                                                      bool as_list, OnPresent on_present,
                                                      const std::string& reason) {
  std::vector<model::Indicator> added;
  std::set<std::pair<model::IndicatorType, std::string>> seen;
  const std::string now = NowUtc();
  for (std::size_t n = 0; n < inputs.size(); ++n) {
    std::string field = as_list ? "indicators[" + std::to_string(n) + "]" : "";
    model::Indicator base;
    base.event_id = event.id;
    auto built = BuildIndicator(inputs[n], base, event, field);
    if (!built) return built.error();
    model::Indicator i = *std::move(built);
    std::string where = field.empty() ? "value" : field + ".value";
    if (!seen.insert({i.type, i.value}).second ||
        txn.IndicatorExists(event.id, i.type, i.value, "")) {
      if (on_present == OnPresent::kSkip) continue;
      return Error::Conflict("the event already has the " +
                                 std::string(model::IndicatorTypeName(i.type)) + " indicator '" +
                                 i.value + "'",
                             where);
    }
    i.id = NewUuid();
    i.created = i.modified = now;
    i.event_level = event.level;
    txn.InsertIndicator(i);
    added.push_back(std::move(i));
  }
  if (added.empty()) return added;
  nlohmann::json detail = {{"ids", nlohmann::json::array()}};
  for (const auto& i : added) detail["ids"].push_back(i.id);
  if (!reason.empty()) detail["reason"] = reason;
  audit.Record("indicator.create", "event", event.id, detail.dump());
  Touch(txn, event, now);
  return added;
}

Result<std::vector<model::Indicator>> AddIndicators(access::Gate& gate, const std::string& event_id,
                                                    const std::vector<IndicatorInput>& inputs,
                                                    bool as_list) {
  if (inputs.empty()) return Error::Invalid("no indicators given", "indicators");
  std::vector<model::Indicator> added;
  TS_TRY(gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    auto event = EditableEvent(gate, txn, event_id);
    if (!event) return event.error();
    auto inserted = AddIndicatorsTo(txn, audit, *event, inputs, as_list, OnPresent::kConflict);
    if (!inserted) return inserted.error();
    added = *std::move(inserted);
    return {};
  }));
  return added;
}

Result<model::Indicator> UpdateIndicator(access::Gate& gate, const std::string& id,
                                         const IndicatorInput& in) {
  model::Indicator updated;
  TS_TRY(gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    auto current = txn.IndicatorById(gate.scope(), id);
    if (!current) return Error::NotFound("indicator");
    auto event = EditableEvent(gate, txn, current->event_id);
    if (!event) return event.error();
    auto built = BuildIndicator(in, *current, *event, "");
    if (!built) return built.error();
    updated = *std::move(built);
    if (txn.IndicatorExists(updated.event_id, updated.type, updated.value, updated.id))
      return Error::Conflict("the event already has the " +
                                 std::string(model::IndicatorTypeName(updated.type)) +
                                 " indicator '" + updated.value + "'",
                             "value");
    updated.modified = NowUtc();
    txn.UpdateIndicator(updated);
    Touch(txn, *event, updated.modified);
    audit.Record("indicator.update", "indicator", id,
                 nlohmann::json{{"event_id", updated.event_id}}.dump());
    return {};
  }));
  return updated;
}

Status DeleteIndicator(access::Gate& gate, const std::string& id) {
  return gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    auto current = txn.IndicatorById(gate.scope(), id);
    if (!current) return Error::NotFound("indicator");
    auto event = EditableEvent(gate, txn, current->event_id);
    if (!event) return event.error();
    txn.DeleteIndicator(id);
    Touch(txn, *event, NowUtc());
    audit.Record("indicator.delete", "indicator", id,
                 nlohmann::json{{"event_id", current->event_id}, {"value", current->value}}.dump());
    return {};
  });
}

}  // namespace ts::catalog
