// A flow driven the way the service worker drives it: text in, text out, the state kept
// between steps; the clock advances by `dt` a step unless told otherwise.
#pragma once
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "api_flows.h"

namespace crosslink::testing {

struct FlowRun {
  std::string state;
  double now;
  double dt;
  nlohmann::json last;
  explicit FlowRun(const char* kind, const char* params = "", double start = 1000, double step_dt = 500) : now(start), dt(step_dt) {
    nlohmann::json s = nlohmann::json::parse(api::start_flow(kind, params, now));
    EXPECT_TRUE(s.contains("state")) << s.dump();
    state = s.contains("state") ? s["state"].dump() : "{}";
  }
  nlohmann::json step(const std::string& snapshot) { return step(snapshot, dt); }
  nlohmann::json step(const std::string& snapshot, double advance) {  // advance may be negative: a clock going back
    now += advance;
    last = nlohmann::json::parse(api::step(state, snapshot, now));
    if (last["state"].is_object()) state = last["state"].dump();
    return last["decision"];
  }
  nlohmann::json st() const { return nlohmann::json::parse(state); }
  int clicks() const { return st()["clicks"]; }
  // The person's one click on an ask with choices (the popup's or the panel's button).
  nlohmann::json answer(const std::string& choice) { return answer(choice, dt); }
  nlohmann::json answer(const std::string& choice, double advance) {
    now += advance;
    nlohmann::json out = nlohmann::json::parse(api::answer(state, choice, now));
    if (out.contains("state")) state = out["state"].dump();
    return out;
  }
};

}  // namespace crosslink::testing
