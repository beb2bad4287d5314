// The flow state as JSON: what chrome.storage.session keeps between two steps.
#include "flow.h"

namespace crosslink {
namespace {

using nlohmann::json;

constexpr int kStateVersion = 1;

bool takes(FlowKind kind, registry::Param param) { return registry::kFlows[static_cast<int>(kind)].params & param; }

json params_json(const FlowParams& p, FlowKind kind) {
  json j = {{"maxClicks", p.max_clicks}, {"timeBudgetMs", p.time_budget_ms}, {"settleMs", p.settle_ms},
            {"userWaitMs", p.user_wait_ms}};
  if (takes(kind, registry::kSyncProfile)) j["syncProfile"] = p.sync_profile;
  if (takes(kind, registry::kFacebookAccount)) {
    if (!p.facebook_account.empty()) j["facebookAccount"] = p.facebook_account;
  }
  if (takes(kind, registry::kSharing)) {
    json s = json::object();
    for (int k = 0; k < 4; ++k)
      if (p.sharing[k] >= 0) s[kSwitchKeys[k]] = p.sharing[k] == 1;
    j["sharing"] = s;
  }
  return j;
}

bool whole(const json& v, long long lo, long long hi, long long& out) {
  if (v.is_number_integer()) {
    out = v.get<long long>();
  } else if (v.is_number_float()) {
    double d = v.get<double>();
    if (!(d >= -9e15 && d <= 9e15) || d != static_cast<double>(static_cast<long long>(d))) return false;
    out = static_cast<long long>(d);
  } else {
    return false;
  }
  return out >= lo && out <= hi;
}

// Reads the parameters a person or the extension passes (and a stored state's copy).
Expected<FlowParams> read_params(FlowKind kind, const json& j) {
  FlowParams p;
  if (j.is_null() && !takes(kind, registry::kSharing)) return p;
  if (!j.is_object() && !j.is_null()) return Error{"bad_params", "parameters: expected an object"};
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    const json& v = it.value();
    long long n = 0;
    if (key == "maxClicks") {
      if (!whole(v, registry::kMaxClicksMin, registry::kMaxClicksMax, n))
        return Error{"bad_params", "maxClicks: expected a whole number from " + std::to_string(registry::kMaxClicksMin) + " to " +
                                       std::to_string(registry::kMaxClicksMax)};
      p.max_clicks = static_cast<int>(n);
    } else if (key == "timeBudgetMs" || key == "settleMs" || key == "userWaitMs") {
      long long lo = key == "timeBudgetMs" ? registry::kTimeBudgetMsMin : key == "settleMs" ? registry::kSettleMsMin : registry::kUserWaitMsMin;
      long long hi = key == "timeBudgetMs" ? registry::kTimeBudgetMsMax : key == "settleMs" ? registry::kSettleMsMax : registry::kUserWaitMsMax;
      if (!whole(v, lo, hi, n)) return Error{"bad_params", key + ": expected milliseconds from " + std::to_string(lo) + " to " + std::to_string(hi)};
      (key == "timeBudgetMs" ? p.time_budget_ms : key == "settleMs" ? p.settle_ms : p.user_wait_ms) = n;
    } else if (key == "syncProfile" && takes(kind, registry::kSyncProfile)) {
      if (!v.is_boolean()) return Error{"bad_params", "syncProfile: expected true or false"};
      p.sync_profile = v.get<bool>();
    } else if (key == "facebookAccount" && takes(kind, registry::kFacebookAccount)) {
      if (!v.is_string() && !v.is_null()) return Error{"bad_params", "facebookAccount: expected a name"};
      if (v.is_string()) p.facebook_account = v.get<std::string>();
      if (p.facebook_account.size() > 200) return Error{"bad_params", "facebookAccount: longer than 200 bytes"};
    } else if (key == "sharing" && takes(kind, registry::kSharing)) {
      if (!v.is_object()) return Error{"bad_params", "sharing: expected {posts, reels, stories, facebookStories}"};
      for (auto s = v.begin(); s != v.end(); ++s) {
        int k = 0;
        while (k < 4 && s.key() != kSwitchKeys[k]) ++k;
        if (k == 4) return Error{"bad_params", "sharing." + s.key() + ": unknown switch"};
        if (s.value().is_null()) continue;
        if (!s.value().is_boolean()) return Error{"bad_params", "sharing." + s.key() + ": expected true or false"};
        p.sharing[k] = s.value().get<bool>() ? 1 : 0;
      }
    } else {
      return Error{"bad_params", key + ": not a parameter of " + flow_name(kind)};
    }
  }
  if (takes(kind, registry::kSharing) && p.sharing[0] < 0 && p.sharing[1] < 0 && p.sharing[2] < 0 && p.sharing[3] < 0)
    return Error{"bad_params", "sharing: say which switches to set"};
  return p;
}

Error bad(const std::string& what) { return {"bad_state", what}; }

bool read_time(const json& j, const char* key, long long& out) {
  auto it = j.find(key);
  return it != j.end() && whole(*it, 0, 9007199254740991LL, out);
}

// A list of names, each read into its enum by from_name (false for an unknown one).
template <class T>
bool read_names(const json& j, const char* key, bool (*from_name)(std::string_view, T&), std::vector<T>& out) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_array() || it->size() > 256) return false;
  for (const json& v : *it) {
    T value;
    if (!v.is_string() || !from_name(v.get_ref<const std::string&>(), value)) return false;
    out.push_back(value);
  }
  return true;
}

