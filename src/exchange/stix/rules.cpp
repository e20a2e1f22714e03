#include "exchange/stix/rules.hpp"

#include <algorithm>
#include <string>

namespace ts::exchange::stix {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

constexpr std::string_view kSdos[] = {
    "attack-pattern", "campaign",      "course-of-action", "grouping",
    "identity",       "incident",      "indicator",        "infrastructure",
    "intrusion-set",  "location",      "malware",          "malware-analysis",
    "note",           "observed-data", "opinion",          "report",
    "threat-actor",   "tool",          "vulnerability"};
constexpr std::string_view kSros[] = {"relationship", "sighting"};
constexpr std::string_view kScos[] = {"artifact",
                                      "autonomous-system",
                                      "directory",
                                      "domain-name",
                                      "email-addr",
                                      "email-message",
                                      "file",
                                      "ipv4-addr",
                                      "ipv6-addr",
                                      "mac-addr",
                                      "mutex",
                                      "network-traffic",
                                      "process",
                                      "software",
                                      "url",
                                      "user-account",
                                      "windows-registry-key",
                                      "x509-certificate"};
constexpr std::string_view kMeta[] = {"marking-definition", "language-content",
                                      "extension-definition"};

template <size_t N>
bool In(const std::string_view (&set)[N], std::string_view v) {
  return std::find(std::begin(set), std::end(set), v) != std::end(set);
}

// Required properties per type beyond the common ones (OASIS schemas).
struct Required {
  std::string_view type;
  std::string_view props[3];
};
constexpr Required kRequired[] = {
    {"attack-pattern", {"name"}},
    {"campaign", {"name"}},
    {"course-of-action", {"name"}},
    {"grouping", {"context", "object_refs"}},
    {"identity", {"name"}},
    {"incident", {"name"}},
    {"indicator", {"pattern", "pattern_type", "valid_from"}},
    {"infrastructure", {"name"}},
    {"intrusion-set", {"name"}},
    {"malware", {"is_family"}},
    {"malware-analysis", {"product"}},
    {"note", {"content", "object_refs"}},
    {"observed-data", {"first_observed", "last_observed", "number_observed"}},
    {"opinion", {"opinion", "object_refs"}},
    {"report", {"name", "published", "object_refs"}},
    {"threat-actor", {"name"}},
    {"tool", {"name"}},
    {"vulnerability", {"name"}},
    {"relationship", {"relationship_type", "source_ref", "target_ref"}},
    {"sighting", {"sighting_of_ref"}},
    {"autonomous-system", {"number"}},
    {"directory", {"path"}},
    {"domain-name", {"value"}},
    {"email-addr", {"value"}},
    {"ipv4-addr", {"value"}},
    {"ipv6-addr", {"value"}},
    {"mac-addr", {"value"}},
    {"mutex", {"name"}},
    {"network-traffic", {"protocols"}},
    {"software", {"name"}},
    {"url", {"value"}},
    {"extension-definition", {"name", "schema", "version"}},
    {"language-content", {"object_ref", "contents"}},
};

// Properties whose value is a timestamp wherever they occur at top level.
constexpr std::string_view kTimestamps[] = {
    "created",   "modified",       "valid_from",    "valid_until", "first_seen", "last_seen",
    "published", "first_observed", "last_observed", "start_time",  "stop_time"};
constexpr std::string_view kStrings[] = {
    "name",       "description", "pattern",           "pattern_type", "pattern_version",
    "content",    "opinion",     "relationship_type", "context",      "definition_type",
    "lang",       "product",     "objective",         "path",         "abstract",
    "explanation"};
constexpr std::string_view kBooleans[] = {"is_family", "revoked", "defanged"};

// Where a reference may point: the property and the allowed type names
// (empty list: any object but those in kNotReferenceable).
struct RefRule {
  std::string_view prop;
  std::string_view types[3];
};
constexpr RefRule kRefRules[] = {
    {"created_by_ref", {"identity"}},
    {"object_marking_refs", {"marking-definition"}},
    {"observed_data_refs", {"observed-data"}},
    {"where_sighted_refs", {"identity", "location"}},
    {"sample_refs", {"file", "artifact"}},
    {"operating_system_refs", {"software"}},
    {"host_vm_ref", {"software"}},
    {"operating_system_ref", {"software"}},
    {"installed_software_refs", {"software"}},
    {"analysis_sco_refs", {}},
};
// Relationship ends and sighting targets must be SDOs or SCOs.
constexpr std::string_view kNotEndpoint[] = {"relationship",     "sighting",
                                             "bundle",           "marking-definition",
                                             "language-content", "extension-definition"};

constexpr std::string_view kOpinions[] = {"strongly-disagree", "disagree", "neutral", "agree",
                                          "strongly-agree"};

bool Digits(std::string_view s, size_t from, size_t n) {
  if (from + n > s.size()) return false;
  for (size_t i = from; i < from + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}
int Num(std::string_view s, size_t from, size_t n) {
  int v = 0;
  for (size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}
bool Hex(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

bool IsTypeName(std::string_view t) {
  if (t.size() < 3 || t.size() > 250 || t.front() == '-' || t.back() == '-') return false;
  return std::all_of(t.begin(), t.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

std::string_view TypeOfId(std::string_view id) {
  return id.substr(0, id.find("--"));
}

class Checker {
 public:
  Checker(std::string_view where, std::vector<Problem>& out) : where_(where), out_(out) {}

  void Fail(std::string property, std::string message) {
    out_.push_back({std::string(where_), std::move(property), 0, std::move(message), false});
  }

  void Reference(const std::string& prop, element v, const RefRule* rule, bool endpoint) {
    std::string_view id;
    if (v.get_string().get(id) != simdjson::SUCCESS || !IsIdentifier(id)) {
      Fail(prop, "must be an identifier like indicator--<uuid>");
      return;
    }
    std::string_view type = TypeOfId(id);
    if (endpoint && In(kNotEndpoint, type)) {
      Fail(prop, "must reference an SDO or SCO, not " + std::string(id));
      return;
    }
    if (!rule || rule->types[0].empty()) return;
    if (std::find(std::begin(rule->types), std::end(rule->types), type) == std::end(rule->types)) {
      std::string allowed;
      for (auto t : rule->types)
        if (!t.empty()) allowed += (allowed.empty() ? "" : " or ") + std::string(t);
      Fail(prop, "must reference " + allowed + ", not " + std::string(id));
    }
  }

  void Property(std::string_view type, std::string_view key, element v) {
    std::string prop(key);
    const bool ref = key.ends_with("_ref");
    const bool refs = key.ends_with("_refs");
    if (ref || refs) {
      const RefRule* rule = nullptr;
      for (const auto& r : kRefRules)
        if (r.prop == key) rule = &r;
      const bool endpoint =
          (type == "relationship" && (key == "source_ref" || key == "target_ref")) ||
          (type == "sighting" && key == "sighting_of_ref");
      if (ref) {
        Reference(prop, v, rule, endpoint);
        return;
      }
      simdjson::dom::array list;
      if (v.get_array().get(list) != simdjson::SUCCESS) {
        Fail(prop, "must be a list of identifiers");
        return;
      }
      if (list.size() == 0 && (key == "object_refs" || key == "object_marking_refs"))
        Fail(prop, "must not be empty");
      size_t n = 0;
      for (element item : list)
        Reference(prop + "[" + std::to_string(n++) + "]", item, rule, false);
      return;
    }
    std::string_view s;
    const bool is_string = v.get_string().get(s) == simdjson::SUCCESS;
    if (In(kTimestamps, key)) {
      if (!is_string) {
        Fail(prop, "must be a timestamp string");
      } else if (!IsTimestamp(s, key == "created" || key == "modified")) {
        Fail(prop, key == "created" || key == "modified"
                       ? "must be a UTC timestamp with milliseconds, like 2016-05-12T08:17:27.000Z"
                       : "must be a UTC timestamp, like 2016-05-12T08:17:27Z");
      }
      return;
    }
    if (In(kStrings, key) && !(type == "observed-data" && key == "objects")) {
      if (!is_string) Fail(prop, "must be a string");
      return;
    }
    if (In(kBooleans, key)) {
      if (!v.is_bool()) Fail(prop, "must be true or false");
      return;
    }
    if (key == "confidence") {
      int64_t c = 0;
      if (v.get_int64().get(c) != simdjson::SUCCESS || c < 0 || c > 100)
        Fail(prop, "must be an integer from 0 to 100");
      return;
    }
    if (key == "number_observed" || (type == "sighting" && key == "count")) {
      int64_t c = 0;
      const int64_t min = key == "count" ? 0 : 1;
      if (v.get_int64().get(c) != simdjson::SUCCESS || c < min || c > 999999999)
        Fail(prop, "must be an integer from " + std::to_string(min) + " to 999999999");
      return;
    }
    if (key == "labels" || key == "aliases" || key.ends_with("_types")) {
      simdjson::dom::array list;
      bool ok = v.get_array().get(list) == simdjson::SUCCESS;
      if (ok)
        for (element item : list) ok = ok && item.is_string();
      if (!ok) Fail(prop, "must be a list of strings");
      return;
    }
    if (key == "external_references") {
      ExternalReferences(v);
      return;
    }
    if (key == "kill_chain_phases") {
      KillChainPhases(v);
      return;
    }
    if (key == "granular_markings") {
      GranularMarkings(v);
      return;
    }
    if (key == "extensions" && !v.is_object()) Fail(prop, "must be an object");
  }

  void ExternalReferences(element v) {
    simdjson::dom::array list;
    if (v.get_array().get(list) != simdjson::SUCCESS) {
      Fail("external_references", "must be a list of objects");
      return;
    }
    size_t n = 0;
    for (element item : list) {
      std::string p = "external_references[" + std::to_string(n++) + "]";
      object o;
      if (item.get_object().get(o) != simdjson::SUCCESS) {
        Fail(p, "must be an object");
        continue;
      }
      if (!o["source_name"].is_string())
        Fail(p + ".source_name", "is required and must be a string");
      for (const char* k : {"description", "url", "external_id"})
        if (o[k].error() == simdjson::SUCCESS && !o[k].is_string())
          Fail(p + "." + k, "must be a string");
    }
  }

  void KillChainPhases(element v) {
    simdjson::dom::array list;
    if (v.get_array().get(list) != simdjson::SUCCESS) {
      Fail("kill_chain_phases", "must be a list of objects");
      return;
    }
    size_t n = 0;
    for (element item : list) {
      std::string p = "kill_chain_phases[" + std::to_string(n++) + "]";
      object o;
      if (item.get_object().get(o) != simdjson::SUCCESS) {
        Fail(p, "must be an object");
        continue;
      }
      for (const char* k : {"kill_chain_name", "phase_name"})
        if (!o[k].is_string()) Fail(p + "." + k, "is required and must be a string");
    }
  }

  void GranularMarkings(element v) {
    simdjson::dom::array list;
    if (v.get_array().get(list) != simdjson::SUCCESS) {
      Fail("granular_markings", "must be a list of objects");
      return;
    }
    size_t n = 0;
    for (element item : list) {
      std::string p = "granular_markings[" + std::to_string(n++) + "]";
      object o;
      if (item.get_object().get(o) != simdjson::SUCCESS) {
        Fail(p, "must be an object");
        continue;
      }
      if (!o["selectors"].is_array()) Fail(p + ".selectors", "is required and must be a list");
      bool has_ref = o["marking_ref"].error() == simdjson::SUCCESS;
      bool has_lang = o["lang"].error() == simdjson::SUCCESS;
      if (has_ref == has_lang) {
        Fail(p, "must have exactly one of marking_ref and lang");
      } else if (has_ref) {
        static constexpr RefRule kMarking = {"marking_ref", {"marking-definition"}};
        Reference(p + ".marking_ref", o["marking_ref"].value_unsafe(), &kMarking, false);
      }
    }
  }

 private:
  std::string_view where_;
  std::vector<Problem>& out_;
};

bool Present(object obj, std::string_view key) {
  return obj[key].error() == simdjson::SUCCESS;
}

}  // namespace

ObjectKind KindOf(std::string_view type) {
  if (In(kSdos, type)) return ObjectKind::kSdo;
  if (In(kSros, type)) return ObjectKind::kSro;
  if (In(kScos, type)) return ObjectKind::kSco;
  if (In(kMeta, type)) return ObjectKind::kMeta;
  return ObjectKind::kCustom;
}

std::string_view StringOf(simdjson::dom::object obj, std::string_view key) {
  std::string_view s;
  if (obj[key].get_string().get(s) != simdjson::SUCCESS) return {};
  return s;
}

bool IsIdentifier(std::string_view s) {
  size_t sep = s.find("--");
  if (sep == std::string_view::npos || !IsTypeName(s.substr(0, sep))) return false;
  std::string_view u = s.substr(sep + 2);
  if (u.size() != 36 || u[8] != '-' || u[13] != '-' || u[18] != '-' || u[23] != '-') return false;
  if (!Hex(u.substr(0, 8)) || !Hex(u.substr(9, 4)) || !Hex(u.substr(14, 4)) ||
      !Hex(u.substr(19, 4)) || !Hex(u.substr(24, 12)))
    return false;
  // Version 1-5 and the RFC 4122 variant, as the OASIS schemas require.
  if (u[14] < '1' || u[14] > '5') return false;
  return std::string_view("89abAB").find(u[19]) != std::string_view::npos;
}

bool IsTimestamp(std::string_view s, bool millis) {
  // YYYY-MM-DDTHH:MM:SS[.s+]Z
  if (s.size() < 20 || !Digits(s, 0, 4) || s[4] != '-' || !Digits(s, 5, 2) || s[7] != '-' ||
      !Digits(s, 8, 2) || s[10] != 'T' || !Digits(s, 11, 2) || s[13] != ':' || !Digits(s, 14, 2) ||
      s[16] != ':' || !Digits(s, 17, 2) || s.back() != 'Z')
    return false;
  int month = Num(s, 5, 2), day = Num(s, 8, 2), hour = Num(s, 11, 2), minute = Num(s, 14, 2),
      second = Num(s, 17, 2);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return false;
  std::string_view frac = s.substr(19, s.size() - 20);
  if (frac.empty()) return !millis;
  if (frac[0] != '.' || frac.size() < 2 || !Digits(frac, 1, frac.size() - 1)) return false;
  return !millis || frac.size() >= 4;
}

void CheckObject(object obj, std::string_view where, std::vector<Problem>& out) {
  Checker check(where, out);
  std::string_view type, id;
  if (obj["type"].get_string().get(type) != simdjson::SUCCESS) {
    check.Fail("type", Present(obj, "type") ? "must be a string" : "required property is missing");
    return;
  }
  if (!IsTypeName(type)) {
    check.Fail("type", "must be 3 to 250 characters of a-z, 0-9 and '-'");
    return;
  }
  if (obj["id"].get_string().get(id) != simdjson::SUCCESS) {
    check.Fail("id", Present(obj, "id") ? "must be a string" : "required property is missing");
    return;
  }
  if (!IsIdentifier(id)) {
    check.Fail("id", "must be " + std::string(type) + "--<uuid> with an RFC 4122 UUID");
    return;
  }
  if (TypeOfId(id) != type) {
    check.Fail("id", "must start with its type '" + std::string(type) + "--'");
    return;
  }
  const ObjectKind kind = KindOf(type);
  const bool versioned = kind == ObjectKind::kSdo || kind == ObjectKind::kSro ||
                         type == "extension-definition" || type == "language-content";
  std::string_view spec;
  if (obj["spec_version"].get_string().get(spec) == simdjson::SUCCESS) {
    if (spec != "2.1")
      check.Fail("spec_version", "must be \"2.1\", not \"" + std::string(spec) + "\"");
  } else if (Present(obj, "spec_version")) {
    check.Fail("spec_version", "must be the string \"2.1\"");
  } else if (versioned || type == "marking-definition") {
    check.Fail("spec_version", "required property is missing (STIX 2.1 objects carry \"2.1\")");
  }
  std::vector<std::string_view> required;
  if (versioned) required = {"created", "modified"};
  if (type == "marking-definition") required = {"created"};
  for (const auto& r : kRequired)
    if (r.type == type)
      for (auto p : r.props)
        if (!p.empty()) required.push_back(p);
  if (type == "malware") {
    bool family = false;
    if (obj["is_family"].get_bool().get(family) == simdjson::SUCCESS && family)
      required.push_back("name");
  }
  for (auto p : required)
    if (!Present(obj, p)) check.Fail(std::string(p), "required property is missing");
  if (type == "marking-definition" && !Present(obj, "extensions") &&
      !(Present(obj, "definition_type") && Present(obj, "definition")))
    check.Fail("definition", "required property is missing (or give extensions)");

  for (auto [key, value] : obj) check.Property(type, key, value);

  std::string_view created, modified;
  if (obj["created"].get_string().get(created) == simdjson::SUCCESS &&
      obj["modified"].get_string().get(modified) == simdjson::SUCCESS &&
      IsTimestamp(created, true) && IsTimestamp(modified, true) && modified < created)
    check.Fail("modified", "must not be earlier than created");
  for (auto [from, to] :
       {std::pair{"valid_from", "valid_until"}, std::pair{"first_seen", "last_seen"},
        std::pair{"first_observed", "last_observed"}}) {
    std::string_view a, b;
    if (obj[from].get_string().get(a) == simdjson::SUCCESS &&
        obj[to].get_string().get(b) == simdjson::SUCCESS && IsTimestamp(a, false) &&
        IsTimestamp(b, false) && b < a)
      check.Fail(to, std::string("must not be earlier than ") + from);
  }
  std::string_view opinion;
  if (type == "opinion" && obj["opinion"].get_string().get(opinion) == simdjson::SUCCESS &&
      !In(kOpinions, opinion))
    check.Fail("opinion", "must be strongly-disagree, disagree, neutral, agree or strongly-agree");
}

}  // namespace ts::exchange::stix
