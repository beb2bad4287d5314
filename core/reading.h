// What a page shows, read through the locators (core/data/locators.json): the one reading
// of each page, for the flows and for the passive status alike.
#pragma once
#include <nlohmann/json.hpp>

#include "pack.h"
#include "page.h"

namespace crosslink {

// The four sharing switches, in the order a flow sets them.
inline constexpr const char* kSwitchKeys[4] = {"posts", "reels", "stories", "facebookStories"};
inline constexpr pack::Loc kSwitchLocators[4] = {pack::Loc::switch_posts, pack::Loc::switch_reels, pack::Loc::switch_stories,
                                                 pack::Loc::switch_facebook_stories};

// The accounts list: {"linked": bool, "facebookName": the name, "" when none is linked}.
nlohmann::json read_accounts(const Page& page);
// The sharing switches present: {"posts": bool, ...}.
nlohmann::json read_switches(const Page& page);
// Messages and story replies: {"updated": bool, "othersOnFacebook": "chats"|"requests"|"none"|null}.
nlohmann::json read_messaging(const Page& page);

// The Instagram account logged in on www.instagram.com, from the profile link of the
// site's navigation (locator instagram_profile_link, href "/<username>/"):
// {"username": "jane.doe"}, or {"username": null} when the page shows no such link.
nlohmann::json read_instagram_account(const Page& page);

// The new-post composer's "Also share to Facebook" switch: its index when the page is
// recognised as the composer (screen instagram_composer) and the switch sits in the
// composer's own dialog; -1 otherwise (another dialog with such a switch is not it).
int composer_switch(const Page& page);

}  // namespace crosslink
