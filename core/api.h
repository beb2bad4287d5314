// The text-in, text-out surface of the core: what wasm/bindings.cpp exposes and what
// the parity tests call natively. Every function returns JSON text and never aborts.
#pragma once
#include <string>

namespace crosslink::api {

std::string version();

// The registry (core/data/registry.json) as the extension takes its lists from it:
// {"ok": true, "hosts": [{host, kind}], "locales": [{code, name}], "flows": [{name, entry,
// params}], "budgets", "networks": [{name, label, default}], "ranges", "screens": [ids]}.
std::string schema();

// Decision JSON for the accounts-page snapshot; {"kind":"error",...} for bad input.
std::string read_link_status(const std::string& snapshot_json);

}  // namespace crosslink::api
