// What every flow shares (core/flow.cpp, the engine): budgets, loops, the pending action
// that must show before another is decided (restart safety), the interstitial, waiting
// for pages and for the person, the navigation allowlist, and the state resuming exactly.
#include <gtest/gtest.h>

#include "api_flows.h"
#include "flow_run.h"
#include "snap_builder.h"

namespace crosslink::testing {
namespace {

using nlohmann::json;

const char* kAc = "https://accountscenter.instagram.com";

using Flow = FlowRun;  // flow_run.h: from 1000 ms, 500 ms a step

// An error decision's detail, "" for any other decision (never throws on the wrong kind).
std::string detail_of(const json& d) {
  auto e = d.find("error");
  return e != d.end() && e->is_object() ? e->value("detail", "") : "";
}

std::string accounts(bool linked, std::vector<json> extra = {}) {
  std::vector<json> e = {el("heading", "Accounts"), el("listitem", "", {{"text", "jane.doe\nInstagram"}})};
  if (linked) e.push_back(el("listitem", "", {{"text", "Jane Doe\nFacebook"}}));
  e.push_back(el("button", "Add accounts"));
  for (json& x : extra) e.push_back(x);
  return snapshot_text(std::string(kAc) + "/accounts/", e);
}
// The accounts list with Facebook cards that open (a link per card), as Accounts Center shows them.
std::string fb_accounts(std::vector<json> extra = {}, std::vector<std::string> names = {"Jane Doe"}) {
  std::vector<json> e = {el("heading", "Accounts"), el("listitem", "", {{"text", "jane.doe\nInstagram"}})};
  for (std::size_t k = 0; k < names.size(); ++k) {
    int card = static_cast<int>(e.size());
    e.push_back(el("listitem", "", {{"text", names[k] + "\nFacebook"}}));
    e.push_back(el("link", names[k], {{"container", card}, {"href", "/profiles/" + std::to_string(k + 1) + "/"}}));
  }
  e.push_back(el("button", "Add accounts"));
  for (json& x : extra) e.push_back(x);
  return snapshot_text(std::string(kAc) + "/accounts/", e);
}
std::string add_page() {
  return snapshot_text(std::string(kAc) + "/add/", {el("heading", "Add accounts"), el("button", "Add Facebook account")});
}
std::string sharing(bool posts, bool reels, bool posts_busy = false) {
  return snapshot_text(std::string(kAc) + "/connected_experiences/cross_posting/",
                       {el("heading", "Sharing across profiles"),
                        el("switch", "Share your posts to Facebook", {{"checked", posts}, {"disabled", posts_busy}}),
                        el("switch", "Share your reels to Facebook", {{"checked", reels}})});
}
std::string home() { return snapshot_text("https://www.instagram.com/", {el("link", "Home", {{"href", "/"}})}); }

TEST(FlowEngine, AlreadyInTheWantedStateIsDoneWithZeroClicks) {
  Flow f("link");
  json d = f.step(accounts(true));
  EXPECT_EQ(d["kind"], "done");
  EXPECT_EQ(d["result"], (json{{"linked", true}, {"facebookName", "Jane Doe"}}));
  EXPECT_EQ(f.st()["clicks"], 0);
}

TEST(FlowEngine, ADecisionNamesWhatTheActuatorMustFindAtTheTarget) {
  Flow f("link");
  json d = f.step(accounts(false));
  EXPECT_EQ(d, (json{{"kind", "click"}, {"screen", "accounts_center_accounts"}, {"target", 2}, {"locator", "add_accounts"},
                     {"role", "button"}, {"name", "Add accounts"}}));
}

TEST(FlowEngine, TheSamePageAgainAfterAClickMeansWaitNeverASecondClick) {
  Flow f("link", R"({"settleMs": 2000})");
  ASSERT_EQ(f.step(accounts(false))["kind"], "click");
  // The worker restarts, looks again before the click showed: wait, for a bounded time.
  EXPECT_EQ(f.step(accounts(false), 100)["kind"], "wait");
  EXPECT_EQ(f.step(accounts(false), 1000)["kind"], "wait");
  json d = f.step(accounts(false), 1000);
  EXPECT_EQ(d["kind"], "error");
  EXPECT_EQ(d["error"]["name"], "no_effect");
  EXPECT_EQ(d["error"]["detail"], "click add_accounts on accounts_center_accounts showed no effect within 2000 ms");
  EXPECT_EQ(f.st()["clicks"], 1);
}

TEST(FlowEngine, AClickThatLedToTheNextScreenIsNotPendingAnyMore) {
  Flow f("link");
  f.step(accounts(false));
  json d = f.step(add_page());
  EXPECT_EQ(d["kind"], "click");
  EXPECT_EQ(d["locator"], "add_facebook");
  EXPECT_EQ(f.st()["pending"]["locator"], "add_facebook");
}

TEST(FlowEngine, ASwitchIsToggledOnceAndReadBack) {
  Flow f("setSharing", R"({"sharing": {"posts": true, "reels": true}})");
  json d = f.step(sharing(false, true));
  EXPECT_EQ(d["kind"], "toggle");
  EXPECT_EQ(d["checked"], false);
  EXPECT_EQ(d["locator"], "switch_posts");
  EXPECT_EQ(f.step(sharing(false, true, true))["kind"], "wait");  // busy while saving
  d = f.step(sharing(true, true));
  EXPECT_EQ(d["kind"], "done");
  EXPECT_EQ(d["result"], (json{{"sharing", {{"posts", true}, {"reels", true}}}}));
  EXPECT_EQ(f.st()["clicks"], 1);
}

TEST(FlowEngine, ASwitchThatFlipsBackIsNeverToggledAgain) {
  Flow f("setSharing", R"({"sharing": {"posts": true}})");
  f.step(sharing(false, false));
  f.step(sharing(false, false, true));  // saving
  json d = f.step(sharing(false, false));  // the server said no: back off
  EXPECT_EQ(d["kind"], "error");
  EXPECT_EQ(d["error"]["name"], "verify_failed");
  EXPECT_EQ(f.st()["clicks"], 1);
}

TEST(FlowEngine, ClickBudget) {
  Flow f("link", R"({"maxClicks": 1})");
  f.step(accounts(false));
  json d = f.step(add_page());
  EXPECT_EQ(d["error"]["name"], "click_budget");
  EXPECT_EQ(d["error"]["detail"], "1 clicks used, budget 1; next was add_facebook on accounts_center_add_accounts");
}

TEST(FlowEngine, ZeroClickBudgetStillReadsWhatIsAlreadyDone) {
  Flow f("link", R"({"maxClicks": 0})");
  EXPECT_EQ(f.step(accounts(true))["kind"], "done");
}

TEST(FlowEngine, TimeBudgetCountsTheFlowsTimeNotThePersons) {
  Flow f("link", R"({"timeBudgetMs": 3000})");
  std::string login = snapshot_text("https://www.facebook.com/login/", {el("textbox", "Email address or phone number"), el("textbox", "Password")});
  f.step(accounts(false), 1000);
  f.step(add_page(), 1000);
  EXPECT_EQ(f.step(login, 500)["reason"], "facebook_login");
  EXPECT_EQ(f.step(login, 60000)["kind"], "ask_user");  // a minute of the person's time: not counted
  EXPECT_EQ(f.st()["status"], "needs_user");
  EXPECT_EQ(f.step(accounts(false), 2000)["kind"], "click");  // the person's time until the page moved on
  json d = f.step(accounts(false), 1000);
  EXPECT_EQ(d["error"]["name"], "time_budget");
  EXPECT_EQ(d["error"]["detail"], "3500 ms spent, budget 3000 ms; on accounts_center_accounts");
}

TEST(FlowEngine, ThePersonHasABoundedTimeToAct) {
  Flow f("link", R"({"userWaitMs": 5000})");
  std::string login = snapshot_text("https://www.facebook.com/login/", {el("textbox", "Password")});
  f.step(login);
  EXPECT_EQ(f.step(login, 4000)["kind"], "ask_user");
  json d = f.step(login, 2000);
  EXPECT_EQ(d["error"]["name"], "needs_user");
  EXPECT_EQ(f.st()["outcome"], "needs_user");
}

TEST(FlowEngine, RateLimitStopsAtOnceOnAnyHost) {
  for (const char* url : {"https://www.instagram.com/accounts/edit/", "https://www.facebook.com/login/", "https://accountscenter.instagram.com/add/"}) {
    Flow f("unlink");
    json d = f.step(snapshot_text(url, {el("dialog", "Try Again Later"), el("button", "OK", {{"container", 0}})}));
    EXPECT_EQ(d["kind"], "error");
    EXPECT_EQ(d["screen"], "rate_limited");
    EXPECT_EQ(d["error"]["name"], "rate_limited");
    EXPECT_EQ(f.st()["clicks"], 0);
    EXPECT_EQ(f.step(accounts(true))["error"]["name"], "rate_limited") << "no retry";
  }
}

TEST(FlowEngine, RateLimitInAnotherLanguageWithoutLang) {
  Flow f("unlink");
  std::string s = json{{"url", "https://www.instagram.com/"}, {"elements", {{{"i", 0}, {"role", "dialog"}, {"name", "Versuche es später noch einmal"}}}}}.dump();
  EXPECT_EQ(f.step(s)["error"]["name"], "rate_limited");
}

TEST(FlowEngine, TheInterstitialIsDismissedOnceOnly) {
  Flow f("link");
  std::vector<json> dialog = {el("dialog", "Turn on Notifications"), el("button", "Turn On", {{"container", 3}}),
                              el("button", "Not Now", {{"container", 3}})};
  json d = f.step(accounts(false, dialog));
  EXPECT_EQ(d["screen"], "instagram_interstitial");
  EXPECT_EQ(d["name"], "Not Now");
  EXPECT_EQ(f.step(accounts(false))["locator"], "add_accounts");
  d = f.step(add_page());
  d = f.step(snapshot_text(std::string(kAc) + "/add/", {el("button", "Add Facebook account"), el("dialog", "Turn on Notifications"),
                                                         el("button", "Not Now", {{"container", 1}})}));
  EXPECT_EQ(d["error"]["name"], "interstitial");
}

TEST(FlowEngine, TheSameScreenThreeTimesWithoutProgressIsALoop) {
  Flow f("unlink", R"({"facebookAccount": "Jane Doe"})");
  std::vector<json> noise = {el("link", "x", {{"href", "/"}})};
  std::string detail = snapshot_text(std::string(kAc) + "/profiles/1/", {el("heading", "Jane Doe"), el("button", "Remove from Accounts Center")});
  EXPECT_EQ(f.step(fb_accounts())["kind"], "click");
  EXPECT_EQ(f.step(detail)["kind"], "click");
  EXPECT_EQ(f.step(fb_accounts(noise))["kind"], "click");  // back where it started (the person went back)
  EXPECT_EQ(f.step(detail)["kind"], "click");
  EXPECT_EQ(f.step(fb_accounts())["kind"], "click");
  json d = f.step(detail);  // the third time since it was first reached
  EXPECT_EQ(d["error"]["name"], "loop");
  EXPECT_EQ(d["error"]["detail"], "accounts_center_account_detail reached 3 times without progress");
}

TEST(FlowEngine, AnUnknownPageGetsTimeThenTheEntryPageOnceThenAnError) {
  Flow f("unlink", R"({"settleMs": 1000})");
  std::string odd = snapshot_text("https://accountscenter.instagram.com/somewhere/new/", {el("heading", "?")});
  EXPECT_EQ(f.step(odd)["kind"], "wait");
  json d = f.step(odd, 1500);
  EXPECT_EQ(d["kind"], "navigate");
  EXPECT_EQ(d["url"], "https://accountscenter.instagram.com/accounts/");
  EXPECT_EQ(f.step(odd, 500)["kind"], "wait");
  d = f.step(odd, 1000);  // then a guided step (issue 16): the person finds the way, the flow waits
  EXPECT_EQ(d["kind"], "ask_user");
  EXPECT_EQ(d["reason"], "guided");
  EXPECT_EQ(d["guide"]["error"], "unknown_screen");
}

TEST(FlowEngine, TwoScreensAtOnceAreNeverClickedThenAGuidedStep) {
  Flow f("link", R"({"settleMs": 1000})");
  std::string both = snapshot_text(std::string(kAc) + "/add/", {el("button", "Remove account"), el("button", "Yes, finish setup")});
  json d = f.step(both);
  EXPECT_EQ(d["kind"], "wait");
  EXPECT_EQ(d["screen"], "ambiguous");
  d = f.step(both, 1500);
  EXPECT_EQ(d["kind"], "navigate");  // the entry page once: a page, not a click on either
  EXPECT_EQ(f.step(both, 500)["kind"], "wait");
  d = f.step(both, 1000);
  EXPECT_EQ(d["kind"], "ask_user");
  EXPECT_EQ(d["reason"], "guided");
  EXPECT_EQ(d["guide"]["error"], "ambiguous_screen");
  EXPECT_EQ(d["guide"]["action"], "continue");
  EXPECT_EQ(f.st()["clicks"], 0);
  // The person closes what was in the way: the flow goes on with the one step left.
  d = f.step(snapshot_text(std::string(kAc) + "/add/", {el("button", "Add Facebook account")}), 100);
  EXPECT_EQ(d["kind"], "click");
  EXPECT_EQ(d["locator"], "add_facebook");
}

TEST(FlowEngine, AKnownPageOffTheJourneyLeadsToTheEntryPage) {
  Flow f("setSharing", R"({"sharing": {"posts": false}})");
  json d = f.step(home());
  EXPECT_EQ(d["kind"], "navigate");
  EXPECT_EQ(d["url"], "https://accountscenter.instagram.com/connected_experiences/cross_posting/");
  EXPECT_EQ(f.step(home(), 100)["kind"], "wait");  // not yet there
}

TEST(FlowEngine, AnUnreadablePageAfterAddFacebookIsNeverCalledFacebooksThenResumes) {
  Flow f("link");
  f.step(accounts(false));
  f.step(add_page());
  // The browser tells no address (no permission for the page): Crosslink says what it
  // knows, that the tab left the pages it can read, and asks the person to check it.
  std::string hidden = R"({"url": "", "readable": false, "elements": []})";
  json d = f.step(hidden);
  EXPECT_EQ(d["kind"], "ask_user");
  EXPECT_EQ(d["reason"], "check_address");
  EXPECT_EQ(d["screen"], "unreadable");
  EXPECT_EQ(f.step(hidden, 30000)["reason"], "check_address");
  d = f.step(snapshot_text(std::string(kAc) + "/add/confirm/?etoken=x", {el("button", "Yes, finish setup")}));
  EXPECT_EQ(d["locator"], "finish_yes");
  EXPECT_EQ(f.st()["status"], "running");
}

TEST(FlowEngine, AnUnreadableFacebookPageKnownByItsAddressAsksToPressContinue) {
  Flow f("link");
  f.step(accounts(false));
  f.step(add_page());
  json d = f.step(R"({"url": "https://www.facebook.com/login/?src=fxcal", "readable": false, "elements": []})");
  EXPECT_EQ(d["reason"], "press_continue");
}

TEST(FlowEngine, AnUnreadablePageOnAnotherHostAfterAddFacebookEndsTheFlowNamingTheHost) {
  Flow f("link");
  f.step(accounts(false));
  f.step(add_page());
  json d = f.step(R"({"url": "https://faceb00k-login.example/login/", "readable": false, "elements": []})");
  EXPECT_EQ(d["kind"], "error");
  EXPECT_EQ(d["error"]["name"], "unexpected_host");
  EXPECT_EQ(detail_of(d).rfind("faceb00k-login.example: ", 0), 0u) << d.dump();
}

TEST(FlowEngine, AnUnreadablePageOutsideFacebookIsWaitedForThenReported) {
  Flow f("readStatus", R"({"settleMs": 1000})");
  std::string hidden = R"({"url": "https://example.com/", "readable": false, "elements": []})";
  EXPECT_EQ(f.step(hidden)["kind"], "wait");
  EXPECT_EQ(f.step(hidden, 1500)["kind"], "navigate");
  f.step(hidden, 1500);
  EXPECT_EQ(f.step(hidden, 1500)["error"]["name"], "unreadable_page");
}

TEST(FlowEngine, TheStateResumesExactly) {
  // Two drivers, one keeps the state as text, the other re-serializes it at every step:
  // both make the same decisions.
  Flow a("link"), b("link");
  for (const std::string& s : {accounts(false), add_page(), accounts(true)}) {
    json da = a.step(s);
    b.state = json::parse(b.state).dump(2);  // reformatted as storage might
    json db = b.step(s);
    EXPECT_EQ(da, db);
    EXPECT_EQ(a.st(), b.st());
  }
}

TEST(FlowEngine, StepOnAFinishedFlowRepeatsItsLastDecision) {
  Flow f("link");
  json d = f.step(accounts(true));
  EXPECT_EQ(f.step(accounts(false)), d);
  EXPECT_EQ(f.st()["clicks"], 0);
}

TEST(FlowEngine, ClicksOnDisabledControlsWait) {
  Flow f("link");
  std::string busy = snapshot_text(std::string(kAc) + "/accounts/", {el("heading", "Accounts"), el("button", "Add accounts", {{"disabled", true}})});
  EXPECT_EQ(f.step(busy)["kind"], "wait");
  EXPECT_EQ(f.st()["clicks"], 0);
}

TEST(FlowEngine, AMissingControlIsNotFoundNamingLocatorAndScreen) {
  Flow f("unlink");
  json d = f.step(snapshot_text(std::string(kAc) + "/profiles/1/", {el("heading", "Jane Doe"), el("button", "Remove from Accounts Center")}));
  ASSERT_EQ(d["kind"], "click");
  d = f.step(snapshot_text(std::string(kAc) + "/profiles/1/", {el("heading", "Jane Doe"), el("dialog", "Remove?"),
                                                                el("button", "Cancel", {{"container", 1}}), el("button", "Continue", {{"container", 1}})}));
  ASSERT_EQ(d["screen"], "accounts_center_remove_intro");
  d = f.step(snapshot_text(std::string(kAc) + "/profiles/1/", {el("heading", "Jane Doe"), el("dialog", "Sure?"),
                                                                el("button", "Remove Jane Doe", {{"container", 1}, {"disabled", true}})}));
  EXPECT_EQ(d["kind"], "wait");
  Flow g("unlinkMessaging");
  d = g.step(snapshot_text("https://www.instagram.com/accounts/messages_and_story_replies/others_on_facebook/",
                           {el("heading", "Others on Facebook"), el("radio", "Chats", {{"checked", true}})}));
  EXPECT_EQ(d["reason"], "guided");  // a guided step (issue 16) naming the locator and screen
  EXPECT_EQ(d["guide"]["locator"], "radio_none");
  EXPECT_EQ(d["screen"], "instagram_messages_others_on_facebook");
}

TEST(FlowEngine, TheClockGoingBackDoesNotCountNegativeTime) {
  Flow f("link", R"({"timeBudgetMs": 2000})");
  f.step(accounts(false), 1000);
  f.step(add_page(), -100000);
  EXPECT_LE(f.st()["activeMs"].get<long long>(), 1000);
}

// ---- issue 17: never a wrong click ------------------------------------------------------

std::string finish_page(std::vector<json> extra = {}, bool busy = false) {
  std::vector<json> e = {el("heading", "Finish adding Jane Doe?"), el("button", "Yes, finish setup", {{"disabled", busy}})};
  for (json& x : extra) e.push_back(x);
  return snapshot_text(std::string(kAc) + "/add/confirm/?etoken=x", e);
}
int clicks_on(const std::vector<json>& decisions, const char* locator) {
  int n = 0;
  for (const json& d : decisions) n += (d["kind"] == "click" || d["kind"] == "toggle") && d["locator"] == locator;
  return n;
}

TEST(NeverTwice, AToastOnTheFinishScreenIsNotTheFinishClicksEffect) {
  Flow f("link", R"({"settleMs": 2000})");
  std::vector<json> d = {f.step(finish_page())};
  ASSERT_EQ(d[0]["locator"], "finish_yes");
  // A toast (role status) appears; the finish button itself is as it was: wait, then no_effect.
  json toast = el("status", "", {{"text", "Linking your accounts…"}});
  d.push_back(f.step(finish_page({toast}), 300));
  EXPECT_EQ(d.back()["kind"], "wait") << d.back().dump();
  d.push_back(f.step(finish_page({toast, el("alert", "", {{"text", "Something else"}})}), 1000));
  EXPECT_EQ(d.back()["kind"], "wait") << d.back().dump();
  d.push_back(f.step(finish_page({toast}), 1000));
  EXPECT_EQ(d.back()["error"]["name"], "no_effect") << d.back().dump();
  EXPECT_EQ(clicks_on(d, "finish_yes"), 1);
  EXPECT_EQ(f.st()["clicks"], 1);
}

TEST(NeverTwice, AMilestoneOfferedAgainAfterItShowedIsNeverDecidedASecondTime) {
  Flow f("link");
  std::vector<json> d = {f.step(finish_page())};
  d.push_back(f.step(finish_page({}, true)));  // busy: the click showed
  EXPECT_EQ(d.back()["kind"], "wait");
  d.push_back(f.step(finish_page()));  // offered again (the request failed, a page script…)
  EXPECT_EQ(d.back()["error"]["name"], "no_effect") << d.back().dump();
  EXPECT_EQ(clicks_on(d, "finish_yes"), 1);
}

TEST(NeverTwice, AToastOnTheRemoveDialogIsNotTheRemovalsEffect) {
  Flow f("unlink", R"({"settleMs": 2000})");
  auto confirm = [](std::vector<json> extra) {
    std::vector<json> e = {el("heading", "Jane Doe"), el("dialog", "Sure?"), el("button", "Remove Jane Doe", {{"container", 1}})};
    for (json& x : extra) e.push_back(x);
    return snapshot_text(std::string(kAc) + "/profiles/1/", e);
  };
  std::vector<json> d = {f.step(confirm({}))};
  ASSERT_EQ(d[0]["locator"], "remove_confirm");
  d.push_back(f.step(confirm({el("status", "", {{"text", "Saving"}})}), 300));
  EXPECT_EQ(d.back()["kind"], "wait");
  d.push_back(f.step(confirm({el("status", "", {{"text", "Saving"}})}), 2000));
  EXPECT_EQ(d.back()["error"]["name"], "no_effect");
  EXPECT_EQ(clicks_on(d, "remove_confirm"), 1);
}

TEST(NeverTwice, AMilestoneMetaInterruptedWithAPersonsDecisionIsOfferedAgainOnceOnly) {
  Flow f("unlink", R"({"facebookAccount": "Jane Doe"})");
  const std::string confirm = snapshot_text(std::string(kAc) + "/profiles/1/",
                                            {el("heading", "Jane Doe"), el("dialog", "Sure?"), el("button", "Remove Jane Doe", {{"container", 1}})});
  const std::string reauth = snapshot_text(std::string(kAc) + "/profiles/1/",
                                           {el("dialog", "Confirm it's you"), el("textbox", "Password", {{"container", 0}}), el("button", "Continue", {{"container", 0}})});
  std::vector<json> d = {f.step(confirm)};
  ASSERT_EQ(d[0]["locator"], "remove_confirm");
  d.push_back(f.step(reauth));  // Meta asks for the password before it removes anything
  EXPECT_EQ(d.back()["kind"], "ask_user") << d.back().dump();
  EXPECT_EQ(d.back()["reason"], "confirm_identity");
  // The person is through: Meta shows the account again (its own click, not a milestone),
  // then offers the removal again.
  d.push_back(f.step(snapshot_text(std::string(kAc) + "/profiles/1/", {el("heading", "Jane Doe"), el("button", "Remove account")})));
  EXPECT_EQ(d.back()["locator"], "remove_account") << d.back().dump();
  d.push_back(f.step(confirm));
  EXPECT_EQ(d.back()["locator"], "remove_confirm") << d.back().dump();
  d.push_back(f.step(reauth));  // and asks again: answered by the person once more
  EXPECT_EQ(d.back()["kind"], "ask_user");
  d.push_back(f.step(confirm));  // a page that keeps asking: not a third click
  EXPECT_EQ(d.back()["error"]["name"], "no_effect") << d.back().dump();
  EXPECT_EQ(clicks_on(d, "remove_confirm"), 2);
  // Without the person's screen in between it stays once (the test above): kept across a restart, too.
  EXPECT_EQ(f.st()["retaken"], json::array({"remove_confirm"}));
}

TEST(Consent, TheRemovalThatNamesAnotherAccountIsNeverConfirmed) {
  auto confirm = [](const char* button) {
    return snapshot_text(std::string(kAc) + "/profiles/1/", {el("dialog", "Remove account?"), el("button", button, {{"container", 0}})});
  };
  Flow other("unlink", R"({"facebookAccount": "Jane Doe"})");
  json d = other.step(confirm("Remove Maria Souza"));
  EXPECT_EQ(d["error"]["name"], "wrong_account") << d.dump();
  EXPECT_EQ(other.st()["clicks"], 0);
  Flow same("unlink", R"({"facebookAccount": "Jane Doe"})");
  EXPECT_EQ(same.step(confirm("Remove jane doe"))["locator"], "remove_confirm");  // the same name, any case
  Flow unnamed("unlink", R"({"facebookAccount": "Jane Doe"})");
  EXPECT_EQ(unnamed.step(confirm("Yes, remove"))["locator"], "remove_confirm");  // a wording without a name
  // German: "Ja, entfernen" is the nameless wording, not "{name} entfernen" naming "Ja,".
  Flow german("unlink", R"({"facebookAccount": "Jane Doe"})");
  EXPECT_EQ(german.step(snapshot_text(std::string(kAc) + "/profiles/1/", {el("dialog", "Konto entfernen?"), el("button", "Ja, entfernen", {{"container", 0}})}, "de"))["locator"],
            "remove_confirm");
}

TEST(NeverTwice, AToastIsNotASwitchChangingTheSwitchIsWaitedFor) {
  Flow f("setSharing", R"({"sharing": {"posts": true}})");
  ASSERT_EQ(f.step(sharing(false, false))["kind"], "toggle");
  std::string with_toast = snapshot_text(std::string(kAc) + "/connected_experiences/cross_posting/",
                                         {el("heading", "Sharing across profiles"), el("switch", "Share your posts to Facebook", {{"checked", false}}),
                                          el("switch", "Share your reels to Facebook", {{"checked", false}}), el("status", "", {{"text", "Saving…"}})});
  EXPECT_EQ(f.step(with_toast, 300)["kind"], "wait");
  json d = f.step(sharing(true, false), 300);
  EXPECT_EQ(d["kind"], "done") << d.dump();
  EXPECT_EQ(f.st()["clicks"], 1);
}

TEST(NeverTwice, TheAccountCardPickedByNameIsWaitedForNotClickedAgain) {
  // The card is not what the locator finds first: the same page again is still "not yet".
  Flow f("link", R"({"facebookAccount": "John Roe"})");
  std::string choose = snapshot_text("https://www.facebook.com/login/?src=fxcal",
                                     {el("heading", "Choose your account"), el("button", "Jane Doe"), el("button", "John Roe"),
                                      el("link", "Use another account", {{"href", "/login/?login_as_other=1"}})});
  json d = f.step(choose);
  ASSERT_EQ(d["name"], "John Roe");
  EXPECT_EQ(f.step(choose, 100)["kind"], "wait");
  EXPECT_EQ(f.step(choose, 100)["kind"], "wait");
  EXPECT_EQ(f.st()["clicks"], 1);
}

TEST(NeverTwice, ACardMadeBusyByItsClickIsWaitedForNotClickedAgain) {
  Flow f("link", R"({"facebookAccount": "John Roe"})");
  auto choose = [](bool busy) {
    return snapshot_text("https://www.facebook.com/login/?src=fxcal",
                         {el("heading", "Choose your account"), el("button", "Jane Doe"), el("button", "John Roe", {{"disabled", busy}}),
                          el("link", "Use another account", {{"href", "/login/?login_as_other=1"}})});
  };
  ASSERT_EQ(f.step(choose(false))["name"], "John Roe");
  EXPECT_EQ(f.step(choose(true), 100)["kind"], "wait");  // busy: its click showed
  EXPECT_EQ(f.step(choose(true), 100)["kind"], "wait");  // and it is not clicked again while busy
  EXPECT_EQ(f.st()["clicks"], 1);
}

std::string add_page_with(const std::string& href) {
  return snapshot_text(std::string(kAc) + "/add/", {el("heading", "Add accounts"), el("link", "Add Facebook account", {{"href", href}})});
}

TEST(OnlyMetaLinks, AnAddFacebookLinkOffMetasPagesIsRefusedNamingItsHost) {
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"https://faceb00k-login.example/login/", "faceb00k-login.example"},
      {"javascript:alert(1)", "javascript:"},
      {"java\tscript:alert(1)", "javascript:"},
      {"JavaScript:void(0)", "javascript:"},
      {"data:text/html,hi", "data:"},
      {"https://www.facebook.com.evil.example/login/", "www.facebook.com.evil.example"},
      {"https://www.facebook.com@evil.example/login/", "evil.example"},
      {"//evil.example/login/", "evil.example"},
      {"/\\evil.example/login/", "evil.example"},
      {"http://www.facebook.com/login/?src=fxcal", "www.facebook.com"},
      {"https://www.facebook.com:8443/login/", "www.facebook.com"},
      {"https://www.facebook.com/l.php?u=https%3A%2F%2Fevil.example", "www.facebook.com"},
      {"https://www.facebook.com/login/../l.php", "www.facebook.com"},
      {"https:evil.example/login/", "https:"},
  };
  for (const auto& [href, host] : refused) {
    Flow f("link");
    json d = f.step(add_page_with(href));
    EXPECT_EQ(d["kind"], "error") << href << " " << d.dump();
    EXPECT_EQ(d["error"]["name"], "navigation_refused") << href;
    EXPECT_EQ(detail_of(d).rfind(host + ": ", 0), 0u) << href << " " << d.dump();
    EXPECT_EQ(f.st()["clicks"], 0) << href;
  }
  Flow ok("link");
  json d = ok.step(add_page_with("https://www.facebook.com/login/?src=fxcal&next=x"));
  EXPECT_EQ(d["kind"], "click") << d.dump();
  Flow relative("link");  // on Accounts Center's own host, a path it knows
  EXPECT_EQ(relative.step(add_page_with("/add/?auth_flow=ig_linking"))["kind"], "click");
}

TEST(OnlyMetaLinks, FollowsFallbackClickIsRefusedOffMetasPages) {
  Flow f("setSharing", R"({"sharing": {"posts": true}})");
  json d = f.step(snapshot_text(std::string(kAc) + "/connected_experiences/",
                                {el("heading", "Connected experiences"),
                                 el("link", "Sharing across profiles", {{"href", "https://evil.example/connected_experiences/cross_posting/"}})}));
  EXPECT_EQ(d["error"]["name"], "navigation_refused") << d.dump();
  EXPECT_EQ(detail_of(d).rfind("evil.example: ", 0), 0u);
}

TEST(OnlyMetaLinks, AFacebookCardLinkOffMetasPagesIsRefused) {
  Flow f("unlink", R"({"facebookAccount": "Jane Doe"})");
  std::string page = snapshot_text(std::string(kAc) + "/accounts/",
                                   {el("heading", "Accounts"), el("listitem", "", {{"text", "Jane Doe\nFacebook"}}),
                                    el("link", "Jane Doe", {{"container", 1}, {"href", "https://evil.example/profiles/1/"}})});
  json d = f.step(page);
  EXPECT_EQ(d["error"]["name"], "navigation_refused") << d.dump();
  EXPECT_EQ(detail_of(d).rfind("evil.example: ", 0), 0u);
}

std::string continue_as(const char* button) {
  return snapshot_text("https://www.facebook.com/login/?src=fxcal",
                       {el("heading", "Use your Facebook account"), el("button", button), el("link", "Not you?", {{"href", "/login/?login_as_other=1"}})});
}

TEST(Consent, ContinueAsIsClickedOnlyAfterThePersonConfirmedTheName) {
  Flow f("link");
  json d = f.step(continue_as("Continue as Jane Doe"));
  EXPECT_EQ(d["kind"], "ask_user");
  EXPECT_EQ(d["reason"], "confirm_account");
  EXPECT_EQ(d["choices"], json::array({"Jane Doe"}));
  EXPECT_EQ(f.step(continue_as("Continue as Jane Doe"), 60000)["reason"], "confirm_account");  // waits for the person
  EXPECT_EQ(f.answer("Maria Souza")["error"]["name"], "bad_answer");  // not what was offered
  json ok = f.answer("Jane Doe");
  ASSERT_TRUE(ok.contains("state")) << ok.dump();
  EXPECT_EQ(ok["state"]["status"], "running");
  d = f.step(continue_as("Continue as Jane Doe"));
  EXPECT_EQ(d["kind"], "click");
  EXPECT_EQ(d["locator"], "fb_continue");
  EXPECT_EQ(f.st()["activeMs"].get<long long>(), 1000);  // two steps of 500 ms: the 60 s the person took are not the flow's
}

TEST(Consent, ANameThePageDoesNotSayIsConfirmedOnThePageWithOneClick) {
  Flow f("link");
  json d = f.step(continue_as("Continue"));
  EXPECT_EQ(d["reason"], "confirm_account");
  EXPECT_FALSE(d.contains("choices"));
  ASSERT_TRUE(f.answer("").contains("state"));
  EXPECT_EQ(f.step(continue_as("Continue"))["locator"], "fb_continue");
}

TEST(Consent, StartedForThatNameNeedsNoQuestionAnotherNameIsNotYou) {
  Flow named("link", R"({"facebookAccount": "jane doe"})");
  EXPECT_EQ(named.step(continue_as("Continue as Jane Doe"))["kind"], "click");
  Flow other("link", R"({"facebookAccount": "Maria Souza"})");
  EXPECT_EQ(other.step(continue_as("Continue as Jane Doe"))["reason"], "not_you");
  Flow german("link", R"({"facebookAccount": "Jane Doe"})");
  EXPECT_EQ(german.step(continue_as("Als Jane Doe fortfahren"))["kind"], "click");
}

TEST(Consent, UnlinkNamesTheAccountAndAsksBeforeOpeningIt) {
  Flow f("unlink");
  json d = f.step(fb_accounts());
  EXPECT_EQ(d["reason"], "confirm_unlink");
  EXPECT_EQ(d["choices"], json::array({"Jane Doe"}));
  EXPECT_EQ(f.st()["clicks"], 0);
  ASSERT_TRUE(f.answer("Jane Doe").contains("state"));
  d = f.step(fb_accounts());
  EXPECT_EQ(d["kind"], "click");
  EXPECT_EQ(d["locator"], "facebook_card_link");
  EXPECT_EQ(d["name"], "Jane Doe");
}

TEST(Consent, WithSeveralFacebookAccountsThePersonPicksNeverTheFirstCard) {
  Flow f("unlink");
  std::string two = fb_accounts({}, {"Jane Doe", "Maria Souza"});
  json d = f.step(two);
  EXPECT_EQ(d["reason"], "choose_unlink");
  EXPECT_EQ(d["choices"], json::array({"Jane Doe", "Maria Souza"}));
  ASSERT_TRUE(f.answer("Maria Souza").contains("state"));
  d = f.step(two);
  EXPECT_EQ(d["kind"], "click");
  EXPECT_EQ(d["name"], "Maria Souza");
  EXPECT_EQ(d["target"], 5);
  // Named in the params but not on the list: asked, never a guess.
  Flow g("unlink", R"({"facebookAccount": "John Roe"})");
  EXPECT_EQ(g.step(two)["reason"], "choose_unlink");
}

TEST(Consent, AnAnswerIsTakenOnlyWhileTheFlowWaitsForIt) {
  Flow f("link");
  EXPECT_EQ(f.answer("Jane Doe")["error"]["name"], "bad_answer");  // nothing asked yet
  f.step(snapshot_text("https://www.facebook.com/login/", {el("heading", "Log in"), el("textbox", "Password")}));
  EXPECT_EQ(f.answer("")["error"]["name"], "bad_answer");  // facebook_login is the person's to do on the page
}

}  // namespace
}  // namespace crosslink::testing
