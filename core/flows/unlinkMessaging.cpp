// UnlinkMessaging: sets "Others on Facebook" to "Don't receive requests", then reads
// Messages and story replies back.
#include "flow_engine.h"

namespace crosslink::flows {

Action unlinkMessaging(Ctx& c) {
  switch (c.screen) {
    case Screen::instagram_messages_settings: {
      nlohmann::json messaging = read_messaging(c.page);
      if (!c.has(Loc::others_row)) return done({{"messaging", messaging}});  // nothing to undo
      if (messaging["othersOnFacebook"] == "none") return done({{"messaging", messaging}});
      if (c.did(Step::radio_none)) return fail("verify_failed", "Others on Facebook is not \"Don't receive requests\" after choosing it");
      return c.follow(Loc::others_row, pack::Page::others_on_facebook);
    }
    case Screen::instagram_messages_others_on_facebook: {
      Found f = c.find(Loc::radio_none);
      if (f.empty()) return c.not_found(Loc::radio_none);
      const Element& e = c.page.element(f.first());
      if (e.checked == 1) return go(pack::Page::messages);  // read back where the choice is shown
      if (e.disabled) return wait();
      if (c.did(Step::radio_none)) return fail("verify_failed", std::string("radio_none is still not chosen on ") + c.screen_id());
      return c.taken(Step::radio_none, c.click(Loc::radio_none));
    }
    case Screen::instagram_settings: return c.follow(Loc::messages_link, pack::Page::messages);
    default: break;
  }
  return go(pack::Page::messages);
}

}  // namespace crosslink::flows
