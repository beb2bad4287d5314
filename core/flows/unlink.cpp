// Unlink: removes the Facebook account from Accounts Center (its card → Remove account →
// Continue → Remove), then reads the accounts list back.
#include "flow_engine.h"

namespace crosslink::flows {

Action unlink(Ctx& c) {
  switch (c.screen) {
    case Screen::accounts_center_accounts: {
      nlohmann::json accounts = read_accounts(c.page);
      if (!accounts["linked"].get<bool>()) return done({{"linked", false}});
      if (c.did(Step::remove_confirm)) return fail("verify_failed", "the Facebook account is still on the accounts list after removing it");
      return c.click(Loc::facebook_card_link);
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
    case Screen::accounts_center_remove_confirm: return c.taken(Step::remove_confirm, c.click(Loc::remove_confirm));
    default: break;
  }
  return go(pack::Page::accounts);
}

}  // namespace crosslink::flows
