// Inputs the fuzz targets (tests/fuzz/) found to crash or misbehave, kept as unit tests
// once fixed: each names the target that found it and what went wrong.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api_flows.h"
#include "snap_builder.h"

namespace crosslink::testing {
namespace {

using nlohmann::json;

json call(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << text;
  return j;
}

const std::string kAccounts = snapshot_text("https://accountscenter.instagram.com/accounts/",
                                            {el("heading", "Accounts"), el("button", "Add accounts")});

// A flow that ended: cancelled at once, so its state carries `final`.
json ended_state() {
  json s = call(api::start_flow("unlink", "", 1000))["state"];
  return call(api::cancel(s.dump(), 1500))["state"];
}

// state_fuzz: an ended flow's `final` with a screen that is no text, an error that is no
// object, a name that is no text aborted in cancel_flow (nlohmann value() on the wrong
// type, without exceptions). Now the stored state is refused as bad_state.
TEST(FuzzFound, EndedStateWithABrokenFinalDecisionIsBadState) {
  json good = ended_state();
  ASSERT_EQ(good["status"], "cancelled");
  ASSERT_EQ(call(api::step(good.dump(), kAccounts, 2000))["decision"]["error"]["name"], "cancelled");
  const json broken_finals[] = {
      {{"kind", "error"}, {"screen", 7}, {"error", {{"name", "cancelled"}, {"detail", ""}}}},
      {{"kind", "error"}, {"screen", ""}, {"error", "cancelled"}},
      {{"kind", "error"}, {"screen", ""}, {"error", {{"name", 1}, {"detail", ""}}}},
      {{"kind", "error"}, {"screen", ""}, {"error", {{"name", ""}, {"detail", ""}}}},
      {{"kind", "error"}, {"screen", ""}},
      {{"kind", "done"}, {"screen", ""}},
      {{"kind", "done"}, {"screen", ""}, {"result", "linked"}},
      {{"kind", "click"}, {"screen", ""}},
      {{"kind", nullptr}},
  };
  for (const json& fin : broken_finals) {
    json state = good;
    state["final"] = fin;
    for (const std::string& out : {api::step(state.dump(), kAccounts, 2000), api::cancel(state.dump(), 2000)}) {
      json answer = call(out);
      EXPECT_EQ(answer["decision"]["error"]["name"], "bad_state") << fin.dump();
      EXPECT_TRUE(answer["state"].is_null()) << fin.dump();
    }
  }
}

// state_fuzz: `read` goes out again in readStatus's done result, so a stored state may only
// hold what the flows write there, each with its type.
TEST(FuzzFound, ReadHoldsOnlyWhatFlowsRead) {
  json good = call(api::start_flow("readStatus", "", 1000))["state"];
  good["read"] = {{"linked", true}, {"facebookName", "Jane Doe"}, {"sharing", {{"posts", true}, {"reels", nullptr}}},
                  {"messaging", {{"updated", true}, {"othersOnFacebook", nullptr}}}};
  EXPECT_TRUE(call(api::step(good.dump(), kAccounts, 2000))["state"].is_object());
  const json broken_reads[] = {
      {{"linked", "yes"}}, {{"facebookName", 7}}, {{"sharing", {{"posts", "on"}}}}, {{"sharing", json::array()}},
      {{"messaging", {{"updated", "yes"}}}}, {{"messaging", {{"othersOnFacebook", 3}}}}, {{"messaging", {{"x", 1}}}},
      {{"profileSynced", 1}}, {{"launchCodes", true}},
  };
  for (const json& read : broken_reads) {
    json state = good;
    state["read"] = read;
    EXPECT_EQ(call(api::step(state.dump(), kAccounts, 2000))["decision"]["error"]["name"], "bad_state") << read.dump();
  }
}

}  // namespace
}  // namespace crosslink::testing
