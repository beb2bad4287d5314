#include "decision.h"

namespace crosslink {

namespace {
Decision ended(DecisionKind kind, std::string screen) {
  Decision d;
  d.kind = kind;
  d.screen = std::move(screen);
  return d;
}
}  // namespace

Decision Decision::done(std::string screen, nlohmann::json result) {
  Decision d = ended(DecisionKind::Done, std::move(screen));
  d.result = std::move(result);
  return d;
}

Decision Decision::fail(std::string screen, crosslink::Error error) {
  Decision d = ended(DecisionKind::Error, std::move(screen));
  d.error = std::move(error);
  return d;
}

const char* kind_name(DecisionKind kind) {
  switch (kind) {
    case DecisionKind::Click: return "click";
    case DecisionKind::Toggle: return "toggle";
    case DecisionKind::Navigate: return "navigate";
    case DecisionKind::Wait: return "wait";
    case DecisionKind::AskUser: return "ask_user";
    case DecisionKind::Done: return "done";
    case DecisionKind::Error: return "error";
  }
  return "error";
}

nlohmann::json to_json(const Decision& d) {
  nlohmann::json j = {{"kind", kind_name(d.kind)}, {"screen", d.screen}};
  switch (d.kind) {
    case DecisionKind::Click:
    case DecisionKind::Toggle:
      j["target"] = d.target;
      if (!d.locator.empty()) {
        j["locator"] = d.locator;
        j["role"] = d.target_role;
        j["name"] = d.target_name;
        if (d.target_checked >= 0) j["checked"] = d.target_checked == 1;
      }
      if (!d.taught.empty()) j["taught"] = d.taught;
      break;
    case DecisionKind::Navigate: j["url"] = d.url; break;
    case DecisionKind::Wait: j["ms"] = d.wait_ms; break;
    case DecisionKind::AskUser:
      j["reason"] = d.reason;
      if (!d.guide.is_null()) j["guide"] = d.guide;
      if (!d.choices.empty()) j["choices"] = d.choices;
      break;
    case DecisionKind::Done: j["result"] = d.result; break;
    case DecisionKind::Error: j["error"] = {{"name", d.error.name}, {"detail", d.error.detail}}; break;
  }
  return j;
}

}  // namespace crosslink
