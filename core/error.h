// A failure as a value: a stable name the UI can translate and show, and a detail for us.
#pragma once
#include <string>

namespace crosslink {

struct Error {
  std::string name;    // e.g. "bad_json", "not_found", "rate_limited"
  std::string detail;  // which locator, which screen, which field
};

// Either a value or an Error; no exceptions anywhere in core.
template <class T>
class Expected {
 public:
  Expected(T value) : ok_(true), value_(std::move(value)) {}            // NOLINT: implicit on purpose
  Expected(Error error) : ok_(false), error_(std::move(error)) {}       // NOLINT
  bool ok() const { return ok_; }
  const T& value() const { return value_; }
  T& value() { return value_; }
  const Error& error() const { return error_; }

 private:
  bool ok_;
  T value_{};
  Error error_{};
};

}  // namespace crosslink
