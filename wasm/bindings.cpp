// The Embind boundary and nothing else: JSON text in, JSON text out (core/api*.h), one
// table of every function the wrapper (wasm/crosslink.mjs) calls. A snapshot can be large
// (P3: 5,000 elements), so it may also come as UTF-8 bytes the wrapper has written into the
// module's memory (address, length), read there in place: no character-by-character copy,
// no copy at all. The wrapper frees that buffer after. Numbers cross as doubles.
#include <emscripten/bind.h>

#include <cstdint>

#include "api.h"
#include "api_flows.h"
#include "api_guided.h"
#include "api_settings.h"
#include "api_share.h"

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

EMSCRIPTEN_BINDINGS(crosslink) {
  using namespace crosslink::api;
  emscripten::function("version", &version);
  emscripten::function("schema", &schema);
  emscripten::function("readLinkStatus", &read_link_status);
  // Screens and flows (core/api_flows.h).
  emscripten::function("recognize", &recognize_text);
  emscripten::function("recognizeAt", &recognize_at);
  emscripten::function("startFlow", &start_flow);
  emscripten::function("step", &step_text);
  emscripten::function("stepAt", &step_at);
  emscripten::function("cancel", &cancel);
  emscripten::function("instagramAccountAt", &instagram_account_at);
  emscripten::function("composerSwitchAt", &composer_switch_at);
  emscripten::function("answer", &answer);
  // Sharing (core/api_share.h), the settings and the activity log (core/api_settings.h).
  emscripten::function("normalizePermalink", &normalize_permalink);
  emscripten::function("shareLinks", &share_links);
  emscripten::function("settingsDefaults", &settings_defaults);
  emscripten::function("settingsLoad", &settings_load);
  emscripten::function("settingsValidate", &settings_validate);
  emscripten::function("logAppend", &log_append);
  emscripten::function("logLoad", &log_load);
  emscripten::function("logExport", &log_export);
  // Guided steps, taught wordings and the problem report (core/api_guided.h).
  emscripten::function("taughtSet", &taught_set);
  emscripten::function("taughtCheck", &taught_check);
  emscripten::function("problemReport", &problem_report);
}
