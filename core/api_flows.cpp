#include "api_flows.h"

#include <cmath>

#include "flow.h"
#include "json_text.h"
#include "page.h"
#include "reading.h"
#include "screens.h"
#include "text_scan.h"

namespace crosslink::api {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxStateBytes = 1u << 20;


// Small JSON inputs (parameters, a stored state): refused before parsing when hostile.
Expected<json> parse_small(const std::string& text, const char* what) {
  if (text.size() > kMaxStateBytes) return Error{"too_large", std::string(what) + ": " + std::to_string(text.size()) + " bytes"};
  if (auto scan = scan_json_text(text, 16, kMaxStateBytes); !scan.ok()) return scan.error();
  json j = json::parse(std::string_view(text), nullptr, false);
  if (j.is_discarded()) return Error{"bad_json", std::string(what) + " is not valid JSON"};
  return j;
}

bool time_ok(double now_ms) { return std::isfinite(now_ms) && now_ms >= 0 && now_ms <= 9007199254740991.0; }

Expected<FlowState> load_state(const std::string& state_json) {
  auto j = parse_small(state_json, "state");
  if (!j.ok()) return Error{"bad_state", j.error().name + ": " + j.error().detail};
  return state_from_json(j.value());
}

// A step's reply: the decision and the state after it (ok, even when the decision ends the
// flow in an error: that is the flow's outcome). The call refused (no state could be read,
// a bad nowMs): ok false with the decision's error, the decision kept for the driver's record.
std::string answer(const Decision& d, const FlowState* st, bool refused = false) {
  json out{{"decision", to_json(d)}, {"state", st ? state_to_json(*st) : json(nullptr)}};
  if (st && !refused) return ok_reply(std::move(out));
  return failure_reply(d.error, std::move(out));
}

}  // namespace

namespace {

std::string recognize_parsed(Expected<Snapshot> snap) {
  if (!snap.ok()) return failure_reply(snap.error());
  Page page(snap.value());
  Recognition r = crosslink::recognize(page);
  return ok_reply({{"screen", screen_name(r.screen)}, {"evidence", r.evidence}, {"locale", locale_name(r.locale)}});
}

template <class Parse>
std::string step_parsed(const std::string& state_json, double now_ms, Parse parse) {
  auto st = load_state(state_json);
  if (!st.ok()) return answer(Decision::fail("", st.error()), nullptr);
  FlowState& s = st.value();
  if (!time_ok(now_ms)) return answer(Decision::fail("", {"bad_params", "nowMs: expected milliseconds since 1970"}), &s, true);
  Expected<Snapshot> snap = parse();
  if (!snap.ok()) return answer(end_flow(s, "", snap.error()), &s);
  return answer(step_flow(s, snap.value(), static_cast<long long>(now_ms)), &s);
}

}  // namespace

std::string recognize(std::string_view snapshot_json) { return recognize_parsed(parse_snapshot(snapshot_json)); }

std::string recognize_in_place(char* snapshot, std::size_t size) {
  return recognize_parsed(parse_snapshot_in_place(snapshot, size));
}

namespace {

std::string account_parsed(Expected<Snapshot> snap) {
  if (!snap.ok()) return failure_reply(snap.error());
  Page page(snap.value());
  return ok_reply(read_instagram_account(page));
}

std::string composer_parsed(Expected<Snapshot> snap) {
  if (!snap.ok()) return failure_reply(snap.error());
  Page page(snap.value());
  int i = crosslink::composer_switch(page);
  return ok_reply({{"screen", screen_name(crosslink::recognize(page).screen)}, {"switch", i}});
}

}  // namespace

std::string read_instagram_account(std::string_view snapshot_json) { return account_parsed(parse_snapshot(snapshot_json)); }
std::string read_instagram_account_in_place(char* snapshot, std::size_t size) {
  return account_parsed(parse_snapshot_in_place(snapshot, size));
}
std::string composer_switch(std::string_view snapshot_json) { return composer_parsed(parse_snapshot(snapshot_json)); }
std::string composer_switch_in_place(char* snapshot, std::size_t size) {
  return composer_parsed(parse_snapshot_in_place(snapshot, size));
}

std::string start_flow(const std::string& kind, const std::string& params_json, double now_ms) {
  if (!time_ok(now_ms)) return failure_reply({"bad_params", "nowMs: expected milliseconds since 1970"});
  json params = nullptr;
  if (!params_json.empty()) {
    auto p = parse_small(params_json, "parameters");
    if (!p.ok()) return failure_reply({"bad_params", p.error().detail});
    params = std::move(p.value());
  }
  auto st = crosslink::start_flow(kind, params, static_cast<long long>(now_ms));
  if (!st.ok()) return failure_reply(st.error());
  return ok_reply({{"state", state_to_json(st.value())}});
}

std::string step(const std::string& state_json, std::string_view snapshot_json, double now_ms) {
  return step_parsed(state_json, now_ms, [&] { return parse_snapshot(snapshot_json); });
}

std::string step_in_place(const std::string& state_json, char* snapshot, std::size_t size, double now_ms) {
  return step_parsed(state_json, now_ms, [&] { return parse_snapshot_in_place(snapshot, size); });
}

std::string answer(const std::string& state_json, const std::string& choice, double now_ms) {
  auto st = load_state(state_json);
  if (!st.ok()) return failure_reply(st.error());
  if (!time_ok(now_ms)) return failure_reply({"bad_params", "nowMs: expected milliseconds since 1970"});
  auto ok = answer_flow(st.value(), choice, static_cast<long long>(now_ms));
  if (!ok.ok()) return failure_reply(ok.error());
  return ok_reply({{"state", state_to_json(st.value())}});
}

std::string cancel(const std::string& state_json, double now_ms) {
  auto st = load_state(state_json);
  if (!st.ok()) return answer(Decision::fail("", st.error()), nullptr);
  Decision d = cancel_flow(st.value(), time_ok(now_ms) ? static_cast<long long>(now_ms) : 0);
  return answer(d, &st.value());
}

}  // namespace crosslink::api
