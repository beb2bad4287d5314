#include "link_status.h"

#include <vector>

#include "page.h"
#include "screens.h"
#include "url.h"

namespace crosslink {
namespace {

constexpr const char* kScreen = "accounts_center_accounts";

}  // namespace

Decision read_link_status(const Snapshot& snap) {
  Url url = parse_url(snap.url);
  if (url.host != "accountscenter.instagram.com" || url.path.rfind("/accounts", 0) != 0)
    return Decision::fail("unknown", {"wrong_screen", "expected accountscenter.instagram.com/accounts/, got " + url.host + url.path});
  // The path is not the list: a dialog over it, an account's page under /accounts/…, a
  // person's decision, are not read as the list (issue 15).
  Recognition rec = recognize(Page(snap));
  if (rec.screen != Screen::accounts_center_accounts && rec.screen != Screen::unknown)
    return Decision::fail(screen_name(rec.screen), {"wrong_screen", std::string("expected the accounts list, got ") + screen_name(rec.screen) + " at " + url.host + url.path});
  // Lists without list items (ul/li the snapshot does not name): each account's link to its profile is its card.
  bool items = false;
  for (const Element& e : snap.elements) items = items || e.role == Role::ListItem;

  int cards = 0;
  // The Instagram account the reading is for: the first Instagram card's name (Accounts
  // Center lists the account it was opened from first; "" when no card says Instagram).
  std::string instagram;
  bool linked = false;
  std::string facebook_name;
  for (const Element& e : snap.elements) {
    if (items ? e.role != Role::ListItem : (e.role != Role::Link || e.href.find("/profiles/") == std::string::npos)) continue;
    ++cards;
    // A card reads "<account name>\n<platform>"; the platform is a brand name, the same
    // in every language, so it is the language-free way to tell Facebook's card apart.
    std::vector<std::string> lines = lines_of(e.text);
    bool facebook = false;
    bool is_instagram = false;
    std::string name;     // the first line that is not "Facebook" (as before)
    std::string ig_name;  // the first line that is not "Instagram"
    for (const std::string& line : lines) {
      if (equals_ignore_case(line, "Facebook")) facebook = true;
      else if (name.empty()) name = line;
      if (equals_ignore_case(line, "Instagram")) is_instagram = true;
      else if (ig_name.empty()) ig_name = line;
    }
    if (facebook && !linked) {
      linked = true;
      facebook_name = name;
    } else if (is_instagram && !facebook && instagram.empty()) {
      instagram = ig_name;
    }
  }
  if (cards == 0) return Decision::fail(kScreen, {"not_found", "account cards (role=listitem) on " + url.path});
  return Decision::done(kScreen, {{"linked", linked}, {"facebookName", facebook_name}, {"instagramUsername", instagram}});
}

}  // namespace crosslink
