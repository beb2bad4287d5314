#include "link_status.h"

#include <vector>

#include "page.h"
#include "reading.h"
#include "screens.h"
#include "url.h"

namespace crosslink {
namespace {

const char* const kScreen = screen_name(Screen::accounts_center_accounts);

}  // namespace

Decision read_link_status(const Snapshot& snap) {
  Url url = parse_url(snap.url);
  // The list as the flows recognise it (on any of Accounts Center's hosts), or an unknown
  // page at the list's own address. Anything else at that address — a dialog over it, an
  // account's page under /accounts/…, a person's decision — is not read as the list (issue 15).
  Recognition rec = recognize(Page(snap));
  const bool at_list = url.host == "accountscenter.instagram.com" && url.path.rfind("/accounts", 0) == 0;
  if (rec.screen != Screen::accounts_center_accounts && !at_list)
    return Decision::fail(screen_name(Screen::unknown), {"wrong_screen", "expected accountscenter.instagram.com/accounts/, got " + url.host + url.path});
  if (rec.screen != Screen::accounts_center_accounts && rec.screen != Screen::unknown)
    return Decision::fail(screen_name(rec.screen), {"wrong_screen", std::string("expected the accounts list, got ") + screen_name(rec.screen) + " at " + url.host + url.path});
  // Lists without list items (ul/li the snapshot does not name): each account's link to its profile is its card.
  bool items = false;
  for (const Element& e : snap.elements) items = items || e.role == Role::ListItem;

  // The Instagram account the reading is for: the first Instagram card's name (Accounts
  // Center lists the account it was opened from first; "" when no card says Instagram).
  // A card reads "<account name>\n<platform>", the platform a brand name, the same in
  // every language. The Facebook card is read as the flows read it (read_accounts).
  int cards = 0;
  std::string instagram;
  for (const Element& e : snap.elements) {
    if (items ? e.role != Role::ListItem : (e.role != Role::Link || e.href.find("/profiles/") == std::string::npos)) continue;
    ++cards;
    bool is_instagram = false, facebook = false;
    std::string name;  // the first line that is not "Instagram"
    for (const std::string& line : lines_of(e.text)) {
      facebook = facebook || equals_ignore_case(line, "Facebook");
      if (equals_ignore_case(line, "Instagram")) is_instagram = true;
      else if (name.empty()) name = line;
    }
    if (is_instagram && !facebook && instagram.empty()) instagram = name;
  }
  nlohmann::json accounts = read_accounts(Page(snap));
  const bool linked = accounts["linked"].get<bool>();
  if (linked) ++cards;  // a Facebook card the locators know in a layout the scan above does not
  const std::string facebook_name = accounts["facebookName"].get<std::string>();
  if (cards == 0) return Decision::fail(kScreen, {"not_found", "account cards (role=listitem) on " + url.path});
  nlohmann::json result = {{"linked", linked}, {"facebookName", facebook_name}, {"instagramUsername", instagram}};
  // Unlinked, no switch is on any more (Accounts Center turns them off with the account):
  // a partial status, as unlink's own result says it (docs/PROTOCOL.md).
  if (!linked) result["sharing"] = nullptr;
  return Decision::done(kScreen, std::move(result));
}

}  // namespace crosslink
