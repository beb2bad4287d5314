// Unlink: removes the Facebook account from Accounts Center (its card → Remove account →
// Continue → Remove), then reads the accounts list back. The removal is the person's: the
// card is opened only for the account they named (facebookAccount, which the popup passes
// once the person confirmed "Unlink <name> from <Instagram>?"), else they are asked to
// confirm it (confirm_unlink) or, with several Facebook accounts, to pick one (choose_unlink).
#include "flow_engine.h"
#include "fold.h"

namespace crosslink::flows {

namespace {

struct Card {
  std::string name;
  int link = -1;  // the card's link or button (facebook_card_link)
};

// The Facebook accounts on the accounts list, each with the control that opens it.
std::vector<Card> facebook_cards(const Page& page) {
  std::vector<Card> out;
  Found links = crosslink::find(page, Loc::facebook_card_link);
  for (int i : links.elements) {
    int card = page.element(i).role == Role::ListItem ? i : page.enclosing(i, Role::ListItem);
    if (card < 0) card = i;  // a list whose items the snapshot does not name: the link is the card
    bool seen = false;
    for (const Card& c : out) seen = seen || c.link == i;
    std::string name;
    for (const std::string& line : lines_of(page.element(card).text))
      if (match_text(pack::Text::ac_accounts_facebook, fold(line), -1) < 0) {
        name = line;
        break;
      }
    if (name.empty()) name = name_in(pack::Text::ac_accounts_remove_link, trim(page.element(i).name));  // "Remove <name>"
    bool same_card = false;
    for (const Card& c : out) same_card = same_card || (c.name == name && page.enclosing(c.link, Role::ListItem) == card);
    if (seen || same_card || name.empty() || name.size() > 200) continue;
    out.push_back({name, i});
    if (out.size() == 10) break;
  }
  return out;
}

}  // namespace

Action unlink(Ctx& c) {
  switch (c.screen) {
    case Screen::accounts_center_accounts: {
      nlohmann::json accounts = read_accounts(c.page);
      // Its result is a partial status: unlinked, no name, and no switch read (Accounts
      // Center turns them off with the account).
      if (!accounts["linked"].get<bool>()) return done({{"linked", false}, {"facebookName", ""}, {"sharing", nullptr}});
      if (c.did(Step::remove_confirm)) return fail("verify_failed", "the Facebook account is still on the accounts list after removing it");
      std::vector<Card> cards = facebook_cards(c.page);
      if (cards.empty()) return c.not_found(Loc::facebook_card_link);
      const std::string& want = c.st.params.facebook_account;
      if (!want.empty())
        for (const Card& card : cards)
          if (fold(card.name) == fold(want)) {
            if (c.page.element(card.link).disabled) return wait();
            Action a;
            a.kind = DecisionKind::Click;
            a.target = card.link;
            a.locator = Loc::facebook_card_link;
            return a;
          }
      std::vector<std::string> names;
      for (const Card& card : cards) names.push_back(card.name);
      return ask(names.size() == 1 ? "confirm_unlink" : "choose_unlink", names);
    }
    case Screen::accounts_center_account_detail:
      if (!c.has(Loc::remove_account)) {
        // Back here from the Facebook card and still no remove button: its wording may be
        // new, a guided step (core/guided.h) rather than a loop.
        for (const auto& [screen, actions] : c.st.visits)
          if (screen == c.screen && actions > 0) return c.not_found(Loc::remove_account);
        return go(pack::Page::accounts);  // not the Facebook account
      }
      return c.click(Loc::remove_account);
    case Screen::accounts_center_remove_intro: return c.click(Loc::remove_continue);
    case Screen::accounts_center_remove_confirm: {
      // The removal's last button names the account when Meta's wording does ("Remove
      // <name>"): another account than the one the person chose is never removed.
      Action a = c.click(Loc::remove_confirm);
      const std::string& want = c.st.params.facebook_account;
      if (a.kind == DecisionKind::Click && !want.empty()) {
        std::string named = name_in(pack::Text::ac_remove_confirm, trim(c.page.element(a.target).name));
        if (!named.empty() && fold(named) != fold(want))
          return fail("wrong_account", std::string("the removal names another Facebook account than the one chosen (remove_confirm on ") + c.screen_id() + ")");
      }
      return c.taken(Step::remove_confirm, a);
    }
    default: break;
  }
  return go(pack::Page::accounts);
}

}  // namespace crosslink::flows
