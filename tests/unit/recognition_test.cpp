// First contact (issue 15): screens recognised by what they show — any step a page or a
// dialog over any background page, every wording of shared/FACTS.md, every Meta host —
// and the person's decisions (cookies, "Confirm it's you", checkpoints…) asked, never acted on.
#include <gtest/gtest.h>

#include "api.h"
#include "api_flows.h"
#include "page.h"
#include "reading.h"
#include "flow_run.h"
#include "snap_builder.h"
#include "snapshot.h"

namespace crosslink::testing {
namespace {

using nlohmann::json;

json recognize(const std::string& snapshot) { return json::parse(api::recognize(snapshot)); }
std::string screen_of(const std::string& snapshot) { return recognize(snapshot)["screen"]; }

const std::string AC = "https://accountscenter.instagram.com";

// The overview's content, as a background page under a dialog.
std::vector<json> overview() {
  return {el("heading", "Accounts Center"), el("heading", "Profiles"), el("link", "Profiles", {{"href", "/profiles/"}}),
          el("heading", "Connected experiences"), el("link", "Accounts", {{"href", "/accounts/"}})};
}
std::string over_overview(const std::string& url, std::vector<json> dialog) {
  std::vector<json> e = overview();
  int d = static_cast<int>(e.size());
  e.push_back(el("dialog", dialog.front()["name"].get<std::string>()));
  for (std::size_t k = 1; k < dialog.size(); ++k) {
    dialog[k]["container"] = d;
    e.push_back(dialog[k]);
  }
  return snapshot_text(url, e);
}

struct Flow : FlowRun {  // flow_run.h, from 5000 ms, 400 ms a step
  explicit Flow(const char* kind, const char* params = "") : FlowRun(kind, params, 5000, 400) {}
};

// ---- deliver 1: by what the page shows, the path only as supporting evidence ------------

TEST(FirstContact, TheFinishStepAsADialogAddressedByQueryString) {
  std::string url = AC + "/add/?auth_flow=ig_linking&background_page=/&blob=x&token=y";
  for (const char* finish : {"Yes, finish setup", "Yes, finish adding", "Allow and continue"}) {
    json r = recognize(over_overview(url, {el("dialog", "Finish adding"), el("heading", "Jane Doe"), el("button", finish)}));
    EXPECT_EQ(r["screen"], "accounts_center_finish_setup") << finish << r.dump();
  }
  // frl_linking too, and in Spanish (Latin America and Spain)
  url = AC + "/add/?auth_flow=frl_linking&background_page=/connected_experiences/cross_posting/";
  EXPECT_EQ(screen_of(over_overview(url, {el("dialog", "x"), el("button", "Sí, terminar de agregar")})), "accounts_center_finish_setup");
  EXPECT_EQ(screen_of(over_overview(url, {el("dialog", "x"), el("button", "Sí, terminar de añadir")})), "accounts_center_finish_setup");
}

TEST(FirstContact, TheAddDialogOverTheAccountsList) {
  std::string s = snapshot_text(AC + "/add/?background_page=/accounts/",
                                {el("heading", "Accounts"), el("listitem", "", {{"text", "jane.doe\nInstagram"}}), el("dialog", "Add accounts"),
                                 el("button", "Add Facebook account", {{"container", 2}, {"href", "https://www.facebook.com/login/?src=fxcal"}})});
  EXPECT_EQ(screen_of(s), "accounts_center_add_accounts");
}

TEST(FirstContact, ProfileSyncInItsWordingsAtAnyPath) {
  for (const char* heading : {"Sync your profile info?", "Sync your profile info", "Sync your profile picture and name?"}) {
    std::string s = over_overview(AC + "/add/?auth_flow=ig_linking&background_page=/&step=sync",
                                  {el("dialog", heading), el("heading", heading), el("button", "Continue"), el("button", "Not now")});
    EXPECT_EQ(screen_of(s), "accounts_center_profile_sync") << heading;
  }
  // The link flow answers the sync question inside the dialog (no "outside a dialog").
  Flow f("link");
  json d = f.step(over_overview(AC + "/add/?step=sync", {el("dialog", "Sync your profile info?"), el("button", "Continue"), el("button", "Not now")}));
  EXPECT_EQ(d["kind"], "click");
  EXPECT_EQ(d["name"], "Not now");
}

TEST(FirstContact, TheRemovalConfirmationOverAnyAccountPage) {
  // Not a /profiles/ path, and the removal titled "Accounts Centre" (en-GB): both wordings.
  std::string base = AC + "/accounts/100000000000099/";
  std::vector<json> page = {el("heading", "Maria Souza"), el("button", "Remove account")};
  auto with = [&](std::vector<json> dlg) {
    std::vector<json> e = page;
    int d = static_cast<int>(e.size());
    e.push_back(dlg.front());
    for (std::size_t k = 1; k < dlg.size(); ++k) dlg[k]["container"] = d, e.push_back(dlg[k]);
    return snapshot_text(base, e);
  };
  EXPECT_EQ(screen_of(with({el("dialog", "Remove Maria Souza from this Accounts Centre?"), el("button", "Continue"), el("button", "Cancel")})),
            "accounts_center_remove_intro");
  EXPECT_EQ(screen_of(with({el("dialog", "Are you sure?"), el("button", "Yes, remove")})), "accounts_center_remove_confirm");
  EXPECT_EQ(screen_of(with({el("dialog", "Are you sure?"), el("button", "Remove Maria Souza")})), "accounts_center_remove_confirm");
  EXPECT_EQ(screen_of(snapshot_text(base, page)), "accounts_center_account_detail");
  EXPECT_EQ(screen_of(snapshot_text(base, {el("button", "Remove from Accounts Centre")})), "accounts_center_account_detail");
}

TEST(FirstContact, SeveralContinueAsAreThePersonsChoiceNeverTheFirst) {
  std::string s = snapshot_text("https://www.facebook.com/login/?src=fxcal",
                                {el("heading", "Log in to continue"), el("button", "Continue as Maria Souza"), el("button", "Continue as Jane Doe")});
  EXPECT_EQ(screen_of(s), "facebook_choose_account");
  Flow f("link");
  json d = f.step(s);
  EXPECT_EQ(d["kind"], "ask_user");
  EXPECT_EQ(d["reason"], "choose_account");
  // One "Continue as" is the continue step (no "Not you?" needed).
  EXPECT_EQ(screen_of(snapshot_text("https://www.facebook.com/login/?src=fxcal", {el("button", "Continue as Jane Doe")})), "facebook_continue_as");
}

TEST(FirstContact, ListsWithoutListItemsStillShowTheFacebookAccount) {
  // ul/li or any markup whose items the snapshot does not name: the card is the link to
  // the account's profile whose lines say "Facebook".
  std::string s = snapshot_text(AC + "/accounts/", {el("heading", "Accounts"),
                                                    el("link", "jane.doe", {{"text", "jane.doe\nInstagram"}, {"href", "/profiles/1/"}}),
                                                    el("link", "Maria Souza", {{"text", "Maria Souza\nFacebook"}, {"href", "/profiles/99/"}})});
  Flow ask("unlink");  // the removal is the person's: the name is confirmed first
  json d = ask.step(s);
  EXPECT_EQ(d["reason"], "confirm_unlink") << d.dump();
  EXPECT_EQ(d["choices"], json::array({"Maria Souza"}));
  Flow f("unlink", R"({"facebookAccount": "Maria Souza"})");
  d = f.step(s);
  EXPECT_EQ(d["kind"], "click") << d.dump();  // the card link is followed, not taken for "not linked"
  EXPECT_EQ(d["name"], "Maria Souza");
  Flow r("link");
  d = r.step(s);
  EXPECT_EQ(d["kind"], "done");
  EXPECT_EQ(d["result"], (json{{"linked", true}, {"facebookName", "Maria Souza"}}));
}

TEST(FirstContact, TheLinkStatusReadsOnlyTheListItself) {
  // A dialog over /accounts/ (the removal) is not the list: nothing is read off it.
  json r = json::parse(api::read_link_status(snapshot_text(AC + "/accounts/?x=1", {el("heading", "Accounts"), el("dialog", "Are you sure?"),
                                                                                  el("button", "Yes, remove", {{"container", 1}})})));
  EXPECT_EQ(r["kind"], "error");
  EXPECT_EQ(r["error"]["name"], "wrong_screen");
  EXPECT_EQ(r["screen"], "accounts_center_remove_confirm");
  // A list without list items is still read (each account's link to its profile).
  r = json::parse(api::read_link_status(snapshot_text(AC + "/accounts/", {el("heading", "Accounts"),
                                                                          el("link", "jane.doe", {{"text", "jane.doe\nInstagram"}, {"href", "/profiles/1/"}}),
                                                                          el("link", "Maria Souza", {{"text", "Maria Souza\nFacebook"}, {"href", "/profiles/99/"}})})));
  EXPECT_EQ(r["kind"], "done") << r.dump();
  EXPECT_EQ(r["result"], (json{{"linked", true}, {"facebookName", "Maria Souza"}, {"instagramUsername", "jane.doe"}}));
}

TEST(FirstContact, TheFacebookCardByItsRemoveLinkWhenItShowsNoLines) {
  // FACTS.md: the Facebook card's link has an aria-label containing "Remove".
  std::string s = snapshot_text(AC + "/accounts/", {el("heading", "Accounts"), el("link", "Remove or manage Maria Souza", {{"href", "/profiles/99/"}}),
                                                    el("link", "jane.doe", {{"href", "/profiles/1/"}})});
  Flow f("unlink", R"({"facebookAccount": "Maria Souza"})");
  json d = f.step(s);
  EXPECT_EQ(d["kind"], "click") << d.dump();
  EXPECT_EQ(d["name"], "Remove or manage Maria Souza");
}

// ---- deliver 2: every Meta host, every wording ---------------------------------------------

TEST(FirstContact, AccountsCenterOnEveryHost) {
  for (const char* host : {"accountscenter.instagram.com", "accountscenter.facebook.com", "accountscenter.meta.com"}) {
    json r = recognize(snapshot_text(std::string("https://") + host + "/accounts/", {el("heading", "Accounts")}));
    EXPECT_EQ(r["screen"], "accounts_center_accounts") << host;
    EXPECT_EQ(r["evidence"][0], std::string("host ") + host);
  }
}

TEST(FirstContact, FacebookOnEveryHost) {
  for (const char* host : {"www.facebook.com", "m.facebook.com", "web.facebook.com", "touch.facebook.com", "auth.meta.com"}) {
    std::string base = std::string("https://") + host;
    EXPECT_EQ(screen_of(snapshot_text(base + "/fxauth/?app_id=1", {el("button", "Continue"), el("link", "Not you?")})), "facebook_continue_as") << host;
    EXPECT_EQ(screen_of(snapshot_text(base + "/login/", {el("textbox", "Password")})), "facebook_login") << host;
  }
}

TEST(FirstContact, AnotherMetaHostWeCannotReadIsNamed) {
  // auth.meta.com is asked for at the Link click (registry.json): not read only when refused.
  json r = recognize(R"({"url": "https://auth.meta.com/fxauth/?x=1", "readable": false, "elements": []})");
  EXPECT_EQ(r["screen"], "unreadable");
  EXPECT_EQ(r["evidence"], (json{"the extension may not read auth.meta.com"}));
  r = recognize(R"({"url": "https://mbasic.facebook.com/login/", "readable": false, "elements": []})");
  EXPECT_EQ(r["evidence"], (json{"the extension may not read mbasic.facebook.com (a Meta host Crosslink has no access to)"}));
  // A flow that cannot go on there stops with that evidence, naming the host (no silent stall).
  Flow f("setSharing", R"({"sharing": {"posts": true}})");
  std::string snap = R"({"url": "https://accountscenter.meta.com/", "readable": false, "elements": []})";
  json d;
  for (int k = 0; k < 200; ++k) {
    d = f.step(snap, 500);
    if (d["kind"] == "error") break;
    if (d["kind"] == "navigate") snap = R"({"url": "https://accountscenter.meta.com/x/", "readable": false, "elements": []})";
  }
  EXPECT_EQ(d["kind"], "error");
  EXPECT_EQ(d["error"]["name"], "unreadable_page");
  EXPECT_NE(d["error"]["detail"].get<std::string>().find("accountscenter.meta.com"), std::string::npos) << d.dump();
}

TEST(FirstContact, TheThreeRateLimitTextsInTheirLocales) {
  auto dlg = [](const char* title, const char* body, const char* lang = "en") {
    return snapshot_text("https://www.instagram.com/", {el("dialog", title, {{"text", std::string(title) + "\n" + body}}), el("heading", title, {{"container", 0}})}, lang);
  };
  EXPECT_EQ(screen_of(dlg("Try Again Later", "We restrict certain activity to protect our community.")), "rate_limited");
  EXPECT_EQ(screen_of(dlg("Action Blocked", "This action was blocked. Please try again later.")), "rate_limited");
  EXPECT_EQ(screen_of(dlg("Try again later", "We limit how often you can do certain things on Instagram to protect our community.")), "rate_limited");
  EXPECT_EQ(screen_of(dlg("Vuelve a intentarlo más tarde", "Restringimos cierta actividad para proteger a nuestra comunidad.", "es")), "rate_limited");
  EXPECT_EQ(screen_of(dlg("Action bloquée", "Nous limitons certaines activités.", "fr")), "rate_limited");
  // Accounts Center's line in an alert
  EXPECT_EQ(screen_of(snapshot_text(AC + "/accounts/", {el("heading", "Accounts"), el("alert", "", {{"text", "Please try again later."}})})), "rate_limited");
  // German and Portuguese bodies in an alert dialog
  EXPECT_EQ(screen_of(snapshot_text(AC + "/", {el("alertdialog", "", {{"text", "Fehler\nWir schränken bestimmte Aktivitäten ein, um unsere Community zu schützen."}})}, "de")), "rate_limited");
  EXPECT_EQ(screen_of(snapshot_text(AC + "/", {el("alertdialog", "", {{"text", "Restringimos determinadas atividades para proteger nossa comunidade."}})}, "pt")), "rate_limited");
}

TEST(FirstContact, ARateLimitNeedsItsDialogNotACaptionLine) {
  // A post whose caption quotes the texts, shown in a dialog (issue 17 finding 6).
  std::string s = snapshot_text("https://www.instagram.com/p/ABCDEFGHIJK/",
                                {el("dialog", "Post", {{"text", "jane.doe\nTry Again Later\nWe restrict certain activity to protect our community."}}),
                                 el("link", "jane.doe", {{"container", 0}, {"href", "/jane.doe/"}})});
  EXPECT_EQ(screen_of(s), "instagram_post");
}

// ---- deliver 3: the person's decisions -------------------------------------------------------

TEST(FirstContact, EachPersonsDecisionIsItsOwnScreen) {
  struct Case {
    std::string url;
    std::vector<json> elements;
    const char* screen;
  } cases[] = {
      {AC + "/accounts/", {el("heading", "Accounts"), el("dialog", "Allow the use of cookies from Meta on this browser?"),
                          el("button", "Allow all cookies", {{"container", 1}}), el("button", "Decline optional cookies", {{"container", 1}})}, "person_cookies"},
      {"https://www.instagram.com/", {el("button", "Only allow essential cookies")}, "person_cookies"},
      {AC + "/reauth/?next=/profiles/9/", {el("heading", "Confirm it's you"), el("textbox", "Password"), el("button", "Continue")}, "person_confirm_identity"},
      {AC + "/profiles/9/?auth_flow=reauth", {el("button", "Remove account"), el("dialog", "Confirm it’s you")}, "person_confirm_identity"},
      {AC + "/profiles/9/", {el("dialog", "Create a new Facebook password"), el("textbox", "New password")}, "person_new_password"},
      {"https://www.facebook.com/checkpoint/?next=x", {el("button", "Continue")}, "person_checkpoint"},
      {"https://www.instagram.com/challenge/action/", {el("heading", "Help us confirm it's you")}, "person_checkpoint"},
      {"https://www.facebook.com/two_step_verification/authentication/?x", {el("textbox", "Code")}, "person_checkpoint"},
      {AC + "/add/?auth_flow=ig_linking", {el("dialog", "Add your birthday"), el("button", "Next")}, "person_birthday"},
      {"https://www.facebook.com/login/save-device/?next=x", {el("heading", "Save your login info?"), el("button", "Save"), el("button", "Not now")}, "person_save_login"},
      {"https://www.instagram.com/", {el("dialog", "Subscribe for no ads")}, "person_ads_choice"},
      {"https://m.facebook.com/login/device-based/password/?uid=1&flow=fx_reauth", {el("textbox", "Password"), el("button", "Log in")}, "facebook_password"},
      {"https://www.facebook.com/login/", {el("heading", "Enter your password"), el("textbox", "Password")}, "facebook_password"},
      {"https://www.facebook.com/login/", {el("heading", "¿Guardar tu información de inicio de sesión?")}, "person_save_login"},
      {AC + "/", {el("dialog", "¿Permitir el uso de cookies de Instagram en este navegador?")}, "person_cookies"},
  };
  for (const Case& c : cases) EXPECT_EQ(screen_of(snapshot_text(c.url, c.elements)), c.screen) << c.url << " " << c.elements.front().dump();
}

TEST(FirstContact, AuthFlowReauthInTheAddressIsConfirmIdentityWhateverTheWords) {
  // FACTS.md (December 2026, seen): re-authentication routes carry `auth_flow=reauth`. A
  // wording no table knows (here Italian) over an account page is still the person's
  // decision, named by the address pattern, never by its tokens.
  for (const std::string url : {AC + "/profiles/9/?auth_flow=reauth", AC + "/profiles/9/?blob=abc&auth_flow=reauth&token=t0k3n",
                                AC + "/?auth_flow=reauth&background_page=%2F"}) {
    json r = recognize(snapshot_text(url, {el("button", "Rimuovi account"), el("dialog", "Conferma la tua identità"), el("textbox", "Password")}));
    EXPECT_EQ(r["screen"], "person_confirm_identity") << url;
    EXPECT_EQ(r["evidence"][1].get<std::string>().rfind("address /*", 0), 0u) << r["evidence"].dump();
    EXPECT_EQ(r["evidence"].dump().find("t0k3n"), std::string::npos);
  }
  // Not a parameter of that name: nothing changes.
  EXPECT_NE(screen_of(snapshot_text(AC + "/profiles/9/?xauth_flow=reauthx", {el("heading", "Conferma la tua identità")})), "person_confirm_identity");
  EXPECT_NE(screen_of(snapshot_text(AC + "/profiles/9/?auth_flow=ig_linking", {el("heading", "Conferma la tua identità")})), "person_confirm_identity");
}

TEST(FirstContact, ThePersonIsAskedNeverActedForAndTheFlowResumesByItself) {
  std::string accounts = snapshot_text(AC + "/accounts/", {el("heading", "Accounts"), el("listitem", "", {{"text", "jane.doe\nInstagram"}}),
                                                          el("button", "Add accounts")});
  std::string banner = snapshot_text(AC + "/accounts/", {el("heading", "Accounts"), el("listitem", "", {{"text", "jane.doe\nInstagram"}}),
                                                        el("button", "Add accounts"), el("dialog", "Allow the use of cookies from Meta on this browser?"),
                                                        el("button", "Allow all cookies", {{"container", 3}}),
                                                        el("button", "Decline optional cookies", {{"container", 3}})});
  Flow f("link", R"({"timeBudgetMs": 5000})");
  json d = f.step(banner);
  EXPECT_EQ(d["kind"], "ask_user");
  EXPECT_EQ(d["reason"], "cookies");
  EXPECT_EQ(d["screen"], "person_cookies");
  EXPECT_EQ(f.st()["status"], "needs_user");
  // The person takes a minute (far beyond the time budget): the budget does not run out.
  for (int k = 0; k < 60; ++k) {
    d = f.step(banner, 1000);
    ASSERT_EQ(d["kind"], "ask_user") << d.dump();
  }
  EXPECT_EQ(f.st()["clicks"], 0);
  // The banner is gone: the flow goes on by itself, on its own next step.
  d = f.step(accounts);
  EXPECT_EQ(d["kind"], "click");
  EXPECT_EQ(d["name"], "Add accounts");
  EXPECT_EQ(f.st()["status"], "running");
}

TEST(FirstContact, EveryFlowAsksOnEveryPersonsScreen) {
  std::string url = "https://www.instagram.com/accounts/edit/";
  for (const char* kind : {"link", "unlink", "setSharing", "linkMessaging", "unlinkMessaging", "readStatus"}) {
    Flow f(kind, std::string(kind) == "setSharing" ? R"({"sharing": {"posts": true}})" : "");
    json d = f.step(snapshot_text(url, {el("heading", "Settings"), el("dialog", "Confirm it's you"), el("textbox", "Password", {{"container", 1}})}));
    EXPECT_EQ(d["kind"], "ask_user") << kind;
    EXPECT_EQ(d["reason"], "confirm_identity") << kind;
  }
}

// ---- deliver 5: messaging not offered --------------------------------------------------------

TEST(FirstContact, MessagingNotOfferedIsTheNormalStateSaidPlainly) {
  Flow f("linkMessaging");
  std::string settings = snapshot_text("https://www.instagram.com/accounts/edit/",
                                       {el("heading", "Settings"), el("link", "Messages and story replies", {{"href", "/accounts/messages_and_story_replies/"}})});
  std::string messages = snapshot_text("https://www.instagram.com/accounts/messages_and_story_replies/", {el("heading", "Messages and story replies")});
  EXPECT_EQ(f.step(settings)["kind"], "navigate");
  json d = f.step(messages);
  EXPECT_EQ(d["kind"], "done");
  EXPECT_EQ(d["result"]["messaging"]["offered"], false);
  EXPECT_EQ(f.st()["status"], "done");
  EXPECT_EQ(f.st()["outcome"], "not_offered");  // the log names it; the popup says it plainly
}

}  // namespace
}  // namespace crosslink::testing
