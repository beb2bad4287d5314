// The flows: Link, Unlink, SetSharing, LinkMessaging, UnlinkMessaging, ReadStatus.
// Each is a state machine stepped with a fresh snapshot: step(state, snapshot, now) →
// one decision. The state is plain data that serializes to JSON and resumes exactly,
// so the extension's service worker may be killed between any two steps; it is built
// so that no action is ever done twice (docs/PROTOCOL.md, "Flows").
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "decision.h"
#include "error.h"
#include "pack.h"
#include "reading.h"
#include "screens.h"
#include "snapshot.h"

namespace crosslink {

// FlowKind is generated from core/data/registry.json (pack_data.h).
const char* flow_name(FlowKind kind);  // "link", "unlink", "setSharing", ...
bool flow_from_name(std::string_view name, FlowKind& out);

struct FlowParams {
  bool sync_profile = false;         // Link: "Continue" on the profile sync (default "Not now")
  std::string facebook_account;      // Link: the Facebook account to link; Unlink: the one to remove ("" = the person is asked)
  int8_t sharing[4] = {-1, -1, -1, -1};  // SetSharing: 1 on, 0 off, -1 leave as it is
  int max_clicks = static_cast<int>(registry::kMaxClicksDefault);
  long long time_budget_ms = registry::kTimeBudgetMsDefault;  // time spent deciding and waiting for pages (not for the person)
  long long settle_ms = registry::kSettleMsDefault;            // how long an action may take to show on the page
  long long user_wait_ms = registry::kUserWaitMsDefault;       // how long to wait for the person (log in, choose, press Continue)
};

enum class FlowStatus : uint8_t { Running, NeedsUser, Done, Error, Cancelled };
const char* status_name(FlowStatus status);  // running | needs_user | done | error | cancelled
// Step (generated from the registry: the engine's steps and every flow's milestones).
const char* step_name(Step step);  // "add_facebook", "toggle:posts", ...
bool step_from_name(std::string_view name, Step& out);

// An action decided and not yet seen to take effect.
enum class PendingKind : uint8_t { None, Click, Toggle, Navigate };
struct Pending {
  PendingKind kind = PendingKind::None;
  Screen screen = Screen::unknown;
  std::string url, locator;
  int target = -1;
  int checked = -1;  // a checkable target's state before
  int size = 0;      // how many elements the page had
  long long at = 0;
  std::string name;   // the target's accessible name when decided
  int disabled = 0;   // the target's disabled state when decided
  bool strict = false;  // a milestone: only its own target changing (or going) shows it took effect
  int alerts = 0;       // alerts in the target's own dialog when decided (a refusal there shows too)
};

struct FlowState {
  FlowKind kind = FlowKind::ReadStatus;
  FlowParams params;
  FlowStatus status = FlowStatus::Running;
  int clicks = 0;
  long long started_at = 0, last_step_at = 0, active_ms = 0;
  Pending pending;
  std::vector<Screen> seen;                       // screens reached, first arrival order
  std::vector<std::pair<Screen, int>> visits;     // actions per screen since the last progress
  int goals = 0;                                  // best count of goals met on one screen
  std::vector<Step> steps;                        // milestones taken: add_facebook, toggle:posts, ...
  std::vector<Step> retaken;                      // milestones Meta interrupted with a person's decision, offered again once
  int milestone_click = 0;                        // the click (count) that took the last milestone, 0 once a person's screen came
  std::string asked;                              // ask_user reason being waited on
  std::vector<std::string> choices;               // the names that ask offers the person (answer_flow takes one)
  bool consented = false;                         // the person confirmed Facebook's offered account (no name readable)
  long long asked_at = 0;
  long long waiting_since = 0;                    // an unknown or unreadable page since
  nlohmann::json read = nlohmann::json::object(); // results read so far (ReadStatus)
  nlohmann::json final_decision;                  // the decision that ended the flow
};

// bad_flow for an unknown kind, bad_params for wrong parameters (unknown key, wrong type,
// SetSharing without a switch, a budget out of range).
Expected<FlowState> start_flow(std::string_view kind, const nlohmann::json& params, long long now_ms);
Decision step_flow(FlowState& state, const Snapshot& snapshot, long long now_ms);
// A flow that failed before a snapshot could be read (bad input): ends it with this error.
Decision end_flow(FlowState& state, const std::string& screen, Error error);
Decision cancel_flow(FlowState& state, long long now_ms);
// The person's answer to an ask that offers choices (confirm_account, confirm_unlink,
// choose_unlink): one of state.choices ("" for confirm_account without a readable name).
// bad_answer when the flow does not wait for that answer; the flow then goes on.
Expected<bool> answer_flow(FlowState& state, const std::string& choice, long long now_ms);

nlohmann::json state_to_json(const FlowState& state);
Expected<FlowState> state_from_json(const nlohmann::json& json);  // bad_state when it is not one

bool is_terminal(const FlowState& state);

}  // namespace crosslink
