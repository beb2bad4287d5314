// The text-in, text-out surface of the core: what wasm/bindings.cpp exposes and what
// the parity tests call natively. Every function returns JSON text and never aborts.
#pragma once
#include <string>

namespace crosslink::api {

std::string version();

// Decision JSON for the accounts-page snapshot; {"kind":"error",...} for bad input.
std::string read_link_status(const std::string& snapshot_json);

}  // namespace crosslink::api
