// The text-in, text-out surface of the settings and the activity log: what
// wasm/bindings.cpp exposes, and what the parity tests call natively.
// Every function returns JSON text, {"ok": true, ...} or {"ok": false, "error": {"name",
// "detail"}}, and never aborts. Numbers arrive as doubles (JS numbers) and are checked here.
#pragma once
#include <string>

namespace crosslink::api {

// {"ok": true, "settings": {...}}
std::string settings_defaults();
// Never fails: {"ok": true, "settings", "storedVersion", "migratedFrom", "newer",
// "writeBack", "dropped": [{"field", "name", "detail"}]}
std::string settings_load(const std::string& stored_json);
// {"ok": true, "settings"} or {"ok": false, "error": first problem, "errors": [all]}
std::string settings_validate(const std::string& settings_json);

// {"ok", "log", "evicted", "repair"?: {"name", "detail", "dropped"}}
std::string log_append(const std::string& log_json, const std::string& entry_json, double now_ms, double cap);
std::string log_load(const std::string& log_json, double cap);
// {"ok", "export": {"format", "version", "exportedAt", "count", "entries"}}
std::string log_export(const std::string& log_json, double now_ms);

}  // namespace crosslink::api
