// Just enough URL and text handling for deciding; no network, no DOM.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace crosslink {

struct Url {
  std::string scheme;  // lower case, without ':'
  std::string host;    // lower case, without port
  std::string port;    // as written, "" when none
  bool userinfo = false;  // "user@" before the host
  std::string path;    // starts with '/' when present
  std::string query;   // without '?'
  std::string fragment;
};

// Lenient: anything unparseable comes back with empty fields.
Url parse_url(std::string_view text);

// A link's href resolved against the page it is on, as a browser reads it for where it
// leads: ASCII whitespace and control characters dropped, '\' read as '/', then
// "scheme:...", "//host/...", "/path" and "path" each resolved. `none` is set for an
// href that leads nowhere by itself ("" or "#..."): the page's own script decides.
// A scheme without "//" (javascript:, data:, mailto:, "https:host") comes back with that
// scheme and no host.
struct Link {
  Url url;
  bool none = false;
};
Link resolve_link(const Url& base, std::string_view href);

std::string trim(std::string_view text);
// The lines of a visible text (innerText), each trimmed, empty ones left out.
std::vector<std::string> lines_of(std::string_view text);
bool equals_ignore_case(std::string_view a, std::string_view b);

}  // namespace crosslink
