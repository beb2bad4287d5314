// Each flow's own decisions (core/flow.cpp) on pages the recorded journeys do not cover:
// options, the person's choices, idempotence and read-back failures.
#include <gtest/gtest.h>

#include "api_flows.h"
#include "flow_run.h"
#include "snap_builder.h"

namespace crosslink::testing {
namespace {

using nlohmann::json;

struct Flow : FlowRun {  // flow_run.h, from 5000 ms, 400 ms a step
  explicit Flow(const char* kind, const char* params = "") : FlowRun(kind, params, 5000, 400) {}
};

const std::string AC = "https://accountscenter.instagram.com";
const std::string IG = "https://www.instagram.com";

std::string sync_page() {
  return snapshot_text(AC + "/add/sync/", {el("heading", "Sync your profile info?"), el("button", "Continue"), el("button", "Not now")});
}
std::string accounts(bool linked) {
  std::vector<json> e = {el("heading", "Accounts"), el("listitem", "", {{"text", "jane.doe\nInstagram"}})};
  if (linked) e.push_back(el("listitem", "", {{"text", "Maria Souza\nFacebook"}})), e.push_back(el("link", "Maria Souza", {{"href", "/profiles/7/"}, {"container", 2}}));
  e.push_back(el("button", "Add accounts"));
  return snapshot_text(AC + "/accounts/", e);
}
std::string messages(const char* others, bool status = true) {
  std::vector<json> e = {el("heading", "Settings"), el("heading", "Messages and story replies")};
  if (status) e.push_back(el("status", "", {{"text", "Messenger features are on. Chats with people on Facebook appear in your inbox."}}));
  if (others) e.push_back(el("link", "x", {{"text", std::string("Others on Facebook\n") + others}, {"href", "/accounts/messages_and_story_replies/others_on_facebook/"}}));
  return snapshot_text(IG + "/accounts/messages_and_story_replies/", e);
}
std::string settings(bool offer) {
  std::vector<json> e = {el("heading", "Settings"), el("link", "Messages and story replies", {{"href", "/accounts/messages_and_story_replies/"}})};
  if (offer) e.push_back(el("button", "Update Messaging"));
  return snapshot_text(IG + "/accounts/edit/", e);
}

TEST(LinkFlow, ProfileSyncIsNotNowByDefault) {
  Flow f("link");
  EXPECT_EQ(f.step(sync_page())["name"], "Not now");
}

TEST(LinkFlow, ProfileSyncContinuesWhenAsked) {
  Flow f("link", R"({"syncProfile": true})");
  EXPECT_EQ(f.step(sync_page())["name"], "Continue");
}

TEST(LinkFlow, SeveralFacebookAccountsAreThePersonsChoice) {
  std::string choose = snapshot_text("https://www.facebook.com/login/?src=fxcal",
                                     {el("heading", "Choose your account"), el("button", "Jane Doe"), el("button", "Maria Souza"),
                                      el("link", "Use another account", {{"href", "/login/?login_as_other=1"}})});
  Flow ask("link");
  json d = ask.step(choose);
  EXPECT_EQ(d["kind"], "ask_user");
  EXPECT_EQ(d["reason"], "choose_account");
  Flow named("link", R"({"facebookAccount": "maria souza"})");
  d = named.step(choose);
  EXPECT_EQ(d["kind"], "click");
  EXPECT_EQ(d["target"], 2);
  Flow absent("link", R"({"facebookAccount": "Nobody"})");
  EXPECT_EQ(absent.step(choose)["reason"], "choose_account");
}

TEST(LinkFlow, ContinueAsSomeoneElseAsksNotYou) {
  std::string as_jane = snapshot_text("https://www.facebook.com/login/?src=fxcal",
                                      {el("heading", "Use your Facebook account"), el("button", "Continue as Jane Doe"),
                                       el("link", "Not you?", {{"href", "/login/?login_as_other=1"}})});
  Flow other("link", R"({"facebookAccount": "Maria Souza"})");
  json d = other.step(as_jane);
  EXPECT_EQ(d["kind"], "ask_user");
  EXPECT_EQ(d["reason"], "not_you");
  Flow same("link", R"({"facebookAccount": "Jane Doe"})");
  EXPECT_EQ(same.step(as_jane)["kind"], "click");
  // Started for no one: the person confirms the name first (issue 17), never a silent consent.
  Flow any("link");
  json asked = any.step(as_jane);
  EXPECT_EQ(asked["reason"], "confirm_account");
  EXPECT_EQ(asked["choices"], json::array({"Jane Doe"}));
}

TEST(LinkFlow, AFacebookOptionNotOfferedMeansLinkedAlready) {
  Flow f("link");
  json d = f.step(snapshot_text(AC + "/add/", {el("heading", "Add accounts"), el("button", "Add Facebook account", {{"disabled", true}})}));
  EXPECT_EQ(d["kind"], "navigate");
  EXPECT_EQ(d["url"], AC + "/accounts/");
  EXPECT_EQ(f.clicks(), 0);
}

TEST(LinkFlow, NoCardAfterFinishingSetupIsReported) {
  Flow f("link");
  f.step(snapshot_text(AC + "/add/confirm/?etoken=1", {el("button", "Yes, finish setup")}));
  json d = f.step(accounts(false));
  EXPECT_EQ(d["error"]["name"], "verify_failed");
}

TEST(UnlinkFlow, ClicksTheFacebookCardNotTheInstagramOne) {
  Flow f("unlink", R"({"facebookAccount": "Maria Souza"})");  // as the popup passes it once the person confirmed
  json d = f.step(accounts(true));
  EXPECT_EQ(d["target"], 3);
  EXPECT_EQ(d["locator"], "facebook_card_link");
}

TEST(UnlinkFlow, TheInstagramAccountsPageHasNothingToRemove) {
  Flow f("unlink");
  json d = f.step(snapshot_text(AC + "/profiles/1/", {el("heading", "jane.doe")}));
  EXPECT_EQ(d["kind"], "navigate");
}

TEST(UnlinkFlow, StillLinkedAfterRemovingIsReported) {
  Flow f("unlink");
  f.step(snapshot_text(AC + "/profiles/7/", {el("button", "Remove account"), el("dialog", "Sure?"), el("button", "Yes, remove", {{"container", 1}})}));
  EXPECT_EQ(f.step(accounts(true))["error"]["name"], "verify_failed");
}

TEST(SetSharingFlow, OnlyTheSwitchesAskedForAreTouched) {
  Flow f("setSharing", R"({"sharing": {"stories": false}})");
  std::string page = snapshot_text(AC + "/connected_experiences/cross_posting/",
                                   {el("heading", "Sharing across profiles"), el("switch", "Share your posts to Facebook", {{"checked", true}}),
                                    el("switch", "Share your stories to Facebook", {{"checked", true}})});
  json d = f.step(page);
  EXPECT_EQ(d["kind"], "toggle");
  EXPECT_EQ(d["target"], 2);
}

TEST(SetSharingFlow, AMissingSwitchIsNotFound) {
  Flow f("setSharing", R"({"sharing": {"reels": true}})");
  json d = f.step(snapshot_text(AC + "/connected_experiences/cross_posting/",
                                {el("heading", "Sharing across profiles"), el("switch", "Share your posts to Facebook", {{"checked", true}})}));
  EXPECT_EQ(d["reason"], "guided");  // a guided step (issue 16): the person switches it
  EXPECT_EQ(d["guide"]["locator"], "switch_reels");
  EXPECT_EQ(d["guide"]["action"], "switch_on");
}

TEST(SetSharingFlow, ConnectedExperiencesLeadsToSharingByItsAddress) {
  Flow f("setSharing", R"({"sharing": {"posts": true}})");
  json d = f.step(snapshot_text(AC + "/connected_experiences/",
                                {el("heading", "Connected experiences"), el("link", "Sharing across profiles", {{"href", "/connected_experiences/cross_posting/"}})}));
  EXPECT_EQ(d["kind"], "navigate");
  EXPECT_EQ(d["url"], AC + "/connected_experiences/cross_posting/");
  EXPECT_EQ(f.clicks(), 0);
}

TEST(LinkMessagingFlow, UpdateThenReadBack) {
  Flow f("linkMessaging");
  EXPECT_EQ(f.step(settings(true))["name"], "Update Messaging");
  std::string dialog = snapshot_text(IG + "/accounts/edit/", {el("heading", "Settings"), el("dialog", "New messaging features"),
                                                               el("button", "Update", {{"container", 1}}), el("button", "Not now", {{"container", 1}})});
  EXPECT_EQ(f.step(dialog)["name"], "Update");
  json d = f.step(settings(false));
  EXPECT_EQ(d["url"], IG + "/accounts/messages_and_story_replies/");
  d = f.step(messages("Message requests"));
  EXPECT_EQ(d["kind"], "done");
  EXPECT_EQ(d["result"], (json{{"messaging", {{"updated", true}, {"othersOnFacebook", "requests"}}}}));
  EXPECT_EQ(f.clicks(), 2);
}

TEST(LinkMessagingFlow, ARefusalInTheDialogIsReported) {
  Flow f("linkMessaging");
  std::string dialog = snapshot_text(IG + "/accounts/edit/", {el("dialog", "New messaging features"), el("button", "Update", {{"container", 0}})});
  f.step(dialog);
  json d = f.step(snapshot_text(IG + "/accounts/edit/", {el("dialog", "New messaging features"), el("button", "Update", {{"container", 0}}),
                                                         el("alert", "", {{"container", 0}, {"text", "Add your Facebook account to Accounts Center first."}})}));
  EXPECT_EQ(d["error"]["name"], "refused");
  EXPECT_EQ(d["error"]["detail"], "Add your Facebook account to Accounts Center first.");
}

// A messaging flow on a page already as it wants it: done at once, read back, no click.
void expect_done_without_a_click(const char* flow, const char* shown, const char* read) {
  Flow f(flow);
  EXPECT_EQ(f.step(messages(shown))["result"]["messaging"]["othersOnFacebook"], read);
  EXPECT_EQ(f.clicks(), 0);
}

TEST(LinkMessagingFlow, AlreadyUpdatedIsDoneWithoutAClick) { expect_done_without_a_click("linkMessaging", "Chats", "chats"); }

TEST(LinkMessagingFlow, NotOfferedIsAStateNotAnError) {
  // Meta ended Instagram <-> Facebook chat in December 2023: "not offered" is the normal
  // state, read and said plainly (done, offered false), never an error, nothing clicked.
  Flow f("linkMessaging");
  EXPECT_EQ(f.step(messages(nullptr, false))["kind"], "navigate");
  EXPECT_EQ(f.step(settings(false))["kind"], "navigate");
  json d = f.step(messages(nullptr, false));
  EXPECT_EQ(d["kind"], "done");
  EXPECT_EQ(d["result"], (json{{"messaging", {{"updated", false}, {"othersOnFacebook", nullptr}, {"offered", false}}}}));
  EXPECT_EQ(f.clicks(), 0);
}

TEST(UnlinkMessagingFlow, NothingToUndoIsDone) {
  Flow f("unlinkMessaging");
  json d = f.step(messages(nullptr, false));
  EXPECT_EQ(d["result"], (json{{"messaging", {{"updated", false}, {"othersOnFacebook", nullptr}}}}));
}

TEST(UnlinkMessagingFlow, AlreadyNotReceivingIsDone) {
  expect_done_without_a_click("unlinkMessaging", "Don't receive requests", "none");
}

TEST(UnlinkMessagingFlow, ChoosesDontReceiveThenReadsBack) {
  Flow f("unlinkMessaging");
  EXPECT_EQ(f.step(messages("Chats"))["url"], IG + "/accounts/messages_and_story_replies/others_on_facebook/");
  std::string others = IG + "/accounts/messages_and_story_replies/others_on_facebook/";
  json d = f.step(snapshot_text(others, {el("heading", "Others on Facebook"), el("radio", "Chats", {{"checked", true}}),
                                         el("radio", "Don't receive requests", {{"checked", false}})}));
  EXPECT_EQ(d["kind"], "click");
  EXPECT_EQ(d["checked"], false);
  d = f.step(snapshot_text(others, {el("heading", "Others on Facebook"), el("radio", "Chats", {{"checked", false}}),
                                    el("radio", "Don't receive requests", {{"checked", true}})}));
  EXPECT_EQ(d["url"], IG + "/accounts/messages_and_story_replies/");
  EXPECT_EQ(f.step(messages("Don't receive requests"))["kind"], "done");
  EXPECT_EQ(f.clicks(), 1);
}

TEST(ReadStatusFlow, FromAnywhereWithoutAClick) {
  Flow f("readStatus");
  EXPECT_EQ(f.step(snapshot_text(IG + "/", {}))["url"], AC + "/accounts/");
  EXPECT_EQ(f.step(accounts(true))["url"], AC + "/connected_experiences/cross_posting/");
  EXPECT_EQ(f.step(snapshot_text(AC + "/connected_experiences/cross_posting/",
                                 {el("heading", "Sharing across profiles"), el("switch", "Share your reels to Facebook", {{"checked", true}})}))["url"],
            IG + "/accounts/messages_and_story_replies/");
  json d = f.step(messages("Chats"));
  EXPECT_EQ(d["result"], (json{{"linked", true}, {"facebookName", "Maria Souza"}, {"sharing", {{"reels", true}}},
                               {"messaging", {{"updated", true}, {"othersOnFacebook", "chats"}}}}));
  EXPECT_EQ(f.clicks(), 0);
}

}  // namespace
}  // namespace crosslink::testing
