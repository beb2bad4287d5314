// The flow API as text (core/api_flows.h): registered for the parity cases
// (tests/cases/recognize.json, tests/cases/flows.json), and its answers to bad input.
#include <gtest/gtest.h>

#include "api_flows.h"
#include "parity.h"
#include "snap_builder.h"

namespace crosslink::testing {
namespace {

using nlohmann::json;

double num(const ApiArgs& a, std::size_t i) { return a.at(i).is_number() ? a.at(i).get<double>() : -1; }

const ApiRegistration kRecognize("recognize", [](const ApiArgs& a) { return api::recognize(text_arg(a.at(0))); });
const ApiRegistration kStartFlow("startFlow", [](const ApiArgs& a) {
  return api::start_flow(text_arg(a.at(0)), text_arg(a.at(1)), num(a, 2));
});
const ApiRegistration kStep("step", [](const ApiArgs& a) { return api::step(text_arg(a.at(0)), text_arg(a.at(1)), num(a, 2)); });
const ApiRegistration kCancel("cancel", [](const ApiArgs& a) { return api::cancel(text_arg(a.at(0)), num(a, 1)); });

json call(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << text;
  return j;
}

std::string started(const char* kind, const char* params = "", double now = 1000) {
  return call(api::start_flow(kind, params, now))["state"].dump();
}

const std::string kAccounts = snapshot_text("https://accountscenter.instagram.com/accounts/",
                                            {el("heading", "Accounts"), el("button", "Add accounts")});

TEST(FlowApi, StartFlowGivesAFreshState) {
  json s = call(api::start_flow("link", R"({"syncProfile": true})", 1234));
  ASSERT_TRUE(s.contains("state"));
  EXPECT_EQ(s["state"]["flow"], "link");
  EXPECT_EQ(s["state"]["status"], "running");
  EXPECT_EQ(s["state"]["clicks"], 0);
  EXPECT_EQ(s["state"]["startedAt"], 1234);
  EXPECT_EQ(s["state"]["params"]["syncProfile"], true);
}

TEST(FlowApi, EmptyParametersMeanDefaults) {
  json s = call(api::start_flow("unlink", "", 1))["state"];
  EXPECT_EQ(s["params"]["maxClicks"], 12);
  EXPECT_EQ(call(api::start_flow("link", "null", 1))["state"]["params"]["syncProfile"], false);
}

TEST(FlowApi, UnknownFlowIsBadFlow) {
  EXPECT_EQ(call(api::start_flow("launchRockets", "", 1))["error"]["name"], "bad_flow");
}

TEST(FlowApi, BadParametersAreNamed) {
  for (const char* params : {"[1]", R"({"syncProfile": "yes"})", R"({"maxClicks": -1})", R"({"maxClicks": 1.5})",
                             R"({"sharing": {"posts": true}})", R"({"nope": 1})", "{"})
    EXPECT_EQ(call(api::start_flow("link", params, 1))["error"]["name"], "bad_params") << params;
  EXPECT_EQ(call(api::start_flow("setSharing", "", 1))["error"]["name"], "bad_params");
  EXPECT_EQ(call(api::start_flow("setSharing", R"({"sharing": {"pets": true}})", 1))["error"]["detail"],
            "sharing.pets: unknown switch");
}

TEST(FlowApi, NowMustBeATime) {
  EXPECT_EQ(call(api::start_flow("link", "", -5))["error"]["name"], "bad_params");
  EXPECT_EQ(call(api::start_flow("link", "", 1.0 / 0.0))["error"]["name"], "bad_params");
  EXPECT_EQ(call(api::step(started("link"), kAccounts, 0.0 / 0.0))["decision"]["error"]["name"], "bad_params");
}

TEST(FlowApi, StateThatIsNotOneIsBadStateWithNoStateBack) {
  for (const char* state : {"", "{", "[]", "{}", R"({"v": 2})", R"({"v": 1, "flow": "link"})"}) {
    json out = call(api::step(state, kAccounts, 5));
    EXPECT_EQ(out["decision"]["error"]["name"], "bad_state") << state;
    EXPECT_TRUE(out["state"].is_null());
  }
}

TEST(FlowApi, EveryStateFieldIsChecked) {
  json good = call(started("link"));
  for (const char* field : {"params", "status", "clicks", "startedAt", "pending", "seen", "visits", "steps", "asked", "read"}) {
    json broken = good;
    broken[field] = json::array({1, 2});
    EXPECT_EQ(call(api::step(broken.dump(), kAccounts, 5))["decision"]["error"]["name"], "bad_state") << field;
  }
}

TEST(FlowApi, HostileStateTextIsRefusedBeforeParsing) {
  std::string deep(100000, '[');
  EXPECT_EQ(call(api::step(deep, kAccounts, 5))["decision"]["error"]["detail"], "too_deep: nesting over 16");
  EXPECT_EQ(call(api::step("{\"v\":\"\xff\"}", kAccounts, 5))["decision"]["error"]["name"], "bad_state");
}

TEST(FlowApi, ABadSnapshotEndsTheFlowWithItsName) {
  json out = call(api::step(started("link"), "{\"url\": ", 5));
  EXPECT_EQ(out["decision"]["error"]["name"], "bad_json");
  EXPECT_EQ(out["state"]["status"], "error");
  EXPECT_EQ(out["state"]["outcome"], "bad_json");
  // And the ended flow answers with its final decision from then on.
  json again = call(api::step(out["state"].dump(), kAccounts, 6));
  EXPECT_EQ(again["decision"]["error"]["name"], "bad_json");
}

TEST(FlowApi, RecognizeNamesBadInput) {
  EXPECT_EQ(call(api::recognize("nope"))["error"]["name"], "bad_json");
  EXPECT_EQ(call(api::recognize(R"({"url":"https://www.instagram.com/","elements":[{"i":1,"role":"button"}]})"))["error"]["name"],
            "bad_snapshot");
}

TEST(FlowApi, CancelEndsTheFlowAndIsFinal) {
  json out = call(api::cancel(started("unlink"), 10));
  EXPECT_EQ(out["decision"]["kind"], "error");
  EXPECT_EQ(out["decision"]["error"]["name"], "cancelled");
  EXPECT_EQ(out["state"]["status"], "cancelled");
  EXPECT_EQ(out["state"]["outcome"], "cancelled");
  json later = call(api::step(out["state"].dump(), kAccounts, 20));
  EXPECT_EQ(later["decision"]["error"]["name"], "cancelled");
  EXPECT_EQ(later["state"]["clicks"], 0);
}

TEST(FlowApi, CancelAfterDoneKeepsDone) {
  std::string linked = snapshot_text("https://accountscenter.instagram.com/accounts/",
                                     {el("heading", "Accounts"), el("listitem", "", {{"text", "Jane Doe\nFacebook"}})});
  json done = call(api::step(started("link"), linked, 5));
  ASSERT_EQ(done["decision"]["kind"], "done");
  json out = call(api::cancel(done["state"].dump(), 6));
  EXPECT_EQ(out["decision"]["kind"], "done");
  EXPECT_EQ(out["state"]["status"], "done");
}

}  // namespace
}  // namespace crosslink::testing
