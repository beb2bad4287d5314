// The locator packs as compiled tables (core/data/*.json → pack_data.cpp at build time,
// by core/data/generate.mjs). Nothing here is downloaded or changed at run time.
#pragma once
#include <cstdint>
#include <string_view>

#include "pack_data.h"

namespace crosslink::registry {

// The enumerator whose name(i) is `name`, among the first `count`: how every registry name
// (flow, network, screen, step) is read back from JSON.
template <class Enum, class Name>
bool from_name(std::string_view name, int count, Name name_of, Enum& out) {
  for (int i = 0; i < count; ++i)
    if (name == name_of(i)) {
      out = static_cast<Enum>(i);
      return true;
    }
  return false;
}

}  // namespace crosslink::registry

namespace crosslink::pack {

struct Wording {
  uint8_t locale;    // index into kLocales
  const char* text;  // as written; "{name}" is a placeholder for one or more characters
};
struct TextRow {
  const char* key;
  uint16_t first, count;  // into kWordings
};
struct Probe {
  uint32_t roles;       // bit (1 << Role) per accepted role; 0: any role
  int16_t text;         // Text the element must match, -1 for none
  int16_t card;         // Text one line of the enclosing list item must match, -1 for none
  uint8_t scope;        // 0 anywhere, 1 inside a dialog, 2 outside dialogs, 3 inside a list item
  bool name_only;       // match the accessible name only, not the lines of the visible text
  const char* href;     // glob on the href's path and query ('*': any characters), or nullptr
};
struct LocatorRow {
  const char* id;
  uint16_t first, count;  // into kProbes, tried in order
};
struct ScreenRule {
  const char* id;
  uint32_t hosts;  // bit per kScreenHosts entry (screens.json hostGroups)
  uint16_t paths_first, paths_count;
  uint16_t markers_first, markers_count;    // into kRefs (locator indices)
  uint16_t several_first, several_count;    // markers that hold when the locator finds two or more
  uint16_t requires_first, requires_count;
  uint16_t unless_first, unless_count;
  uint16_t over_first, over_count;          // into kOver: later rules this one is a narrower case of
  const char* ask;  // a screen of the person's decision: what the flow asks them (ask_user reason), else nullptr
};
struct PageRow {
  const char* id;
  const char* url;
};

extern const Wording kWordings[];
extern const TextRow kTexts[];
extern const Probe kProbes[];
extern const LocatorRow kLocators[];
extern const uint16_t kRefs[];
extern const char* const kPaths[];
extern const uint16_t kOver[];  // screen rule indices (screens.json "over")
extern const ScreenRule kScreens[];
extern const PageRow kPages[];
extern const char* const kLocales[];
extern const char* const kHosts[];
extern const char* const kScreenHosts[];  // every host a screen rule may name (screens.json hostGroups)

}  // namespace crosslink::pack
