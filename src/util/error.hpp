// An Error is a failure value that crosses layers without exceptions: a
// stable machine code (one of the Code names, used verbatim in API bodies),
// a sentence for people, and optionally the input field it concerns.
// Errors are made by the named factories below so that codes stay few.
#pragma once

#include <string>
#include <string_view>

namespace ts {

enum class Code {
  kInvalid,           // input does not satisfy the rules (400)
  kUnauthenticated,   // no or wrong credentials (401)
  kForbidden,         // authenticated but not allowed to write this (403)
  kRulesNotAccepted,  // current operating rules not yet accepted (403)
  kNotFound,          // missing, or hidden from this viewer: never distinguished (404)
  kMethodNotAllowed,  // the resource exists but not with this method (405)
  kConflict,          // duplicates or state that forbids the change (409)
  kTooLarge,          // body or file above the limit (413)
  kRateLimited,       // throttled (429)
  kInternal,          // our fault (500)
};

struct Error {
  Code code = Code::kInternal;
  std::string message;
  std::string field;  // empty unless the error concerns one input field

  static Error Invalid(std::string msg, std::string field = {}) {
    return {Code::kInvalid, std::move(msg), std::move(field)};
  }
  static Error Unauthenticated(std::string msg) {
    return {Code::kUnauthenticated, std::move(msg), {}};
  }
  static Error Forbidden(std::string msg) { return {Code::kForbidden, std::move(msg), {}}; }
  static Error RulesNotAccepted() {
    return {Code::kRulesNotAccepted, "the current operating rules must be accepted first", {}};
  }
  // The message never depends on whether the item exists.
  static Error NotFound(std::string_view what) {
    return {Code::kNotFound, std::string(what) + " not found", {}};
  }
  static Error Conflict(std::string msg, std::string field = {}) {
    return {Code::kConflict, std::move(msg), std::move(field)};
  }
  static Error TooLarge(std::string msg) { return {Code::kTooLarge, std::move(msg), {}}; }
  static Error RateLimited(std::string msg) { return {Code::kRateLimited, std::move(msg), {}}; }
  static Error Internal(std::string msg) { return {Code::kInternal, std::move(msg), {}}; }
};

// Machine code as written in API error bodies, e.g. "not_found".
std::string_view CodeName(Code code);
// HTTP status for a code.
int HttpStatus(Code code);

}  // namespace ts
