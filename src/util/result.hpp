// Result<T> holds either a value or an Error; Result<void> only the latter.
// Callers test with ok() (or operator bool) and read value() or error().
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "util/error.hpp"

namespace ts {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace ts

// Propagates the error of an expression yielding a Result. The variable
// name is unique per use so that nested uses (in lambdas) do not shadow.
#define TS_TRY_CONCAT_(a, b) a##b
#define TS_TRY_NAME_(n) TS_TRY_CONCAT_(ts_try_result_, n)
#define TS_TRY_IMPL_(name, expr)         \
  do {                                   \
    auto name = (expr);                  \
    if (!name.ok()) return name.error(); \
  } while (0)
#define TS_TRY(expr) TS_TRY_IMPL_(TS_TRY_NAME_(__COUNTER__), expr)
