// The problem report (issue 16): what a person may copy when a flow stops or goes guided,
// to tell us what their page looked like. Built here, in the core, so the native and the
// Wasm build redact alike: every name and text of the last snapshot that is not one of the
// shipped wordings becomes a placeholder (a wording with "{name}" is given as written,
// never as the page filled it in); URLs keep their host and the path words Crosslink
// knows, any other path segment (ids, usernames) becomes ":id", and no query or fragment.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "page.h"

namespace crosslink::report {

inline constexpr const char* kName = "[name]";
inline constexpr const char* kText = "[text]";

// info: {extension, browser, flow, outcome, trail: [{screen, kind, locator, reason, error,
// taught}]}; anything else, and any value that is not a plain token, is left out.
nlohmann::json build(const nlohmann::json& info, const Page* last);
nlohmann::json redact_snapshot(const Page& page);
std::string redact_url(std::string_view url);
std::string redact_text(std::string_view text, const char* placeholder);
// The report as the person reads and copies it: plain text, one fact a line.
std::string to_text(const nlohmann::json& report);

}  // namespace crosslink::report
