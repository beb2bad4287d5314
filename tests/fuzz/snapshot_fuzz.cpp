// Any bytes as a snapshot: parse_snapshot and read_link_status must return a value
// (a decision or a named error) and never crash, leak or hit undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api.h"
#include "snapshot.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto snap = crosslink::parse_snapshot(text);
  if (!snap.ok() && snap.error().name.empty()) __builtin_trap();  // every error is named
  std::string out = crosslink::api::read_link_status(text);
  if (out.empty() || out.front() != '{') __builtin_trap();
  return 0;
}
