// Any bytes as stored settings (chrome.storage.sync may hold anything: an old version, a
// newer one, damage): settings_load never fails, and what it returns always validates and
// loads again unchanged with nothing to write back. settings_validate answers ok or
// names every problem.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api_settings.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);

  auto loaded = fuzz::must_parse_object(crosslink::api::settings_load(text));
  if (!fuzz::ok_or_named_error(loaded) || !fuzz::at(loaded, "settings").is_object()) __builtin_trap();  // never fails
  const std::string settings = fuzz::at(loaded, "settings").dump();
  auto valid = fuzz::must_parse_object(crosslink::api::settings_validate(settings));
  if (!fuzz::ok_or_named_error(valid)) __builtin_trap();  // what load returns is valid
  auto again = fuzz::must_parse_object(crosslink::api::settings_load(settings));
  if (fuzz::at(again, "settings") != fuzz::at(loaded, "settings") || fuzz::at(again, "writeBack") != false) __builtin_trap();  // a fixed point

  auto checked = fuzz::must_parse_object(crosslink::api::settings_validate(text));
  if (!fuzz::ok_or_named_error(checked) && !fuzz::at(checked, "errors").is_array()) __builtin_trap();
  return 0;
}
