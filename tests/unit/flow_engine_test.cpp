// What every flow shares (core/flow.cpp, the engine): budgets, loops, the pending action
// that must show before another is decided (restart safety), the interstitial, waiting
// for pages and for the person, the navigation allowlist, and the state resuming exactly.
#include <gtest/gtest.h>

#include "api_flows.h"
#include "snap_builder.h"

namespace crosslink::testing {
namespace {

using nlohmann::json;

const char* kAc = "https://accountscenter.instagram.com";

// A flow driven the way the service worker drives it: text in, text out, state kept between.
struct Flow {
  std::string state;
  double now = 1000;
  json last;
  Flow(const char* kind, const char* params = "") {
    json s = json::parse(api::start_flow(kind, params, now));
    EXPECT_TRUE(s.contains("state")) << s.dump();
    state = s["state"].dump();
  }
  json step(const std::string& snapshot, double advance = 500) {
    now += advance;
    last = json::parse(api::step(state, snapshot, now));
    if (last["state"].is_object()) state = last["state"].dump();
    return last["decision"];
  }
  json st() const { return json::parse(state); }
};

std::string accounts(bool linked, std::vector<json> extra = {}) {
  std::vector<json> e = {el("heading", "Accounts"), el("listitem", "", {{"text", "jane.doe\nInstagram"}})};
  if (linked) e.push_back(el("listitem", "", {{"text", "Jane Doe\nFacebook"}}));
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
  Flow f("link");
  std::vector<json> noise = {el("link", "x", {{"href", "/"}})};
  EXPECT_EQ(f.step(accounts(false))["kind"], "click");
  EXPECT_EQ(f.step(add_page())["kind"], "click");
  EXPECT_EQ(f.step(accounts(false, noise))["kind"], "click");  // back where it started (the person went back)
  EXPECT_EQ(f.step(add_page())["kind"], "click");
  EXPECT_EQ(f.step(accounts(false))["kind"], "click");
  json d = f.step(add_page());  // the third time since it was first reached
  EXPECT_EQ(d["error"]["name"], "loop");
  EXPECT_EQ(d["error"]["detail"], "accounts_center_add_accounts reached 3 times without progress");
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

TEST(FlowEngine, AKnownPageOffTheJourneyLeadsToTheEntryPage) {
  Flow f("setSharing", R"({"sharing": {"posts": false}})");
  json d = f.step(home());
  EXPECT_EQ(d["kind"], "navigate");
  EXPECT_EQ(d["url"], "https://accountscenter.instagram.com/connected_experiences/cross_posting/");
  EXPECT_EQ(f.step(home(), 100)["kind"], "wait");  // not yet there
}

TEST(FlowEngine, FacebookUnreadableAsksThePersonToPressContinueThenResumes) {
  Flow f("link");
  f.step(accounts(false));
  f.step(add_page());
  std::string hidden = R"({"url": "", "readable": false, "elements": []})";
  json d = f.step(hidden);
  EXPECT_EQ(d["kind"], "ask_user");
  EXPECT_EQ(d["reason"], "press_continue");
  EXPECT_EQ(d["screen"], "unreadable");
  EXPECT_EQ(f.step(hidden, 30000)["reason"], "press_continue");
  d = f.step(snapshot_text(std::string(kAc) + "/add/confirm/?etoken=x", {el("button", "Yes, finish setup")}));
  EXPECT_EQ(d["locator"], "finish_yes");
  EXPECT_EQ(f.st()["status"], "running");
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

}  // namespace
}  // namespace crosslink::testing
