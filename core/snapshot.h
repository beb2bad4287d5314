// The page as the content script saw it: the visible, interactive elements only.
// JSON shape (docs/PROTOCOL.md):
//   {"url": "...", "lang": "en", "title": "...", "readable": true,
//    "elements": [{"i": 0, "role": "button", "name": "...", "text": "...",
//                  "href": "...", "checked": true, "disabled": false, "container": -1}, ...]}
// Parsed by a dedicated single-pass reader (a decision on 5,000 elements must take well
// under a millisecond): the element strings are views into one buffer the Snapshot owns.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "error.h"

namespace crosslink {

// The roles the core tells apart; anything else is Other (kept, never matched by role).
enum class Role : uint8_t {
  Other, Button, Link, Switch, Checkbox, Radio, MenuItem, MenuItemCheckbox, MenuItemRadio, Tab, Option,
  ListItem, Dialog, AlertDialog, Heading, Textbox, Searchbox, Combobox, Alert, Status, Count
};
Role role_from_name(std::string_view name);
const char* role_name(Role role);

struct Element {
  int index = 0;           // position in the snapshot; decisions name targets by it
  Role role = Role::Other;
  std::string_view role_text;  // the role as sent (for roles the core does not know)
  std::string_view name;   // accessible name
  std::string_view text;   // visible text, lines joined by '\n'
  std::string_view href;   // links (and anchors given another role)
  int8_t checked = -1;     // switches, checkboxes, radios: 0 or 1; -1 when not applicable
  bool disabled = false;   // aria-disabled="true" or disabled: busy or not offered
  int container = -1;      // index of the enclosing listitem or dialog, -1 if none
};

struct Snapshot {
  std::string url;
  std::string lang;
  std::string title;
  bool readable = true;    // false: the extension may not read this page (e.g. Facebook without permission)
  std::vector<Element> elements;
  std::unique_ptr<char[]> storage;  // what the element views point into (null: the caller's buffer)
};

struct SnapshotLimits {
  std::size_t max_bytes = 64u << 20;     // whole input
  std::size_t max_elements = 100000;
  std::size_t max_string = 1u << 20;     // any one string, as written
  int max_depth = 16;                    // a snapshot needs 3
};

// Never aborts: malformed, mistyped, oversized or non-UTF-8 input gives a named Error
// (bad_json, bad_utf8, too_large, too_deep, too_many_elements, string_too_long, bad_snapshot).
Expected<Snapshot> parse_snapshot(std::string_view json_text, const SnapshotLimits& limits = {});
// The same on a buffer the caller gives up for as long as the Snapshot is used: read and
// unescaped in place, no copy (the Wasm boundary hands over a buffer it frees after).
Expected<Snapshot> parse_snapshot_in_place(char* json_text, std::size_t size, const SnapshotLimits& limits = {});

}  // namespace crosslink
