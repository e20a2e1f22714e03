// Splits a STIX bundle as its bytes arrive: each element of "objects" is
// handed over as soon as its closing brace is read, so a bundle of any size
// is parsed in pieces while it is still being uploaded or read from disk.
//
// The reader checks the bundle's own JSON structure (braces, commas, colons,
// strings, nesting) and leaves the elements and the other top-level values
// to simdjson: together every byte of the document is checked. A structural
// error is fatal and names the byte where it was found; an element larger
// than the limit is skipped and reported with its id and biggest property.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ts::exchange::stix {

class BundleReader {
 public:
  struct Limits {
    size_t max_element_bytes = 16u << 20;
    size_t max_depth = 128;  // of the whole document, as simdjson counts
  };
  // An element too large to keep: what is known of it.
  struct Oversized {
    size_t index = 0;
    std::string id;        // its "id" when seen, else ""
    std::string property;  // its largest property
    size_t property_bytes = 0;
  };
  // `text` has spare capacity of at least kPadding bytes for simdjson.
  using ElementFn = std::function<void(size_t index, std::string text)>;
  using OversizedFn = std::function<void(const Oversized&)>;
  static constexpr size_t kPadding = 64;

  BundleReader(Limits limits, ElementFn on_element, OversizedFn on_oversized);

  // Reads the next bytes; false once the document is known to be broken.
  bool Feed(std::string_view bytes);
  // The input has ended: false when the document is incomplete or broken.
  bool Finish();

  // Why the document is broken ("" while it is not).
  const std::string& error() const { return error_; }
  // Raw JSON text of each top-level property other than a list "objects".
  const std::vector<std::pair<std::string, std::string>>& properties() const { return properties_; }
  bool objects_list_seen() const { return objects_list_seen_; }
  size_t bytes_read() const { return offset_; }

 private:
  enum class At {
    kDocument,      // before the opening brace
    kFirstKey,      // after "{": a key or "}"
    kKey,           // after ",": a key
    kColon,         // after a key
    kValue,         // after ":"
    kAfterValue,    // "," or "}"
    kFirstElement,  // after "[" of "objects": an element or "]"
    kElement,       // after ",": an element
    kAfterElement,  // "," or "]"
    kEnd,           // after the closing brace: only white space
  };
  // Scanning one JSON value (a top-level value or an element) byte by byte.
  struct Value {
    bool active = false;
    bool is_element = false;
    bool in_string = false;
    bool escaped = false;
    bool scalar = false;  // a number, true, false or null
    size_t depth = 0;     // open brackets inside the value
    size_t bytes = 0;
    bool oversized = false;
    std::string text;
    // Properties of an element object at its first level, for Oversized.
    bool key_next = false;  // the next string at depth 1 is a key
    bool in_key = false;
    std::string key;
    std::string current;  // key of the property being read
    size_t current_start = 0;
    bool capture_id = false;
    std::string id;
    Oversized largest;
  };

  bool Fail(std::string message);
  bool KeyTooLong();
  bool Step(std::string_view bytes, size_t& i);
  bool StartValue(bool is_element, char c);
  // Consumes bytes of the current value; true when it ended at bytes[i-1]
  // (or at a delimiter left unconsumed for a scalar).
  bool ScanValue(std::string_view bytes, size_t& i, bool& ended);
  void TrackProperty(char c, size_t at);
  void EndValue();

  Limits limits_;
  ElementFn on_element_;
  OversizedFn on_oversized_;
  At at_ = At::kDocument;
  Value value_;
  bool in_key_ = false;  // reading a top-level key
  bool key_escaped_ = false;
  std::string key_;
  std::string value_key_;  // key of the value being read
  size_t elements_ = 0;
  size_t offset_ = 0;
  bool objects_list_seen_ = false;
  std::string error_;
  std::vector<std::pair<std::string, std::string>> properties_;
};

}  // namespace ts::exchange::stix
