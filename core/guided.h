// Guided steps and taught wordings (issue 16). When the engine would stop because the
// element a step needs is not on a screen it recognises (not_found) or the screen is not
// recognised at all (unknown_screen) or shows two screens at once (ambiguous_screen), the flow pauses instead: the decision asks the person
// ("guided") to do that one step by hand, with the step in words and the most likely
// candidates to outline; no click is made on a guess. The element the person clicked may
// be kept as a taught wording (its role and accessible name, never typed text), which
// find() tries before the shipped wordings (core/locator.cpp). Nothing is downloaded or
// sent: the extension hands the table in (set_taught) before each step.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "decision.h"
#include "error.h"
#include "flow.h"
#include "pack.h"
#include "page.h"

namespace crosslink::guided {

struct Wording {
  std::string id;       // the extension's id for it (shown in the options page, dropped by)
  std::string locator;  // a locator id of core/data/locators.json
  std::string locale;   // "en".."fr", "" for any
  std::string role;     // the snapshot role ("button", "switch", ...); never a text field
  std::string name;     // the accessible name as the person saw it
  std::string folded;   // fold(name)
};

inline constexpr std::size_t kMaxTaught = 200;
inline constexpr std::size_t kMaxName = 200;

// Reads a list of {id, locator, locale, role, name, ...} (other keys kept by the caller,
// ignored here); refuses the whole list with the first problem (bad_taught).
Expected<std::vector<Wording>> parse_taught(const nlohmann::json& list);
void set_taught(std::vector<Wording> table);
const std::vector<Wording>& taught();

// The taught wording for this locator on this page, if one matches: its elements (document
// order) and which wording (index into taught()). Called first by find().
bool find_taught(const Page& page, pack::Loc locator, std::vector<int>& elements, int& which);

// The engine's two hooks (core/flow_engine.cpp). divert: the error is one a person can get
// past (not_found, unknown_screen, ambiguous_screen): the flow waits for them (status needs_user, reason
// "guided") and `out` says what to do. note: a click found by a taught wording says so.
bool divert(FlowState& st, const Page& page, Screen screen, const Error& error, long long now, Decision& out);
void note(Decision& d, const Page& page, pack::Loc locator);

// What the guided decision carries (also for tests): the step, its wording in the page's
// language, up to 3 candidates [{i, role, name}] by role and name similarity.
nlohmann::json guide_for(const FlowState& st, const Page& page, Screen screen, const Error& error);

}  // namespace crosslink::guided
