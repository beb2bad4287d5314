// Embind for the screens and flows (core/api_flows.h): JSON text both ways. A snapshot
// can be large (P3: 5,000 elements), so it may also come as UTF-8 bytes the wrapper has
// written into the module's memory (address, length), read there in place: no
// character-by-character copy, no copy at all. The wrapper frees that buffer after.
#include <emscripten/bind.h>

#include <cstdint>

#include "api_flows.h"

namespace {

char* bytes_at(uintptr_t address) { return reinterpret_cast<char*>(address); }

std::string recognize_text(const std::string& snapshot) { return crosslink::api::recognize(snapshot); }
std::string recognize_at(uintptr_t address, size_t length) { return crosslink::api::recognize_in_place(bytes_at(address), length); }
std::string step_text(const std::string& state, const std::string& snapshot, double now) { return crosslink::api::step(state, snapshot, now); }
std::string step_at(const std::string& state, uintptr_t address, size_t length, double now) {
  return crosslink::api::step_in_place(state, bytes_at(address), length, now);
}

std::string instagram_account_at(uintptr_t address, size_t length) {
  return crosslink::api::read_instagram_account_in_place(bytes_at(address), length);
}
std::string composer_switch_at(uintptr_t address, size_t length) {
  return crosslink::api::composer_switch_in_place(bytes_at(address), length);
}

}  // namespace

EMSCRIPTEN_BINDINGS(crosslink_flows) {
  using namespace crosslink::api;
  emscripten::function("recognize", &recognize_text);
  emscripten::function("recognizeAt", &recognize_at);
  emscripten::function("startFlow", &start_flow);
  emscripten::function("step", &step_text);
  emscripten::function("stepAt", &step_at);
  emscripten::function("cancel", &cancel);
  emscripten::function("instagramAccountAt", &instagram_account_at);
  emscripten::function("composerSwitchAt", &composer_switch_at);
  emscripten::function("answer", &answer);
}
