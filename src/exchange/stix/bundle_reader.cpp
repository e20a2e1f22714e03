#include "exchange/stix/bundle_reader.hpp"

#include <simdjson.h>

#include "ingest/ascii.hpp"

namespace ts::exchange::stix {
namespace {

constexpr size_t kMaxIdBytes = 200;
// A top-level property name is read whole before its value; STIX names are
// short, so a longer one is taken as garbage rather than kept.
constexpr size_t kMaxKeyBytes = 4096;

bool EndsScalar(char c) {
  return ingest::IsAsciiSpace(c) || c == ',' || c == ']' || c == '}';
}

std::string Shown(char c) {
  auto u = static_cast<unsigned char>(c);
  if (u >= 0x20 && u < 0x7F) return std::string("'") + c + "'";
  static const char* hex = "0123456789ABCDEF";
  return std::string("byte 0x") + hex[u >> 4] + hex[u & 15];
}

}  // namespace

BundleReader::BundleReader(Limits limits, ElementFn on_element, OversizedFn on_oversized)
    : limits_(limits), on_element_(std::move(on_element)), on_oversized_(std::move(on_oversized)) {}

bool BundleReader::Fail(std::string message) {
  if (error_.empty()) error_ = std::move(message);
  return false;
}

bool BundleReader::KeyTooLong() {
  return Fail("not valid JSON: a property name of the bundle is longer than " +
              std::to_string(kMaxKeyBytes) + " bytes");
}

bool BundleReader::Feed(std::string_view bytes) {
  if (!error_.empty()) return false;
  size_t i = 0;
  while (i < bytes.size())
    if (!Step(bytes, i)) return false;
  return true;
}

// One token of the bundle's own structure, or a run of bytes of a value.
bool BundleReader::Step(std::string_view bytes, size_t& i) {
  if (value_.active) {
    bool ended = false;
    const size_t before = i;
    bool ok = ScanValue(bytes, i, ended);
    offset_ += i - before;
    if (!ok) return false;
    if (ended) EndValue();
    return true;
  }
  const char c = bytes[i];
  if (in_key_) {
    size_t start = i;
    while (i < bytes.size()) {
      char k = bytes[i++];
      if (key_escaped_) {
        key_escaped_ = false;
      } else if (k == '\\') {
        key_escaped_ = true;
      } else if (k == '"') {
        key_.append(bytes.substr(start, i - 1 - start));
        offset_ += i - start;
        in_key_ = false;
        if (key_.size() > kMaxKeyBytes) return KeyTooLong();
        if (!simdjson::validate_utf8(key_.data(), key_.size()))
          return Fail("the file is not valid UTF-8");
        at_ = At::kColon;
        return true;
      }
    }
    key_.append(bytes.substr(start));
    offset_ += i - start;
    return key_.size() > kMaxKeyBytes ? KeyTooLong() : true;
  }
  const size_t at = offset_;
  ++i;
  ++offset_;
  if (ingest::IsAsciiSpace(c)) return true;
  auto unexpected = [&](std::string_view wanted) {
    return Fail("not valid JSON at byte " + std::to_string(at) + ": expected " +
                std::string(wanted) + ", found " + Shown(c));
  };
  // After a value inside an object or list: ',' goes on, `close` ends it.
  auto after = [&](char close, At on_comma, At on_close, std::string_view wanted) {
    if (c == ',')
      at_ = on_comma;
    else if (c == close)
      at_ = on_close;
    else
      return unexpected(wanted);
    return true;
  };
  switch (at_) {
    case At::kDocument:
      if (c != '{') return Fail("not a STIX bundle: the file must hold one JSON object");
      at_ = At::kFirstKey;
      return true;
    case At::kFirstKey:
    case At::kKey:
      if (c == '}' && at_ == At::kFirstKey) {
        at_ = At::kEnd;
        return true;
      }
      if (c != '"') return unexpected("a property name");
      in_key_ = true;
      key_.clear();
      return true;
    case At::kColon:
      if (c != ':') return unexpected("':'");
      value_key_ = key_;
      at_ = At::kValue;
      return true;
    case At::kValue:
      if (c == '[' && value_key_ == "objects") {
        objects_list_seen_ = true;
        at_ = At::kFirstElement;
        return true;
      }
      --i, --offset_;  // the value's first byte is scanned with the value
      return StartValue(false, c);
    case At::kAfterValue:
      return after('}', At::kKey, At::kEnd, "',' or '}'");
    case At::kFirstElement:
      if (c == ']') {
        at_ = At::kAfterValue;
        return true;
      }
      [[fallthrough]];
    case At::kElement:
      if (c == ']' || c == ',') return unexpected("an object");
      --i, --offset_;
      return StartValue(true, c);
    case At::kAfterElement:
      return after(']', At::kElement, At::kAfterValue, "',' or ']'");
    case At::kEnd:
      return Fail("not valid JSON at byte " + std::to_string(at) +
                  ": content after the end of the bundle");
  }
  return true;
}

bool BundleReader::StartValue(bool is_element, char c) {
  if (c == '}' || c == ']' || c == ':' || c == ',')
    return Fail("not valid JSON at byte " + std::to_string(offset_) + ": expected a value, found " +
                Shown(c));
  value_ = Value{};
  value_.active = true;
  value_.is_element = is_element;
  return true;
}

// Records where the properties of an element object begin and end, so that
// an oversized element can be described without being kept.
void BundleReader::TrackProperty(char c, size_t at) {
  auto& v = value_;
  if (c == ':') {
    v.current = v.key;
    v.current_start = at + 1;
    v.key_next = false;
  } else if (c == ',' || c == '}') {
    size_t size = at - v.current_start;
    if (!v.current.empty() && size > v.largest.property_bytes) {
      v.largest.property = v.current;
      v.largest.property_bytes = size;
    }
    v.current.clear();
    v.key_next = true;
  }
}

bool BundleReader::ScanValue(std::string_view bytes, size_t& i, bool& ended) {
  auto& v = value_;
  const size_t n = bytes.size();
  const size_t start = i;
  const size_t base = v.bytes;
  // Depth of the document at the value's own level: the bundle object, and
  // for an element the "objects" list too.
  const size_t outer = v.is_element ? 2 : 1;
  auto keep = [&](size_t end) {
    v.bytes = base + (end - start);
    if (!v.oversized && v.bytes > limits_.max_element_bytes) {
      v.oversized = true;
      std::string().swap(v.text);
    }
    if (!v.oversized) v.text.append(bytes.substr(start, end - start));
  };
  while (i < n) {
    char c = bytes[i];
    if (v.in_string) {
      const bool tracking = v.in_key || v.capture_id;
      size_t run = i;
      while (i < n && bytes[i] != '"' && bytes[i] != '\\' && !v.escaped) ++i;
      if (tracking) {
        std::string& into = v.in_key ? v.key : v.id;
        if (into.size() < kMaxIdBytes) into.append(bytes.substr(run, i - run));
      }
      if (i == n) break;
      c = bytes[i++];
      if (v.escaped) {
        v.escaped = false;
      } else if (c == '\\') {
        v.escaped = true;
      } else if (c == '"') {
        v.in_string = false;
        v.in_key = v.capture_id = false;
        if (v.depth == 0) {
          ended = true;
          break;
        }
        continue;
      }
      if (tracking) {
        std::string& into = v.in_key ? v.key : v.id;
        if (into.size() < kMaxIdBytes) into.push_back(c);
      }
      continue;
    }
    if (v.scalar) {
      if (EndsScalar(c)) {
        ended = true;
        break;
      }
      ++i;
      continue;
    }
    const size_t at = base + (i - start);
    ++i;
    switch (c) {
      case '"':
        v.in_string = true;
        if (v.is_element && v.depth == 1) {
          if (v.key_next) {
            v.in_key = true;
            v.key.clear();
          } else if (v.current == "id" && v.id.empty()) {
            v.capture_id = true;
          }
        }
        continue;
      case '{':
      case '[':
        if (outer + ++v.depth > limits_.max_depth) {
          keep(i);
          return Fail("JSON is nested deeper than " + std::to_string(limits_.max_depth) +
                      " levels");
        }
        if (v.is_element && v.depth == 1) v.key_next = c == '{';
        continue;
      case '}':
      case ']':
        if (v.is_element && v.depth == 1) TrackProperty(c, at);
        if (v.depth == 0) {
          keep(i);
          return Fail("not valid JSON at byte " + std::to_string(offset_ + (i - 1 - start)) +
                      ": unexpected " + Shown(c));
        }
        if (--v.depth == 0) {
          ended = true;
          break;
        }
        continue;
      case ':':
      case ',':
        if (v.is_element && v.depth == 1) TrackProperty(c, at);
        continue;
      default:
        if (v.depth == 0) v.scalar = true;
        continue;
    }
    break;
  }
  keep(i);
  return true;
}

void BundleReader::EndValue() {
  Value v = std::move(value_);
  value_ = Value{};
  if (!v.is_element) {
    at_ = At::kAfterValue;
    if (v.oversized) {
      Fail("the bundle's property " + value_key_ + " holds more than " +
           std::to_string(limits_.max_element_bytes >> 20) + " MiB");
      return;
    }
    properties_.emplace_back(value_key_, std::move(v.text));
    return;
  }
  at_ = At::kAfterElement;
  const size_t index = elements_++;
  if (v.oversized) {
    v.largest.index = index;
    v.largest.id = std::move(v.id);
    on_oversized_(v.largest);
    return;
  }
  v.text.reserve(v.text.size() + kPadding);
  on_element_(index, std::move(v.text));
}

bool BundleReader::Finish() {
  if (!error_.empty()) return false;
  if (value_.active && value_.scalar) EndValue();
  if (at_ == At::kEnd) return true;
  if (at_ == At::kDocument) return Fail("the file is empty");
  if (value_.active && value_.in_string)
    return Fail("not valid JSON: the file ends inside a string");
  return Fail("not valid JSON: the file ends before the bundle does");
}

}  // namespace ts::exchange::stix
