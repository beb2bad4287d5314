// Which screen of docs/SCREENS.md a snapshot shows, and the evidence for it (the rules
// are data: core/data/screens.json).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "pack.h"
#include "page.h"

namespace crosslink {

struct Recognition {
  Screen screen = Screen::unknown;  // Screen: generated from screens.json, then unknown, unreadable
  std::vector<std::string> evidence;  // e.g. "path /accounts/", "accounts_heading: heading \"Accounts\" #9"
  int locale = -1;                    // the page's locale, or the one its wording matched in
};

Recognition recognize(const Page& page);

// The screen's id as docs/SCREENS.md and the JSON boundary spell it.
const char* screen_name(Screen screen);
bool screen_from_name(std::string_view name, Screen& out);

// A screen of the person's decision (a cookie banner, "Confirm it's you", a checkpoint…):
// the ask_user reason the flow asks them with; nullptr for every other screen.
const char* person_reason(Screen screen);

// One of Meta's hosts a screen may be on (screens.json hostGroups: Instagram, Accounts
// Center's three, Facebook's and auth.meta.com).
bool meta_host(std::string_view host);

// Language code for a locale index ("" for -1).
const char* locale_name(int locale);

// "heading \"Accounts\" #9": how an element is named in evidence and error details.
std::string describe(const Page& page, int i);

}  // namespace crosslink
