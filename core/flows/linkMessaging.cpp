// LinkMessaging: accepts Instagram's "Update messaging" (Messenger features with Facebook)
// from the settings, then reads Messages and story replies back. Where the offer is gone
// (most accounts since December 2023) it ends done with messaging.offered false.
#include "flow_engine.h"

namespace crosslink::flows {

Action linkMessaging(Ctx& c) {
  switch (c.screen) {
    case Screen::instagram_settings:
      if (c.has(Loc::update_messaging) && !c.did(Step::update)) return c.click(Loc::update_messaging);
      return c.follow(Loc::messages_link, pack::Page::messages);
    case Screen::instagram_update_messaging:
      if (c.did(Step::update)) {
        Found refusal = c.find(Loc::update_refusal);
        if (!refusal.empty()) return fail("refused", std::string(c.page.element(refusal.first()).text));
        return wait();
      }
      return c.taken(Step::update, c.click(Loc::update_confirm));
    case Screen::instagram_messages_settings: {
      nlohmann::json messaging = read_messaging(c.page);
      if (messaging["updated"].get<bool>()) return done({{"messaging", messaging}});
      // Not offered: the normal state since Meta ended Instagram ↔ Facebook chat (December
      // 2023). A state read, not an error: nothing to do, and the popup says so plainly.
      if (c.saw(Screen::instagram_settings)) {
        messaging["offered"] = false;
        return done({{"messaging", messaging}});
      }
      return go(pack::Page::settings);
    }
    default: break;
  }
  return go(pack::Page::settings);
}

}  // namespace crosslink::flows
