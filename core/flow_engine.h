// What every flow is written with (core/flows/<name>.cpp, one file per flow): a flow is a
// policy, Action <name>(Ctx&), that looks at the screen it is on and says what to do next;
// the engine (flow_engine.cpp) does everything flows share: recognising the screen, time
// and click budgets, loop detection, the pending action that must show before another is
// decided, the interstitial, waiting for pages and for the person, milestones (steps
// remembered so that none is ever taken twice) and the resumable state.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "flow.h"
#include "locator.h"
#include "page.h"
#include "reading.h"
#include "url.h"

namespace crosslink {

inline constexpr int kWaitMs = 250;      // between looks while an action takes effect
inline constexpr int kLoadWaitMs = 500;  // between looks at a page that is not recognised yet

// What a flow's policy decides on one screen; the engine turns it into a Decision.
struct Action {
  DecisionKind kind = DecisionKind::Wait;
  int target = -1;
  pack::Loc locator = pack::Loc::rate_title;
  std::string url;
  int ms = kWaitMs;
  std::string reason;
  nlohmann::json result;
  Error error;
  std::vector<std::string> choices;  // AskUser: the names the person picks from
  int goals = -1;  // goals met on this screen (progress when it grows)
};

// The {name} that one of key's wordings with "{name}" says in `said` ("Continue as Jane" →
// "Jane"), compared ignoring case; "" when none says it.
std::string name_in(pack::Text key, const std::string& said);

Action wait(int ms = kWaitMs);
Action fail(const char* name, std::string detail);
Action done(nlohmann::json result);
Action ask(const char* reason);
Action ask(const char* reason, std::vector<std::string> choices);
Action go(pack::Page page);

// One step's view: the page, the screen recognised on it, the flow's state.
struct Ctx {
  const Page& page;
  Screen screen;
  FlowState& st;
  long long now;

  const char* screen_id() const { return screen_name(screen); }
  bool did(Step step) const;           // a milestone taken before
  bool saw(Screen s) const;            // a screen reached before
  Found find(pack::Loc l) const { return crosslink::find(page, l); }
  bool has(pack::Loc l) const { return !find(l).empty(); }
  Action not_found(pack::Loc l) const;
  // Clicks what the locator finds first; waits while it is disabled (busy).
  Action click(pack::Loc l, DecisionKind kind = DecisionKind::Click) const;
  // Remembers the milestone, once it is an action (not a wait or an error). A milestone
  // taken before is never clicked again: no_effect instead.
  Action taken(Step step, Action a) const;
  // A link to a known page is followed by navigating (no click); anything else is clicked
  // (and a click on a link off Meta's pages is refused by the engine: navigation_refused).
  Action follow(pack::Loc l, pack::Page fallback) const;
};

using Policy = Action (*)(Ctx&);

// Where a link leads, and whether Crosslink may follow it: https on a host of the registry
// (no other port, no user@), its path one a screen of that host is recognised by
// (core/data/screens.json), no dot segments. "" when allowed, else the refusal's detail
// (naming the host). A link that leads nowhere by itself ("", "#…") is allowed.
std::string link_refusal(const Url& page_url, std::string_view href);

namespace flows {
using pack::Loc;  // what every flow finds its elements by
}  // namespace flows

namespace engine {
extern const Policy kPolicies[];  // registry order (generated: flow_table.cpp)
}  // namespace engine

}  // namespace crosslink
