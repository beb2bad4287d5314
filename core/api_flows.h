// The flows' text-in, text-out surface (wasm/bindings.cpp exposes it; the parity
// tests call it natively). Every function returns JSON text and never aborts.
#pragma once
#include <string>
#include <string_view>

namespace crosslink::api {

// {"screen": id, "evidence": [...], "locale": "en"|...|""} or {"error": {name, detail}}.
std::string recognize(std::string_view snapshot_json);

// {"state": {...}} or {"error": {name, detail}}; kind: link, unlink, setSharing,
// linkMessaging, unlinkMessaging, readStatus; params: JSON object text ("" or "null": none).
std::string start_flow(const std::string& kind, const std::string& params_json, double now_ms);

// {"decision": {...}, "state": {...}}; a state that is not one gives decision error
// bad_state and "state": null; a snapshot that is not one ends the flow with its error.
std::string step(const std::string& state_json, std::string_view snapshot_json, double now_ms);

// The same two on a snapshot buffer the caller hands over for the call: read in place
// (changed), no copy. The Wasm boundary uses these with the wrapper's buffer.
std::string recognize_in_place(char* snapshot, std::size_t size);
std::string step_in_place(const std::string& state_json, char* snapshot, std::size_t size, double now_ms);

// The Instagram account logged in, from a snapshot of www.instagram.com (its navigation's
// profile link): {"username": "jane.doe"|null} or {"error": {name, detail}}.
std::string read_instagram_account(std::string_view snapshot_json);
std::string read_instagram_account_in_place(char* snapshot, std::size_t size);
// The new-post composer's "Also share to Facebook" switch in a snapshot of the page:
// {"screen": id, "switch": index, -1 unless the page is the composer and the switch is
// in the composer's dialog} or {"error": {name, detail}}.
std::string composer_switch(std::string_view snapshot_json);
std::string composer_switch_in_place(char* snapshot, std::size_t size);
// The person's answer to an ask with choices (confirm_account, confirm_unlink, choose_unlink):
// {"state": {...}} with the flow going on, or {"error": {name: bad_answer | bad_state, detail}}.
std::string answer(const std::string& state_json, const std::string& choice, double now_ms);

// {"decision": error cancelled (or the flow's final decision if it had ended), "state": {...}}.
std::string cancel(const std::string& state_json, double now_ms);

}  // namespace crosslink::api
