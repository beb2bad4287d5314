// The text-in, text-out surface of sharing (permalinks, share links): what
// wasm/bindings.cpp exposes and what the parity tests call natively. Every function
// returns JSON text, {"ok": true, ...} or {"ok": false, "error": {"name", "detail"}},
// and never aborts. Numbers arrive as doubles (JS numbers) and are checked here.
#pragma once
#include <string>

namespace crosslink::api {

// {"ok", "url", "kind": post|reel|story, "shortcode" | "user" + "id", "removed": [names]}
std::string normalize_permalink(const std::string& url);
// text: what to prefill (may be ""); networks: comma-separated names in menu order →
// {"ok", "url", "removed", "links": [{"network", "url"}], "x"?: {"text", "weightedLength", "trimmed"}}
std::string share_links(const std::string& url, const std::string& text, const std::string& networks);

}  // namespace crosslink::api
