// SetSharing: sets the cross-posting switches asked for (posts, reels, stories, Facebook
// stories) on Accounts Center's sharing page, each toggled at most once, and reads them back.
#include "flow_engine.h"

namespace crosslink::flows {

Action setSharing(Ctx& c) {
  static constexpr Step kToggles[4] = {Step::toggle_posts, Step::toggle_reels, Step::toggle_stories, Step::toggle_facebookStories};
  switch (c.screen) {
    case Screen::accounts_center_sharing: {
      if (!c.has(Loc::any_switch)) {
        if (c.has(Loc::sharing_need_account)) return fail("not_linked", "no Facebook account in Accounts Center: nothing to share to");
        return fail("not_found", std::string("sharing switches on ") + c.screen_id());
      }
      int met = 0;
      Action next;
      bool have_next = false;
      for (int k = 0; k < 4; ++k) {
        if (c.st.params.sharing[k] < 0) continue;
        Found f = c.find(kSwitchLocators[k]);
        if (f.empty()) return c.not_found(kSwitchLocators[k]);
        const Element& e = c.page.element(f.first());
        if (e.checked == c.st.params.sharing[k]) {
          ++met;
          continue;
        }
        if (have_next) continue;
        have_next = true;
        if (e.disabled) next = wait();
        else if (c.did(kToggles[k]))  // toggled once and not in the wanted state: never toggle it back
          next = fail("verify_failed", std::string(locator_id(kSwitchLocators[k])) + " is still " + (e.checked == 1 ? "on" : "off") +
                                           " after it was switched on " + c.screen_id());
        else
          next = c.taken(kToggles[k], c.click(kSwitchLocators[k], DecisionKind::Toggle));
      }
      if (!have_next) return done({{"sharing", read_switches(c.page)}});
      next.goals = met;
      return next;
    }
    case Screen::accounts_center_connected_experiences:
    case Screen::accounts_center_overview: return c.follow(Loc::sharing_link, pack::Page::sharing);
    default: break;
  }
  return go(pack::Page::sharing);
}

}  // namespace crosslink::flows
