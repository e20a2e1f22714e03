#include "catalog/consent.hpp"

#include <nlohmann/json.hpp>

#include "util/crypto.hpp"
#include "util/time.hpp"

namespace ts::catalog {
namespace {

bool Concerns(const access::Viewer& v, const model::ConsentRequest& r) {
  return v.is_system() ||
         (v.is_user() && (v.org_id == r.provider_org_id || v.org_id == r.requester_org_id));
}

// Carries out an approved request on its event, inside the transaction.
Status Apply(store::WriteTxn& txn, const access::Scope& scope, const model::ConsentRequest& r,
             access::Auditor& audit) {
  auto event = txn.EventById(scope, r.event_id);
  if (!event) return Error::NotFound("event");
  if (r.kind == model::ConsentKind::kWiden) {
    // Only ever widen: the provider may have widened further meanwhile.
    if (r.to_level && !model::IsWiderOrEqual(event->level, *r.to_level)) event->level = *r.to_level;
  } else {
    event->status = model::EventStatus::kPublished;
  }
  event->modified = NowUtc();
  txn.UpdateEvent(*event);
  audit.Record("event.update", "event", event->id,
               nlohmann::json{{"consent_request", r.id},
                              {"level", model::LevelName(event->level)},
                              {"status", model::EventStatusName(event->status)}}
                   .dump());
  return {};
}

// A refused publication goes back to the submitter as a draft, which it may
// change and submit again, or delete; the provider may still publish it.
Status ReturnToDraft(store::WriteTxn& txn, const access::Scope& scope,
                     const model::ConsentRequest& r, access::Auditor& audit) {
  auto event = txn.EventById(scope, r.event_id);
  if (!event) return Error::NotFound("event");
  event->status = model::EventStatus::kDraft;
  event->modified = NowUtc();
  txn.UpdateEvent(*event);
  audit.Record("event.update", "event", event->id,
               nlohmann::json{{"consent_request", r.id}, {"status", "draft"}}.dump());
  return {};
}

void Decide(model::ConsentRequest& r, const access::Viewer& v, bool approve,
            const std::string& comment) {
  r.state = approve ? model::ConsentState::kApproved : model::ConsentState::kRejected;
  r.decided_by_user_id = v.user_id;
  r.decision_comment = comment;
  r.decided = NowUtc();
}

}  // namespace

Result<model::ConsentRequest> RequestWiden(access::Gate& gate, const std::string& event_id,
                                           const std::string& to_level, const std::string& reason) {
  const auto& v = gate.viewer();
  if (!access::CanSubmit(v)) return Error::Forbidden("your role does not allow consent requests");
  auto level = model::ParseLevel(to_level);
  if (!level) return Error::Invalid("level must be RED, AMBER, YELLOW, GREEN or WHITE", "level");
  if (reason.size() > 10000) return Error::Invalid("reason must be at most 10000 bytes", "reason");
  model::ConsentRequest r;
  TS_TRY(gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    auto event = txn.EventById(gate.scope(), event_id);
    if (!event) return Error::NotFound("event");
    if (model::IsWiderOrEqual(event->level, *level))
      return Error::Invalid("the event is already " + std::string(model::LevelName(event->level)) +
                                "; a widening request must name a wider level",
                            "level");
    for (const auto& other : txn.ConsentRequests(v.org_id, model::ConsentState::kPending))
      if (other.event_id == event_id && other.kind == model::ConsentKind::kWiden &&
          other.requester_org_id == v.org_id)
        return Error::Conflict("your organisation already has a pending request for this event");
    r.id = NewUuid();
    r.kind = model::ConsentKind::kWiden;
    r.event_id = event_id;
    r.provider_org_id = event->provider_org_id;
    r.requester_org_id = v.org_id;
    r.requester_user_id = v.user_id;
    r.from_level = event->level;
    r.to_level = *level;
    r.reason = reason;
    r.created = NowUtc();
    const bool decide_now = access::CanDecideConsent(v, r);
    if (decide_now) Decide(r, v, true, "requested by the provider");
    txn.InsertConsentRequest(r);
    audit.Record(
        "consent.request", "consent_request", r.id,
        nlohmann::json{
            {"kind", "widen"}, {"event_id", event_id}, {"to_level", model::LevelName(*level)}}
            .dump());
    if (decide_now) TS_TRY(Apply(txn, gate.scope(), r, audit));
    return {};
  }));
  return r;
}

Result<model::ConsentRequest> DecideConsent(access::Gate& gate, const std::string& request_id,
                                            bool approve, const std::string& comment) {
  const auto& v = gate.viewer();
  model::ConsentRequest r;
  TS_TRY(gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    auto found = txn.ConsentRequestById(request_id);
    if (!found || !Concerns(v, *found)) return Error::NotFound("consent request");
    r = *found;
    if (!access::CanDecideConsent(v, r))
      return Error::Forbidden("only the provider's analysts and administrators decide");
    if (r.state != model::ConsentState::kPending)
      return Error::Conflict("the request was already " +
                             std::string(model::ConsentStateName(r.state)));
    Decide(r, v, approve, comment);
    txn.UpdateConsentRequest(r);
    audit.Record(approve ? "consent.approve" : "consent.reject", "consent_request", r.id,
                 nlohmann::json{{"event_id", r.event_id}}.dump());
    if (approve) {
      TS_TRY(Apply(txn, gate.scope(), r, audit));
    } else if (r.kind == model::ConsentKind::kPublish) {
      TS_TRY(ReturnToDraft(txn, gate.scope(), r, audit));
    }
    return {};
  }));
  return r;
}

Result<std::vector<model::ConsentRequest>> ListConsentRequests(access::Gate& gate,
                                                               std::optional<std::string> state) {
  const auto& v = gate.viewer();
  if (!v.is_user()) return Error::Unauthenticated("log in to see consent requests");
  std::optional<model::ConsentState> s;
  if (state && !state->empty()) {
    s = model::ParseConsentState(*state);
    if (!s) return Error::Invalid("state must be pending, approved or rejected", "state");
  }
  std::vector<model::ConsentRequest> out;
  TS_TRY(gate.Read([&](store::ReadTxn& txn) -> Status {
    out = txn.ConsentRequests(v.org_id, s);
    return {};
  }));
  return out;
}

Result<model::ConsentRequest> GetConsentRequest(access::Gate& gate, const std::string& id) {
  std::optional<model::ConsentRequest> r;
  TS_TRY(gate.Read([&](store::ReadTxn& txn) -> Status {
    r = txn.ConsentRequestById(id);
    return {};
  }));
  if (!r || !Concerns(gate.viewer(), *r)) return Error::NotFound("consent request");
  return *std::move(r);
}

}  // namespace ts::catalog
