// Passwords written in a mail body for its encrypted attachment, the habit
// Japanese offices call PPAP and attackers copy ("パスワード：abc123",
// "Password: abc123"). Tried on encrypted archive members so their content
// can be judged too.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ts::ingest::mail {

// Candidate passwords, at most a few, in order of appearance: the first
// run of printable ASCII after a password label and a separator.
std::vector<std::string> PasswordsInText(std::string_view text);

}  // namespace ts::ingest::mail
