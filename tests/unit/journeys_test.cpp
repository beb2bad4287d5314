// Every recorded journey (tests/fixtures/journeys/*.json, made by tests/fixtures/record.mjs
// from the stage) replayed through the flow it stands for, in every locale × layout: fed
// the walk's snapshots in order, the flow must decide what the walk did on each (the same
// element, or navigating where the walk's link leads), must wait rather than act again
// when the same page is shown twice (a restarted worker), and must end as the stage's
// state says. tests/wasm/journeys.test.mjs runs the same through the Wasm build.
#include <gtest/gtest.h>

#include <algorithm>

#include "api_flows.h"
#include "parity.h"

namespace crosslink::testing {
namespace {

using nlohmann::json;

struct Journey {
  std::string id;
  json doc;
};
void PrintTo(const Journey& j, std::ostream* os) { *os << j.id; }

std::vector<Journey> load_journeys() {
  std::string dir = std::string(CROSSLINK_FIXTURES_DIR) + "/journeys";
  std::vector<std::string> files = json_files_in(dir);
  std::vector<Journey> out;
  for (const std::string& f : files) {
    std::string id = f.substr(0, f.size() - 5);
    for (char& c : id)
      if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    out.push_back({id, json::parse(read_file(dir + "/" + f), nullptr, false)});
  }
  return out;
}

// Where a link leads, as the flows navigate: scheme, host and path of the page.
std::string link_target(const std::string& page_url, const std::string& href) {
  std::string h = href.substr(0, href.find_first_of("?#"));
  if (h.rfind("https://", 0) == 0) return h;
  std::size_t host_end = page_url.find('/', 8);
  return page_url.substr(0, host_end) + h;
}

class Journeys : public ::testing::TestWithParam<Journey> {};

TEST_P(Journeys, FlowDecidesWhatTheWalkDidAndEndsAsTheStageSays) {
  const json& doc = GetParam().doc;
  ASSERT_FALSE(doc.is_discarded());
  double now = 1767225600000.0;
  json started = json::parse(api::start_flow(doc["flow"], doc["params"].dump(), now));
  ASSERT_TRUE(started.contains("state")) << started.dump();
  std::string state = started["state"].dump();
  const json& steps = doc["steps"];
  for (std::size_t k = 0; k < steps.size(); ++k) {
    const json& step = steps[k];
    std::string snapshot = text_arg(json{{"$fixture", step["fixture"]}});
    ASSERT_FALSE(snapshot.empty()) << step["fixture"];
    now += 700;
    json out = json::parse(api::step(state, snapshot, now));
    // The person's one click on a consent ask (issue 17): the walk clicked for them, so they
    // confirm the name offered (the first choice; "" when the page does not say it).
    const json reason = out["decision"].value("reason", "");
    if (reason == "confirm_account" || reason == "confirm_unlink" || reason == "choose_unlink") {
      json choices = out["decision"].value("choices", json::array());
      json answered = json::parse(api::answer(out["state"].dump(), choices.empty() ? "" : choices[0].get<std::string>(), now));
      ASSERT_TRUE(answered.contains("state")) << answered.dump();
      now += 700;
      out = json::parse(api::step(answered["state"].dump(), snapshot, now));
    }
    const json& d = out["decision"];
    SCOPED_TRACE("step " + std::to_string(k) + " on " + step["fixture"].get<std::string>() + ": " + d.dump());
    if (!step["screen"].is_null()) EXPECT_EQ(d["screen"], step["screen"]);
    const json& action = step["action"];
    if (!action.is_null()) {
      if (action["kind"] == "navigate") {
        EXPECT_EQ(d["kind"], "navigate");
        EXPECT_EQ(d["url"], action["url"]);
      } else if (d["kind"] == "navigate") {
        ASSERT_TRUE(action.contains("href")) << "the flow navigated where the walk clicked " << action.dump();
        std::string url = json::parse(snapshot)["url"];
        EXPECT_EQ(d["url"], link_target(url, action["href"]));
      } else {
        EXPECT_TRUE(d["kind"] == "click" || d["kind"] == "toggle");
        EXPECT_EQ(d["target"], action["target"]);
        EXPECT_EQ(d["name"], action["name"]);
      }
      // The same page again (a restarted worker looking before the action showed): wait.
      if (d["kind"] != "done" && d["kind"] != "error") {
        json again = json::parse(api::step(out["state"].dump(), snapshot, now + 100));
        EXPECT_EQ(again["decision"]["kind"], "wait") << again["decision"].dump();
      }
    } else if (k + 1 == steps.size()) {
      const json& expect = doc["expect"];
      EXPECT_EQ(d["kind"], expect["kind"]);
      if (expect["kind"] == "done") EXPECT_EQ(d["result"], expect["result"]);
      if (expect["kind"] == "ask_user") EXPECT_EQ(d["reason"], expect["reason"]);
      if (expect["kind"] == "error") EXPECT_EQ(d["error"]["name"], expect["error"]);
      if (expect.contains("clicks")) EXPECT_EQ(out["state"]["clicks"], expect["clicks"]);
    }
    ASSERT_TRUE(out["state"].is_object());
    state = out["state"].dump();
  }
}

INSTANTIATE_TEST_SUITE_P(Recorded, Journeys, ::testing::ValuesIn(load_journeys()),
                         [](const ::testing::TestParamInfo<Journey>& info) { return info.param.id; });

}  // namespace
}  // namespace crosslink::testing
