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

// The accounts list: {"linked": bool, "facebookName": name or null}.
nlohmann::json read_accounts(const Page& page);
// The sharing switches present: {"posts": bool, ...}.
nlohmann::json read_switches(const Page& page);
// Messages and story replies: {"updated": bool, "othersOnFacebook": "chats"|"requests"|"none"|null}.
nlohmann::json read_messaging(const Page& page);

}  // namespace crosslink
