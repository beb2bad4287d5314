// `step` with an arbitrary flow state: the state comes back from chrome.storage.session,
// which anything with the extension's storage could have changed. The input is a state's
// JSON text (seeds: the states of the recorded journeys, scripts/fuzz.mjs); each run steps
// it on three recorded snapshots in turn, then once more with each field of the state
// (and of its objects) swapped for a value of another type. Every answer is a decision
// with a state, or error bad_state with state null; an ended flow stays ended; a state the
// core returns always steps again; every decision passes the invariant oracles (oracles.h).
// Never a crash, a leak or undefined behaviour.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api_flows.h"
#include "fuzz_util.h"
#include "oracles.h"

namespace {

using nlohmann::json;

std::vector<std::string>& snapshots() {
  static std::vector<std::string> all;
  return all;
}

constexpr double kNow = 1717243200000.0;

// One step; checks the answer's shape and returns the next state's text ("" for null).
std::string step_checked(const std::string& state_text, const std::string& snapshot, double now) {
  auto out = fuzz::must_parse_object(crosslink::api::step(state_text, snapshot, now));
  auto decision = fuzz::at(out, "decision");
  auto kind = fuzz::at(decision, "kind");
  auto name = fuzz::at(fuzz::at(decision, "error"), "name");
  auto state = fuzz::at(out, "state");
  if (!kind.is_string()) __builtin_trap();
  if (state.is_null()) {
    if (kind != "error" || name != "bad_state") __builtin_trap();
    return "";
  }
  if (!state.is_object()) __builtin_trap();
  if (kind == "error" && (!name.is_string() || name.get<std::string>().empty())) __builtin_trap();
  // The invariant oracles (oracles.h) hold from any state the core accepted.
  fuzz::check_decision(decision, json::parse(state_text, nullptr, false), snapshot);
  return state.dump();
}

void run(const std::string& state, std::size_t pick) {
  std::string s = state;
  const auto& snaps = snapshots();
  for (int i = 0; i < 3 && !s.empty(); ++i) {
    const std::string& snap = snaps.empty() ? std::string(R"({"url":"https://accountscenter.instagram.com/","elements":[]})")
                                            : snaps[(pick + i * 7919) % snaps.size()];
    std::string next = step_checked(s, snap, kNow + 1000.0 * i);
    if (!next.empty()) {
      auto outcome = fuzz::at(json::parse(next, nullptr, false), "outcome");
      if (!outcome.is_null()) {
        // Ended: stepping again repeats the final decision and keeps the outcome.
        auto again = fuzz::must_parse_object(crosslink::api::step(next, snap, kNow + 5000.0));
        if (fuzz::at(fuzz::at(again, "state"), "outcome") != outcome) __builtin_trap();
      }
      fuzz::must_parse_object(crosslink::api::cancel(next, kNow + 2000.0));
    }
    s = next;
  }
}

// Every field of the state and of its objects (one level down) as another type.
void swap_fields(const json& state, std::size_t pick) {
  static const json kOthers[] = {nullptr, -1, 1e300, "x", json::array(), json::object(), true, 4294967296LL};
  std::size_t n = 0;
  auto try_with = [&](const json& changed) { step_checked(changed.dump(), snapshots().empty() ? "{}" : snapshots()[(pick + n++) % snapshots().size()], kNow); };
  for (auto it = state.begin(); it != state.end(); ++it) {
    json changed = state;
    changed[it.key()] = kOthers[(pick + n) % std::size(kOthers)];
    try_with(changed);
    changed.erase(it.key());
    try_with(changed);
    if (it.value().is_object()) {
      for (auto jt = it.value().begin(); jt != it.value().end(); ++jt) {
        json inner = state;
        inner[it.key()][jt.key()] = kOthers[(pick + n) % std::size(kOthers)];
        try_with(inner);
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
#ifdef CROSSLINK_SNAPSHOTS_DIR
  for (std::string& text : fuzz::read_snapshot_files(CROSSLINK_SNAPSHOTS_DIR)) snapshots().push_back(std::move(text));
#endif
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::size_t pick = std::hash<std::string>{}(text);
  run(text, pick);
  auto state = json::parse(text, nullptr, false);
  if (!state.is_discarded() && state.is_object() && state.size() < 64) swap_fields(state, pick);
  return 0;
}