constexpr const char* kStatusNames[] = {"running", "needs_user", "done", "error", "cancelled"};
constexpr const char* kPendingNames[] = {"", "click", "toggle", "navigate"};

template <class T>
json names_json(const std::vector<T>& values, const char* (*name)(T)) {
  json out = json::array();
  for (T v : values) out.push_back(name(v));
  return out;
}

}  // namespace

const char* flow_name(FlowKind kind) { return registry::kFlows[static_cast<int>(kind)].name; }

bool flow_from_name(std::string_view name, FlowKind& out) {
  return registry::from_name(name, registry::kFlowCount, [](int k) { return registry::kFlows[k].name; }, out);
}

bool is_terminal(const FlowState& s) {
  return s.status == FlowStatus::Done || s.status == FlowStatus::Error || s.status == FlowStatus::Cancelled;
}

const char* status_name(FlowStatus status) { return kStatusNames[static_cast<int>(status)]; }

const char* step_name(Step step) { return registry::kStepNames[static_cast<int>(step)]; }

bool step_from_name(std::string_view name, Step& out) {
  return registry::from_name(name, registry::kStepCount, [](int k) { return registry::kStepNames[k]; }, out);
}

Expected<FlowState> start_flow(std::string_view kind, const json& params, long long now_ms) {
  FlowState s;
  if (!flow_from_name(kind, s.kind)) {
    std::string known;
    for (int k = 0; k < registry::kFlowCount; ++k) known += std::string(k ? ", " : "") + registry::kFlows[k].name;
    return Error{"bad_flow", "unknown flow \"" + std::string(kind.substr(0, 40)) + "\" (" + known + ")"};
  }
  if (now_ms < 0) return Error{"bad_params", "nowMs: expected milliseconds since 1970"};
  auto p = read_params(s.kind, params);
  if (!p.ok()) return p.error();
  s.params = p.value();
  s.started_at = s.last_step_at = now_ms;
  return s;
}

json state_to_json(const FlowState& s) {
  json pending = nullptr;
  if (s.pending.kind != PendingKind::None)
    pending = {{"kind", kPendingNames[static_cast<int>(s.pending.kind)]}, {"screen", screen_name(s.pending.screen)}, {"url", s.pending.url}, {"locator", s.pending.locator},
               {"target", s.pending.target}, {"checked", s.pending.checked}, {"size", s.pending.size}, {"at", s.pending.at}};
  if (!s.pending.name.empty()) pending["name"] = s.pending.name;
  if (s.pending.disabled) pending["disabled"] = 1;
  if (s.pending.strict) pending["strict"] = true;
  if (s.pending.alerts) pending["alerts"] = s.pending.alerts;
  json visits = json::object();
  for (const auto& [screen, n] : s.visits) visits[screen_name(screen)] = n;
  json j = {{"v", kStateVersion}, {"flow", flow_name(s.kind)}, {"params", params_json(s.params, s.kind)},
            {"status", status_name(s.status)}, {"clicks", s.clicks}, {"startedAt", s.started_at}, {"lastStepAt", s.last_step_at},
            {"activeMs", s.active_ms}, {"pending", pending}, {"seen", names_json(s.seen, screen_name)}, {"visits", visits},
            {"goals", s.goals}, {"steps", names_json(s.steps, step_name)}, {"asked", s.asked}, {"askedAt", s.asked_at},
            {"waitingSince", s.waiting_since}, {"read", s.read}};
  if (!s.choices.empty()) j["choices"] = s.choices;
  if (!s.retaken.empty()) j["retaken"] = names_json(s.retaken, step_name);
  if (s.milestone_click) j["milestoneClick"] = s.milestone_click;
  if (s.consented) j["consented"] = true;
  if (is_terminal(s)) {
    j["final"] = s.final_decision;
    j["outcome"] = s.final_decision.value("kind", "") == "done" ? "done" : s.final_decision["error"].value("name", "");
    // Done, and what it found is that Meta no longer offers it (messaging, issue 15): named so the log says so.
    const nlohmann::json* r = s.final_decision.is_object() && s.final_decision.contains("result") ? &s.final_decision["result"] : nullptr;
    const nlohmann::json* m = r && r->is_object() && r->contains("messaging") ? &(*r)["messaging"] : nullptr;
    if (j["outcome"] == "done" && m && m->is_object() && m->contains("offered") && (*m)["offered"] == false) j["outcome"] = "not_offered";
  }
  return j;
}

