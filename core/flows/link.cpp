// Link: adds the Facebook account to Accounts Center (Add accounts → Facebook → Continue
// as … → Yes, finish setup → the profile sync question), then reads the accounts list back.
#include "flow_engine.h"
#include "fold.h"

namespace crosslink::flows {

Action link(Ctx& c) {
  switch (c.screen) {
    case Screen::accounts_center_accounts: {
      nlohmann::json accounts = read_accounts(c.page);
      if (accounts["linked"].get<bool>()) return done(accounts);
      if (c.did(Step::finish_yes)) return fail("verify_failed", "no Facebook account on the accounts list after finishing setup");
      return c.click(Loc::add_accounts);
    }
    case Screen::accounts_center_add_accounts: {
      Found f = c.find(Loc::add_facebook);
      if (!f.empty() && c.page.element(f.first()).disabled) return go(pack::Page::accounts);  // one is linked already
      return c.taken(Step::add_facebook, c.click(Loc::add_facebook));
    }
    case Screen::facebook_continue_as: {
      const std::string& want = c.st.params.facebook_account;
      if (!want.empty()) {
        bool offered = false;
        for (int i = 0; i < c.page.size() && !offered; ++i) offered = c.page.folded_name(i).find(fold(want)) != std::string::npos;
        if (!offered) return ask("not_you");
      }
      return c.click(Loc::fb_continue);
    }
    case Screen::facebook_choose_account: {
      const std::string& want = c.st.params.facebook_account;
      if (!want.empty())
        for (int i : c.page.with_role(Role::Button))
          if (element_says(c.page, i, want)) {
            Action a;
            a.kind = DecisionKind::Click;
            a.target = i;
            a.locator = Loc::fb_account;
            return a;
          }
      return ask("choose_account");
    }
    case Screen::facebook_login: return ask("facebook_login");
    case Screen::unreadable:
      if (c.did(Step::add_facebook) && !c.did(Step::finish_yes)) return ask("press_continue");
      break;
    case Screen::accounts_center_finish_setup: return c.taken(Step::finish_yes, c.click(Loc::finish_yes));
    case Screen::accounts_center_profile_sync:
      // Answered once: a toast or spinner that shows before the page moves on is no reason to answer again.
      if (c.did(Step::sync_profile)) return wait();
      c.st.read["profileSynced"] = c.st.params.sync_profile;
      return c.taken(Step::sync_profile, c.click(c.st.params.sync_profile ? Loc::sync_continue : Loc::sync_not_now));
    default: break;
  }
  return go(pack::Page::accounts);
}

}  // namespace crosslink::flows
