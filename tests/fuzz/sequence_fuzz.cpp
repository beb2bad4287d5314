// Multi-step sequences through every flow (issue 17, finding 8): the input picks a flow and
// its parameters, then up to 16 steps, each a recorded snapshot (tests/fixtures/snapshots)
// or the page before again, changed the way hostile or busy pages change — a toast
// appearing, a link's href swapped for an off-host or javascript: one, a control made
// busy, switches flipped, a button turned into a text field — with the clock moved on
// by a little or a lot, and the person answering a consent ask now and then. Every
// decision goes through the invariant oracles (oracles.h): navigations only to the
// allowlist, no milestone twice, no field targeted, no off-host link followed, no
// consent the person did not give.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api_flows.h"
#include "fuzz_util.h"
#include "oracles.h"

namespace {

using nlohmann::json;

std::vector<json>& snapshots() {
  static std::vector<json> all;
  return all;
}

const char* const kHostile[] = {
    "https://faceb00k-login.example/login/", "javascript:alert(1)", "//evil.example/login/", "/\\evil.example/login/",
    "https://www.facebook.com@evil.example/login/", "https://www.facebook.com.evil.example/login/", "java\tscript:x",
    "https://www.facebook.com/login/?src=fxcal", "/profiles/1/", "http://www.facebook.com/login/", "data:text/html,x", "#",
    "https://accountscenter.instagram.com/connected_experiences/cross_posting/", "https:evil.example/x",
};
constexpr std::size_t kHostileCount = sizeof(kHostile) / sizeof(kHostile[0]);

struct Start {
  const char* flow;
  const char* params;
};
const Start kStarts[] = {
    {"link", ""}, {"link", R"({"facebookAccount": "Jane Doe"})"}, {"link", R"({"syncProfile": true, "settleMs": 2000})"},
    {"unlink", ""}, {"unlink", R"({"facebookAccount": "Jane Doe"})"}, {"unlink", R"({"facebookAccount": "Maria Souza", "settleMs": 2000})"},
    {"setSharing", R"({"sharing": {"posts": true, "stories": false}})"}, {"setSharing", R"({"sharing": {"reels": false}, "settleMs": 2000})"},
    {"linkMessaging", ""}, {"unlinkMessaging", ""}, {"readStatus", ""},
};
constexpr std::size_t kStartCount = sizeof(kStarts) / sizeof(kStarts[0]);

json change(json snap, std::uint8_t how, std::uint8_t arg) {
  json& els = snap["elements"];
  if (!els.is_array()) return snap;
  auto nth_with = [&](const char* role) -> json* {
    std::vector<json*> hits;
    for (auto& e : els)
      if (e.is_object() && e.value("role", "") == role) hits.push_back(&e);
    return hits.empty() ? nullptr : hits[arg % hits.size()];
  };
  switch (how % 7) {
    case 1:  // a toast or spinner appears: no control's effect
      els.push_back({{"i", els.size()}, {"role", arg & 1 ? "status" : "alert"}, {"name", ""}, {"text", "Loading…"}});
      break;
    case 2:  // a link (or a button given one) leads elsewhere
      if (json* e = nth_with(arg & 1 ? "link" : "button")) (*e)["href"] = kHostile[arg % kHostileCount];
      break;
    case 3:  // busy
      if (json* e = nth_with("button")) (*e)["disabled"] = !(*e).value("disabled", false);
      break;
    case 4:  // switches flipped (the page changed them, or another tab did)
      for (auto& e : els)
        if (e.is_object() && e.contains("checked") && e["checked"].is_boolean()) e["checked"] = !e["checked"].get<bool>();
      break;
    case 5:  // a control turned into a field
      if (json* e = nth_with("button")) (*e)["role"] = arg & 1 ? "textbox" : "combobox";
      break;
    case 6:  // an element removed
      if (!els.empty()) {
        els.erase(els.begin() + static_cast<std::ptrdiff_t>(arg % els.size()));
        for (std::size_t k = 0; k < els.size(); ++k) els[k]["i"] = k;
      }
      break;
    default: break;
  }
  return snap;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
#ifdef CROSSLINK_SNAPSHOTS_DIR
  for (const std::string& text : fuzz::read_snapshot_files(CROSSLINK_SNAPSHOTS_DIR)) {
    json j = json::parse(text, nullptr, false);
    if (j.is_object()) snapshots().push_back(std::move(j));
  }
#endif
  if (snapshots().empty()) snapshots().push_back(json{{"url", "https://accountscenter.instagram.com/accounts/"}, {"elements", json::array()}});
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const Start& start = kStarts[data[0] % kStartCount];
  double now = 1717243200000.0;
  json started = fuzz::must_parse_object(crosslink::api::start_flow(start.flow, start.params, now));
  if (!started.contains("state")) __builtin_trap();
  std::string state = started["state"].dump();
  json page = snapshots()[0];
  fuzz::MilestoneCount counts;
  const auto& snaps = snapshots();
  for (std::size_t at = 1, steps = 0; at + 4 <= size && steps < 16; at += 4, ++steps) {
    std::uint8_t pick_hi = data[at], pick_lo = data[at + 1], how = data[at + 2], time = data[at + 3];
    // The page: the one before again (high bit), else a recorded one; then changed.
    if (!(how & 0x80)) page = snaps[((pick_hi << 8) | pick_lo) % snaps.size()];
    page = change(page, how & 0x7f, pick_lo);
    now += (time & 0x80) ? 20000.0 : 50.0 + 100.0 * (time & 0x0f);
    std::string snapshot = page.dump();
    json prev = json::parse(state);
    json out = fuzz::must_parse_object(crosslink::api::step(state, snapshot, now));
    json decision = fuzz::at(out, "decision");
    json next = fuzz::at(out, "state");
    if (!next.is_object()) __builtin_trap();  // the core's own state always steps again
    fuzz::check_decision(decision, prev, snapshot, &counts);
    state = next.dump();
    if (fuzz::at(decision, "kind") == "ask_user" && (time & 0x40)) {
      // The person answers: the first choice offered ("" when none); a wrong one now and then.
      json choices = fuzz::at(decision, "choices");
      std::string choice = choices.is_array() && !choices.empty() && choices[0].is_string() ? choices[0].get<std::string>() : "";
      if (time & 0x20) choice = "Somebody Else";
      json answered = fuzz::must_parse_object(crosslink::api::answer(state, choice, now));
      if (answered.contains("state")) {
        if (!answered["state"].is_object()) __builtin_trap();
        state = answered["state"].dump();
      } else if (!fuzz::at(fuzz::at(answered, "error"), "name").is_string()) {
        __builtin_trap();
      }
    }
    if (!fuzz::at(next, "outcome").is_null()) break;  // ended
  }
  return 0;
}
