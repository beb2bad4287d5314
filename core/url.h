// Just enough URL and text handling for deciding; no network, no DOM.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace crosslink {

struct Url {
  std::string scheme;  // lower case, without ':'
  std::string host;    // lower case, without port
  std::string path;    // starts with '/' when present
  std::string query;   // without '?'
  std::string fragment;
};

// Lenient: anything unparseable comes back with empty fields.
Url parse_url(std::string_view text);

std::string trim(std::string_view text);
// The lines of a visible text (innerText), each trimmed, empty ones left out.
std::vector<std::string> lines_of(std::string_view text);
bool equals_ignore_case(std::string_view a, std::string_view b);

}  // namespace crosslink
