// Timestamps as logs write them (log_record.hpp TimeFormat), read into UTC.
// Only called for lines that hit, so clarity wins over speed here.
#pragma once

#include <optional>
#include <string_view>

#include "hunt/log_record.hpp"
#include "util/time.hpp"

namespace ts::hunt {

// The instant `text` names in `format`, or nullopt when it names none.
std::optional<SysTime> ParseLogTime(std::string_view text, TimeFormat format);

}  // namespace ts::hunt
