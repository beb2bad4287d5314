// Link: adds the Facebook account to Accounts Center (Add accounts → Facebook → Continue
// as … → Yes, finish setup → the profile sync question), then reads the accounts list back.
// Facebook's "Continue as <name>" is the person's consent: it is clicked only for the
// account the person started the flow for (facebookAccount), or after they confirmed the
// name offered (the ask confirm_account, answered in the popup or the panel).
#include <string_view>

#include "flow_engine.h"
#include "fold.h"

namespace crosslink::flows {

namespace {

// "Continue as <name>" (any locale's wording of fb.continue with a {name}) on a button or a
// heading of the page: the name, "" when the page does not say it.
std::string offered_account(const Page& page) {
  for (const Element& e : page.snapshot().elements) {
    if (e.role != Role::Button && e.role != Role::Heading) continue;
    std::string said = trim(e.name);
    while (!said.empty() && (said.back() == '?' || said.back() == ' ')) said.pop_back();
    if (said.rfind("\xC2\xBF", 0) == 0) said.erase(0, 2);  // "¿"
    if (std::string name = name_in(pack::Text::fb_continue, said); !name.empty()) return name;
  }
  return "";
}

// A host Facebook's consent page is recognised on (screens.json): where the tab should be.
bool facebook_host(const std::string& host) {
  for (int s = 0; s < pack::kScreenCount; ++s) {
    if (std::string_view(pack::kScreens[s].id) != screen_name(Screen::facebook_continue_as)) continue;
    for (int h = 0; h < pack::kScreenHostCount; ++h)
      if (host == pack::kScreenHosts[h] && (pack::kScreens[s].hosts & (1u << h))) return true;
  }
  return false;
}

}  // namespace

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
      const std::string offered = offered_account(c.page);
      if (!want.empty()) {
        bool on_page = !offered.empty() && fold(offered) == fold(want);
        for (int i = 0; i < c.page.size() && !on_page && offered.empty(); ++i)
          on_page = c.page.folded_name(i).find(fold(want)) != std::string::npos;
        if (!on_page) return ask("not_you");
        return c.click(Loc::fb_continue);  // the person's own choice of account
      }
      if (!offered.empty()) return ask("confirm_account", {offered});
      if (!c.st.consented) return ask("confirm_account", {});  // the name is only on the page: the person reads it there
      Action a = c.click(Loc::fb_continue);
      if (a.kind == DecisionKind::Click) c.st.consented = false;  // one consent, one click
      return a;
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
      if (c.did(Step::add_facebook) && !c.did(Step::finish_yes)) {
        // What Crosslink knows of the tab: its host when the browser tells it, else nothing.
        const std::string& host = c.page.url().host;
        if (host.empty()) return ask("check_address");  // never described as Facebook's page
        if (!facebook_host(host) || c.page.url().scheme != "https")
          return fail("unexpected_host", host + ": the tab left Meta's pages after \"Add Facebook account\"");
        return ask("press_continue");
      }
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