namespace {

// What the flows write into `read` (ReadStatus's results, link's profileSynced), each
// field with its type: the values go out again in a done decision, so a stored state
// that was tampered with must not put anything else there.
bool read_is_sound(const json& r) {
  if (!r.is_object()) return false;
  for (auto it = r.begin(); it != r.end(); ++it) {
    const std::string& k = it.key();
    const json& v = it.value();
    if (k == "linked" || k == "profileSynced") {
      if (!v.is_boolean() && !v.is_null()) return false;
    } else if (k == "facebookName") {
      if (!v.is_string() && !v.is_null()) return false;
    } else if (k == "sharing") {
      if (!v.is_null() && !v.is_object()) return false;
      if (v.is_object())
        for (const auto& sw : v)
          if (!sw.is_boolean() && !sw.is_null()) return false;
    } else if (k == "messaging") {
      if (v.is_null()) continue;
      if (!v.is_object()) return false;
      for (auto m = v.begin(); m != v.end(); ++m) {
        if (m.key() == "updated" ? !m.value().is_boolean()
            : m.key() == "othersOnFacebook" ? !m.value().is_string() && !m.value().is_null() : true)
          return false;
      }
    } else {
      return false;
    }
  }
  return true;
}

// The last decision of an ended flow, as step repeats it: kind done with a result object,
// or kind error with a named error; screen is text when present.
bool final_is_sound(const json& f) {
  if (!f.is_object()) return false;
  auto kind = f.find("kind");
  if (kind == f.end() || !kind->is_string()) return false;
  auto screen = f.find("screen");
  if (screen != f.end() && !screen->is_string()) return false;
  if (*kind == "done") {
    auto result = f.find("result");
    return result != f.end() && result->is_object();
  }
  if (*kind != "error") return false;
  auto error = f.find("error");
  if (error == f.end() || !error->is_object()) return false;
  auto name = error->find("name");
  auto detail = error->find("detail");
  return name != error->end() && name->is_string() && !name->get_ref<const std::string&>().empty() &&
         detail != error->end() && detail->is_string();
}

}  // namespace

