// Guided steps, taught wordings and the problem report (issue 16; core/guided.h, core/report.h).
#include <gtest/gtest.h>

#include "api_flows.h"
#include "api_guided.h"
#include "parity.h"
#include "flow_run.h"
#include "snap_builder.h"

namespace crosslink::testing {
namespace {

using nlohmann::json;

// The parity cases (tests/cases/guided.json): the same report, natively and in Wasm.
const ApiRegistration kReport("problemReport", [](const ApiArgs& a) { return api::problem_report(text_arg(a.at(0)), text_arg(a.at(1))); });
const ApiRegistration kTaughtCheck("taughtCheck", [](const ApiArgs& a) { return api::taught_check(text_arg(a.at(0))); });

const std::string AC = "https://accountscenter.instagram.com";

struct Flow : FlowRun {  // flow_run.h, from 5000 ms, 400 ms a step
  explicit Flow(const char* kind, const char* params = "") : FlowRun(kind, params, 5000, 400) {}
};

struct Taught {
  explicit Taught(const json& list) { EXPECT_EQ(json::parse(api::taught_set(list.dump()))["ok"], true); }
  ~Taught() { api::taught_set("[]"); }
};

std::string finish_page(const char* wording) {
  return snapshot_text(AC + "/add/confirm/", {el("heading", "Finish setting up"), el("button", wording), el("button", "Cancel"),
                                              el("link", "Help", {{"href", "/help/"}})});
}
std::string sync_page() {
  return snapshot_text(AC + "/add/sync/", {el("heading", "Sync your profile info?"), el("button", "Continue"), el("button", "Not now")});
}

TEST(Guided, AButtonNotFoundOnAKnownScreenIsAGuidedStepNotAnError) {
  Flow f("link");
  json d = f.step(finish_page("Yes, complete connection"));
  ASSERT_EQ(d["kind"], "ask_user");
  EXPECT_EQ(d["reason"], "guided");
  EXPECT_EQ(d["screen"], "accounts_center_finish_setup");
  EXPECT_EQ(d["guide"]["locator"], "finish_yes");
  EXPECT_EQ(d["guide"]["action"], "click");
  EXPECT_EQ(d["guide"]["wording"], "Yes, finish setup");  // the step it replaces, in the page's language
  EXPECT_EQ(d["guide"]["error"], "not_found");
  EXPECT_EQ(d["guide"]["candidates"][0]["name"], "Yes, complete connection");  // shares "yes"
  EXPECT_EQ(f.st()["status"], "needs_user");
  EXPECT_EQ(f.st()["clicks"], 0);  // no click on a guess
  // Still there: still guided, the same question (no new ask), nothing clicked.
  d = f.step(finish_page("Yes, complete connection"));
  EXPECT_EQ(d["reason"], "guided");
  // The person clicked it: the next snapshot is the profile sync, and the flow goes on by itself.
  d = f.step(sync_page());
  EXPECT_EQ(d["kind"], "click");
  EXPECT_EQ(d["locator"], "sync_not_now");
  EXPECT_EQ(f.st()["status"], "running");
}

TEST(Guided, CandidatesAreOutlinedByNameSimilarityAndRole) {
  Flow f("link");
  json d = f.step(snapshot_text(AC + "/add/confirm/", {el("heading", "Finish"), el("button", "Not this one"), el("button", "Finish"),
                                                        el("button", "Yes, complete setup"), el("textbox", "Finish setup"),
                                                        el("link", "Help", {{"href", "/help/"}})}));
  ASSERT_EQ(d["reason"], "guided");
  EXPECT_EQ(d["guide"]["locator"], "finish_yes");
  ASSERT_EQ(d["guide"]["candidates"].size(), 2u);
  EXPECT_EQ(d["guide"]["candidates"][0]["name"], "Yes, complete setup");  // shares two words with "Yes, finish setup"
  EXPECT_EQ(d["guide"]["candidates"][1]["name"], "Finish");
  for (const json& c : d["guide"]["candidates"]) EXPECT_NE(c["role"], "textbox");  // never a field
}

TEST(Guided, UnlinkBackOnTheDetailPageWithoutItsRemoveButtonIsGuided) {
  Flow f("unlink", R"({"facebookAccount": "Maria Souza"})");  // the person confirmed the name
  std::string list = snapshot_text(AC + "/accounts/", {el("heading", "Accounts"), el("listitem", "", {{"text", "jane.doe\nInstagram"}}),
                                                        el("listitem", "", {{"text", "Maria Souza\nFacebook"}}),
                                                        el("link", "Maria Souza", {{"href", "/profiles/7/"}, {"container", 2}})});
  std::string detail = snapshot_text(AC + "/profiles/7/", {el("heading", "Maria Souza"), el("button", "Disconnect this account")});
  EXPECT_EQ(f.step(list)["kind"], "click");
  EXPECT_EQ(f.step(detail)["kind"], "navigate");  // perhaps not the Facebook account: the list again
  EXPECT_EQ(f.step(list)["kind"], "click");
  json d = f.step(detail);
  ASSERT_EQ(d["reason"], "guided");
  EXPECT_EQ(d["guide"]["locator"], "remove_account");
  EXPECT_EQ(d["guide"]["wording"], "Remove from Accounts Center");
}

TEST(Guided, ASwitchStepSaysWhichWay) {
  Flow f("setSharing", R"({"sharing": {"posts": true}})");
  json d = f.step(snapshot_text(AC + "/connected_experiences/cross_posting/",
                                {el("heading", "Sharing across profiles"), el("switch", "Post to Facebook automatically", {{"checked", false}}),
                                 el("switch", "Share your reels to Facebook", {{"checked", false}})}, "de"));
  ASSERT_EQ(d["reason"], "guided");
  EXPECT_EQ(d["guide"]["action"], "switch_on");
  EXPECT_EQ(d["guide"]["locale"], "de");
  EXPECT_NE(d["guide"]["wording"], "Share your posts to Facebook");  // said in German
}

TEST(Guided, NoSwitchAtAllOnTheSharingPageIsAGuidedClickWithoutAWording) {
  Flow f("setSharing", R"({"sharing": {"posts": true}})");
  json d = f.step(snapshot_text(AC + "/connected_experiences/cross_posting/", {el("heading", "Sharing across profiles"), el("button", "Turn on")}));
  ASSERT_EQ(d["reason"], "guided");
  EXPECT_EQ(d["guide"]["action"], "click");
  EXPECT_EQ(d["guide"]["locator"], "");
  EXPECT_EQ(d["guide"]["wording"], "");
}

TEST(Taught, ATaughtWordingIsUsedBeforeTheShippedOnesAndSaysSo) {
  Taught t(json::array({{{"id", "t1"}, {"locator", "finish_yes"}, {"locale", "en"}, {"role", "button"}, {"name", "Yes, complete connection"}}}));
  Flow f("link");
  json d = f.step(finish_page("Yes, complete connection"));
  ASSERT_EQ(d["kind"], "click");
  EXPECT_EQ(d["target"], 1);
  EXPECT_EQ(d["taught"], "t1");
  // Another locale's page: the wording is not used there.
  Flow g("link");
  d = g.step(snapshot_text(AC + "/add/confirm/", {el("heading", "x"), el("button", "Yes, complete connection")}, "fr"));
  EXPECT_EQ(d["reason"], "guided");
}

TEST(Taught, ShippedClicksDoNotSayTaught) {
  Taught t(json::array({{{"id", "t1"}, {"locator", "finish_yes"}, {"locale", ""}, {"role", "button"}, {"name", "Something else"}}}));
  Flow f("link");
  json d = f.step(finish_page("Yes, finish setup"));
  ASSERT_EQ(d["kind"], "click");
  EXPECT_FALSE(d.contains("taught"));
}

TEST(Taught, ABadListIsRefusedWholeAndNeverATextField) {
  EXPECT_EQ(json::parse(api::taught_check(R"([{"id":"a","locator":"finish_yes","locale":"en","role":"textbox","name":"x"}])"))["ok"], false);
  EXPECT_EQ(json::parse(api::taught_check(R"([{"id":"a","locator":"nope","locale":"en","role":"button","name":"x"}])"))["ok"], false);
  EXPECT_EQ(json::parse(api::taught_check(R"([{"id":"a","locator":"finish_yes","locale":"xx","role":"button","name":"x"}])"))["ok"], false);
  EXPECT_EQ(json::parse(api::taught_check(R"({"id":"a"})"))["ok"], false);
  EXPECT_EQ(json::parse(api::taught_check("not json"))["ok"], false);
  EXPECT_EQ(json::parse(api::taught_check(R"([{"id":"a","locator":"finish_yes","locale":"en","role":"button","name":"Go","learnedAt":1}])"))["count"], 1);
}

// ---- the problem report ----

TEST(ProblemReport, NoNameUsernameOrIdOfTheSnapshotSurvives) {
  const std::vector<std::string> secrets = {"Jane Doe", "jane.doe", "maria_souza_77", "Maria Souza", "1234567890123", "98765",
                                            "s3cr3t-token", "Caption about my cat Felix", "felix", "555-0100", "jdoe@example.com",
                                            "example.com", "Joana"};
  std::string snap = snapshot_text(
      AC + "/profiles/1234567890123/?token=s3cr3t-token&id=98765#x",
      {el("heading", "Jane Doe"), el("listitem", "", {{"text", "jane.doe\nInstagram"}}),
       el("listitem", "", {{"text", "Maria Souza\nFacebook"}}),
       el("link", "Maria Souza", {{"href", "/profiles/98765/?blob=s3cr3t-token"}, {"container", 2}}),
       el("link", "maria_souza_77", {{"href", "https://www.instagram.com/maria_souza_77/"}}),
       el("button", "Remove Joana"),  // a shipped wording with {name}: given as written
       el("button", "Add accounts"),
       el("article", "Caption about my cat Felix", {{"text", "Caption about my cat Felix\nCall 555-0100"}}),
       el("link", "jdoe@example.com", {{"href", "mailto:jdoe@example.com"}}),
       el("link", "site", {{"href", "https://example.com/u/felix?x=1"}}),
       el("switch", "Share your posts to Facebook", {{"checked", true}})});
  json info = {{"extension", "0.4.0"}, {"browser", "Chromium 156.0.7000.1"}, {"flow", "unlink"}, {"outcome", "guided"},
               {"trail", json::array({{{"screen", "accounts_center_accounts"}, {"kind", "click"}, {"locator", "facebook_account"}},
                                      {{"screen", "accounts_center_account_detail"}, {"kind", "ask_user"}, {"reason", "guided"},
                                       {"name", "Jane Doe"}},
                                      {{"screen", "Jane Doe"}, {"error", "jane.doe"}}})}};
  json out = json::parse(api::problem_report(info.dump(), snap));
  ASSERT_EQ(out["ok"], true);
  const std::string text = out["text"].get<std::string>();
  const std::string all = out["report"].dump() + text;
  for (const std::string& s : secrets) EXPECT_EQ(all.find(s), std::string::npos) << s << " survived:\n" << text;
  // What is kept: the shipped wordings, the known host and path words, the facts of the run.
  const json& r = out["report"];
  EXPECT_EQ(r["browser"], "Chromium 156.0.7000.1");
  EXPECT_EQ(r["flow"], "unlink");
  EXPECT_EQ(r["pageLocale"], "en");
  EXPECT_EQ(r["lastSnapshot"]["url"], "https://accountscenter.instagram.com/profiles/:id/?[query]");
  EXPECT_NE(text.find("\"Add accounts\""), std::string::npos);
  EXPECT_NE(text.find("\"Share your posts to Facebook\" [on]"), std::string::npos);
  EXPECT_NE(text.find("Remove {name}"), std::string::npos);
  EXPECT_NE(text.find("[name]"), std::string::npos);
  EXPECT_NE(text.find("https://www.instagram.com/:id/"), std::string::npos);
  EXPECT_NE(text.find("[host]"), std::string::npos);
  ASSERT_EQ(r["trail"].size(), 2u);  // the entry made of a name and a username is dropped whole
  EXPECT_FALSE(r["trail"][1].contains("name"));
  EXPECT_EQ(r["trail"][1]["reason"], "guided");
}

TEST(ProblemReport, WithoutASnapshotOrWithABadOne) {
  json out = json::parse(api::problem_report(R"({"flow":"link"})", ""));
  EXPECT_TRUE(out["report"]["lastSnapshot"].is_null());
  out = json::parse(api::problem_report(R"({"flow":"nope<script>"})", "{bad"));
  EXPECT_EQ(out["report"]["flow"], "");
  EXPECT_EQ(out["report"]["lastSnapshot"]["error"], "bad_json");
  EXPECT_EQ(json::parse(api::problem_report("[", ""))["ok"], false);
}

}  // namespace
}  // namespace crosslink::testing
