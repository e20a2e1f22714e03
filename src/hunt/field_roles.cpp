#include "hunt/field_roles.hpp"

#include <algorithm>
#include <utility>

#include "ingest/ascii.hpp"

namespace ts::hunt {
namespace {

constexpr std::pair<std::string_view, FieldRole> kColumns[] = {
    {"ts", FieldRole::kTime},
    {"time", FieldRole::kTime},
    {"timestamp", FieldRole::kTime},
    {"@timestamp", FieldRole::kTime},
    {"date", FieldRole::kTime},
    {"datetime", FieldRole::kTime},
    {"event_time", FieldRole::kTime},
    {"id.orig_h", FieldRole::kClient},
    {"client", FieldRole::kClient},
    {"client_ip", FieldRole::kClient},
    {"c-ip", FieldRole::kClient},
    {"src", FieldRole::kClient},
    {"src_ip", FieldRole::kClient},
    {"src_addr", FieldRole::kClient},
    {"srcaddr", FieldRole::kClient},
    {"source", FieldRole::kClient},
    {"source_ip", FieldRole::kClient},
    {"user", FieldRole::kUser},
    {"username", FieldRole::kUser},
    {"cs-username", FieldRole::kUser},
    {"id.resp_h", FieldRole::kAddress},
    {"dst", FieldRole::kAddress},
    {"dst_ip", FieldRole::kAddress},
    {"dst_addr", FieldRole::kAddress},
    {"dstaddr", FieldRole::kAddress},
    {"dest", FieldRole::kAddress},
    {"dest_ip", FieldRole::kAddress},
    {"destination", FieldRole::kAddress},
    {"server_ip", FieldRole::kAddress},
    {"s-ip", FieldRole::kAddress},
    {"ip", FieldRole::kAddress},
    {"host", FieldRole::kHost},
    {"hostname", FieldRole::kHost},
    {"domain", FieldRole::kHost},
    {"query", FieldRole::kHost},
    {"server_name", FieldRole::kHost},
    {"sni", FieldRole::kHost},
    {"dst_host", FieldRole::kHost},
    {"dest_host", FieldRole::kHost},
    {"cs-host", FieldRole::kHost},
    {"uri", FieldRole::kUri},
    {"url", FieldRole::kUrl},
    {"request_url", FieldRole::kUrl},
    {"referrer", FieldRole::kReferrer},
    {"referer", FieldRole::kReferrer},
    {"user_agent", FieldRole::kUserAgent},
    {"useragent", FieldRole::kUserAgent},
    {"user-agent", FieldRole::kUserAgent},
    {"cs(user-agent)", FieldRole::kUserAgent},
    {"md5", FieldRole::kHash},
    {"sha1", FieldRole::kHash},
    {"sha256", FieldRole::kHash},
    {"ja3", FieldRole::kJa3},
    {"sha512", FieldRole::kHash},
    {"hash", FieldRole::kHash},
    {"answers", FieldRole::kHostList},
};

}  // namespace

FieldRole RoleOfColumn(std::string_view name) {
  const std::string lowered = ingest::AsciiLowered(name);
  for (const auto& [column, role] : kColumns)
    if (column == lowered) return role;
  return FieldRole::kNone;
}

void RoleRecord::Set(FieldRole role, std::string_view value, LogRecord& record,
                     char list_separator) {
  if (value.empty() || value == "-" || value == "(empty)") return;
  switch (role) {
    case FieldRole::kNone:
      return;
    case FieldRole::kTime:
      record.time = value;
      record.time_format = value.find_first_not_of("0123456789.") == std::string_view::npos
                               ? TimeFormat::kEpoch
                               : TimeFormat::kIso;
      return;
    case FieldRole::kClient:
      record.client = value;
      record.Add(FieldKind::kHost, value);
      return;
    case FieldRole::kUser:
      record.user = value;
      return;
    case FieldRole::kAddress:
      address_ = value;
      record.Add(FieldKind::kHost, value);
      return;
    case FieldRole::kHost:
      host_ = value;
      record.Add(FieldKind::kHostPort, value);
      return;
    case FieldRole::kUri:
      uri_ = value;
      return;
    case FieldRole::kUrl:
      url_ = value;
      record.Add(FieldKind::kUrl, value);
      return;
    case FieldRole::kReferrer:
      record.Add(FieldKind::kUrl, value);
      return;
    case FieldRole::kUserAgent:
      record.Add(FieldKind::kUserAgent, value);
      return;
    case FieldRole::kHash:
      record.Add(FieldKind::kHash, value);
      return;
    case FieldRole::kJa3:
      record.Add(FieldKind::kJa3, value);
      return;
    case FieldRole::kHostList:
      for (std::size_t start = 0; start <= value.size();) {
        const std::size_t end = std::min(value.find(list_separator, start), value.size());
        record.Add(FieldKind::kHost, value.substr(start, end - start));
        start = end + 1;
      }
      return;
  }
}

void RoleRecord::Finish(LogRecord& record) {
  if (!uri_.empty()) {
    if (uri_.find("://") != std::string_view::npos) {
      url_ = uri_;
    } else if (!host_.empty() && uri_.starts_with('/')) {
      url_ = record.Own("http://" + std::string(host_) + std::string(uri_));
    }
    if (!url_.empty()) record.Add(FieldKind::kUrl, url_);
  }
  record.destination = !url_.empty() ? url_ : !host_.empty() ? host_ : address_;
  *this = RoleRecord{};
}

}  // namespace ts::hunt
