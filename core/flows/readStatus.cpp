// ReadStatus: reads the accounts list, the sharing switches and Messages and story replies,
// each once, navigating to each in turn; changes nothing.
#include "flow_engine.h"

namespace crosslink::flows {

Action readStatus(Ctx& c) {
  nlohmann::json& r = c.st.read;
  if (c.screen == Screen::accounts_center_accounts && !r.contains("linked")) {
    nlohmann::json a = read_accounts(c.page);
    r["linked"] = a["linked"];
    r["facebookName"] = a["facebookName"];
  } else if (c.screen == Screen::accounts_center_sharing && !r.contains("sharing")) {
    nlohmann::json sw = read_switches(c.page);
    r["sharing"] = sw.empty() ? nlohmann::json(nullptr) : sw;
  } else if (c.screen == Screen::instagram_messages_settings && !r.contains("messaging")) {
    r["messaging"] = read_messaging(c.page);
  }
  if (!r.contains("linked")) return go(pack::Page::accounts);
  if (!r.contains("sharing")) return go(pack::Page::sharing);
  if (!r.contains("messaging")) return go(pack::Page::messages);
  return done({{"linked", r["linked"]}, {"facebookName", r["facebookName"]}, {"sharing", r["sharing"]}, {"messaging", r["messaging"]}});
}

}  // namespace crosslink::flows
