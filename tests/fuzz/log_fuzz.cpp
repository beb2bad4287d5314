// Any bytes as a stored activity log and as a new entry (split by a "--" line), with a
// cap and a time from the input: load and append keep at most `cap` entries and report
// what they repaired, export answers ok or a named error. Never a crash.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "api_settings.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  double cap = 10, now = 1717243200000.0;
  if (size >= 1) {
    cap = 5 + data[0] * 2;  // 5..515: below the minimum and a few caps above it
    data += 1;
    size -= 1;
  }
  if (size >= 8 && data[0] == 'T') {  // an arbitrary double as the time, NaN and ∞ too
    std::memcpy(&now, data, sizeof now);
    data += 8;
    size -= 8;
  }
  auto parts = fuzz::split(std::string_view(reinterpret_cast<const char*>(data), size), 2);

  for (const std::string& log : {parts[0], parts[1]}) {
    auto loaded = fuzz::must_parse_object(crosslink::api::log_load(log, cap));
    if (fuzz::ok_or_named_error(loaded)) {
      if (cap < 10 || !fuzz::at(fuzz::at(loaded, "log"), "entries").is_array() || fuzz::at(fuzz::at(loaded, "log"), "entries").size() > cap) __builtin_trap();
      fuzz::ok_or_named_error(fuzz::must_parse_object(crosslink::api::log_export(fuzz::at(loaded, "log").dump(), now)));
    } else if (cap >= 10) {
      __builtin_trap();  // a stored log is repaired, never refused
    }
  }
  auto appended = fuzz::must_parse_object(crosslink::api::log_append(parts[0], parts[1], now, cap));
  if (fuzz::ok_or_named_error(appended) && fuzz::at(fuzz::at(appended, "log"), "entries").size() > cap) __builtin_trap();
  fuzz::ok_or_named_error(fuzz::must_parse_object(crosslink::api::log_export(parts[0], now)));
  return 0;
}