Expected<FlowState> state_from_json(const json& j) {
  if (!j.is_object()) return bad("expected an object");
  FlowState s;
  auto v = j.find("v");
  if (v == j.end() || !v->is_number_integer() || v->get<long long>() != kStateVersion) return bad("v: expected 1");
  auto flow = j.find("flow");
  if (flow == j.end() || !flow->is_string() || !flow_from_name(flow->get<std::string>(), s.kind)) return bad("flow: unknown");
  auto params = j.find("params");
  if (params == j.end()) return bad("params: missing");
  auto p = read_params(s.kind, *params);
  if (!p.ok()) return bad("params: " + p.error().detail);
  s.params = p.value();
  auto status = j.find("status");
  if (status == j.end() || !status->is_string()) return bad("status: missing");
  {
    int k = 0;
    while (k < 5 && *status != kStatusNames[k]) ++k;
    if (k == 5) return bad("status: unknown");
    s.status = static_cast<FlowStatus>(k);
  }
  long long n = 0;
  if (!read_time(j, "clicks", n) || n > 100) return bad("clicks: expected a count");
  s.clicks = static_cast<int>(n);
  if (!read_time(j, "goals", n) || n > 100) return bad("goals: expected a count");
  s.goals = static_cast<int>(n);
  if (!read_time(j, "startedAt", s.started_at) || !read_time(j, "lastStepAt", s.last_step_at) ||
      !read_time(j, "activeMs", s.active_ms) || !read_time(j, "askedAt", s.asked_at) ||
      !read_time(j, "waitingSince", s.waiting_since))
    return bad("times: expected milliseconds");
  if (!read_names(j, "seen", screen_from_name, s.seen) || !read_names(j, "steps", step_from_name, s.steps))
    return bad("seen, steps: expected lists of names");
  if (j.contains("retaken") && !read_names(j, "retaken", step_from_name, s.retaken))
    return bad("retaken: expected a list of names");
  if (j.contains("milestoneClick")) {
    if (!read_time(j, "milestoneClick", n) || n > s.clicks) return bad("milestoneClick: expected a click count");
    s.milestone_click = static_cast<int>(n);
  }
  auto asked = j.find("asked");
  if (asked == j.end() || !asked->is_string()) return bad("asked: expected a reason or \"\"");
  s.asked = asked->get<std::string>();
  auto visits = j.find("visits");
  if (visits == j.end() || !visits->is_object() || visits->size() > 64) return bad("visits: expected an object");
  for (auto it = visits->begin(); it != visits->end(); ++it) {
    Screen screen;
    if (!whole(it.value(), 0, 100, n) || !screen_from_name(it.key(), screen)) return bad("visits: expected counts");
    s.visits.emplace_back(screen, static_cast<int>(n));
  }
  auto pending = j.find("pending");
  if (pending == j.end()) return bad("pending: missing");
  if (!pending->is_null()) {
    const json& pj = *pending;
    if (!pj.is_object()) return bad("pending: expected an object or null");
    for (const char* key : {"kind", "screen", "url", "locator"})
      if (!pj.contains(key) || !pj[key].is_string()) return bad(std::string("pending.") + key + ": expected text");
    int k = 1;
    while (k < 4 && pj["kind"] != kPendingNames[k]) ++k;
    if (k == 4) return bad("pending.kind: unknown");
    s.pending.kind = static_cast<PendingKind>(k);
    if (!screen_from_name(pj["screen"].get_ref<const std::string&>(), s.pending.screen)) return bad("pending.screen: unknown");
    s.pending.url = pj["url"].get<std::string>();
    s.pending.locator = pj["locator"].get<std::string>();
    if (!pj.contains("target") || !whole(pj["target"], -1, 100000, n)) return bad("pending.target: expected an index");
    s.pending.target = static_cast<int>(n);
    if (!pj.contains("checked") || !whole(pj["checked"], -1, 1, n)) return bad("pending.checked: expected -1, 0 or 1");
    s.pending.checked = static_cast<int>(n);
    if (!pj.contains("size") || !whole(pj["size"], 0, 100000, n)) return bad("pending.size: expected a count");
    s.pending.size = static_cast<int>(n);
    if (!read_time(pj, "at", s.pending.at)) return bad("pending.at: expected milliseconds");
    // Added with issue 17 (a state stored before has none: the target's name is then unknown).
    if (pj.contains("name")) {
      if (!pj["name"].is_string() || pj["name"].get_ref<const std::string&>().size() > 1000) return bad("pending.name: expected text");
      s.pending.name = pj["name"].get<std::string>();
    }
    if (pj.contains("disabled")) {
      if (!whole(pj["disabled"], 0, 1, n)) return bad("pending.disabled: expected 0 or 1");
      s.pending.disabled = static_cast<int>(n);
    }
    if (pj.contains("strict")) {
      if (!pj["strict"].is_boolean()) return bad("pending.strict: expected true or false");
      s.pending.strict = pj["strict"].get<bool>();
    }
    if (pj.contains("alerts")) {
      if (!whole(pj["alerts"], 0, 100000, n)) return bad("pending.alerts: expected a count");
      s.pending.alerts = static_cast<int>(n);
    }
  }
  if (auto choices = j.find("choices"); choices != j.end()) {
    if (!choices->is_array() || choices->size() > 10) return bad("choices: expected a list of names");
    for (const json& c : *choices) {
      if (!c.is_string() || c.get_ref<const std::string&>().size() > 200) return bad("choices: expected a list of names");
      s.choices.push_back(c.get<std::string>());
    }
  }
  if (auto consented = j.find("consented"); consented != j.end()) {
    if (!consented->is_boolean()) return bad("consented: expected true or false");
    s.consented = consented->get<bool>();
  }
  auto read = j.find("read");
  if (read == j.end() || !read_is_sound(*read)) return bad("read: expected what a flow reads");
  s.read = *read;
  if (is_terminal(s)) {
    auto fin = j.find("final");
    if (fin == j.end() || !final_is_sound(*fin)) return bad("final: expected the last decision");
    s.final_decision = *fin;
  }
  return s;
}

}  // namespace crosslink
