// The page as the content script saw it: the visible, interactive elements only.
// JSON shape (docs/PROTOCOL.md):
//   {"url": "...", "lang": "en", "title": "...",
//    "elements": [{"i": 0, "role": "button", "name": "...", "text": "...",
//                  "href": "...", "checked": true, "container": -1}, ...]}
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "error.h"

namespace crosslink {

struct Element {
  int index = 0;       // position in the snapshot; decisions name targets by it
  std::string role;    // ARIA role, explicit or implicit (button, link, switch, listitem, ...)
  std::string name;    // accessible name
  std::string text;    // visible text, lines joined by '\n'
  std::string href;    // links only
  int checked = -1;    // switches and checkboxes: 0 or 1; -1 when not applicable
  int container = -1;  // index of the enclosing listitem or dialog, -1 if none
};

struct Snapshot {
  std::string url;
  std::string lang;
  std::string title;
  std::vector<Element> elements;
};

struct SnapshotLimits {
  std::size_t max_bytes = 64u << 20;     // whole input
  std::size_t max_elements = 100000;
  std::size_t max_string = 1u << 20;     // any one string
  int max_depth = 16;                    // a snapshot needs 3
};

// Never aborts: malformed, mistyped, oversized or non-UTF-8 input gives a named Error
// (bad_json, bad_utf8, too_large, too_deep, too_many_elements, string_too_long, bad_snapshot).
Expected<Snapshot> parse_snapshot(std::string_view json_text, const SnapshotLimits& limits = {});

}  // namespace crosslink
