#include "ingest/digests.hpp"

#include "ingest/ascii.hpp"
#include "ingest/invalid_value.hpp"

namespace ts::ingest {

Result<std::string> NormalizeHexDigest(std::string_view value, std::size_t hex_digits,
                                       std::string_view what) {
  const std::string expected = "a valid " + std::string(what);
  if (!IsHex(value))
    return InvalidValue(expected, value, "it may only hold hex digits 0-9 and a-f");
  if (value.size() != hex_digits)
    return InvalidValue(expected, value,
                        "it has " + std::to_string(value.size()) + " hex digits instead of " +
                            std::to_string(hex_digits));
  return AsciiLowered(value);
}

}  // namespace ts::ingest
