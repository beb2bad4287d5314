// The flow engine: what every flow shares (time and click budgets, loop detection, the
// pending action that must show before another is decided, the interstitial, waiting for
// pages and for the person). The flows' decisions per screen are in core/flows/.
#include "flow_engine.h"

#include <algorithm>

#include "guided.h"
#include "url.h"

namespace crosslink {

using nlohmann::json;
using pack::Loc;

namespace {

constexpr int kMaxVisits = 3;  // the same screen this often without progress: a loop

// A link's target as an absolute URL (without query or fragment), "" when unknown.
std::string resolve_href(const Url& base, std::string_view href) {
  if (href.empty() || href[0] == '#') return "";
  Url u = parse_url(href);
  if (u.scheme.empty()) {
    if (href.substr(0, 2) == "//" || href[0] != '/') return "";
    u = base;
    u.path = std::string(href.substr(0, href.find_first_of("?#")));
  }
  return u.scheme + "://" + u.host + u.path;
}

// The allowlisted page this URL is, "" for any other address.
std::string known_page(const std::string& url) {
  for (int p = 0; p < pack::kPageCount; ++p)
    if (url == pack::kPages[p].url) return url;
  return "";
}

bool lost(Screen s) { return s == Screen::unknown || s == Screen::unreadable; }
const char* lost_error(Screen s) { return s == Screen::unknown ? "unknown_screen" : "unreadable_page"; }

const char* pending_name(PendingKind k) {
  switch (k) {
    case PendingKind::Click: return "click";
    case PendingKind::Toggle: return "toggle";
    case PendingKind::Navigate: return "navigate";
    case PendingKind::None: break;
  }
  return "";
}

}  // namespace

// ---- what policies are written with ----------------------------------------------------

Action wait(int ms) {
  Action a;
  a.ms = ms;
  return a;
}
Action fail(const char* name, std::string detail) {
  Action a;
  a.kind = DecisionKind::Error;
  a.error = {name, std::move(detail)};
  return a;
}
Action done(json result) {
  Action a;
  a.kind = DecisionKind::Done;
  a.result = std::move(result);
  return a;
}
Action ask(const char* reason) {
  Action a;
  a.kind = DecisionKind::AskUser;
  a.reason = reason;
  return a;
}
Action go(pack::Page page) {
  Action a;
  a.kind = DecisionKind::Navigate;
  a.url = pack::kPages[static_cast<int>(page)].url;
  return a;
}

bool Ctx::did(Step step) const { return std::find(st.steps.begin(), st.steps.end(), step) != st.steps.end(); }
bool Ctx::saw(Screen s) const { return std::find(st.seen.begin(), st.seen.end(), s) != st.seen.end(); }
Action Ctx::not_found(Loc l) const { return fail("not_found", std::string(locator_id(l)) + " on " + screen_id()); }

Action Ctx::click(Loc l, DecisionKind kind) const {
  Found f = find(l);
  if (f.empty()) return not_found(l);
  if (page.element(f.first()).disabled) return wait();
  Action a;
  a.kind = kind;
  a.target = f.first();
  a.locator = l;
  return a;
}

Action Ctx::taken(Step step, Action a) const {
  if (a.kind == DecisionKind::Click || a.kind == DecisionKind::Toggle) st.steps.push_back(step);
  return a;
}

Action Ctx::follow(Loc l, pack::Page fallback) const {
  Found f = find(l);
  if (f.empty()) return go(fallback);
  std::string url = known_page(resolve_href(page.url(), page.element(f.first()).href));
  if (!url.empty()) {
    Action a;
    a.kind = DecisionKind::Navigate;
    a.url = url;
    return a;
  }
  return click(l);
}

// ---- the engine ---------------------------------------------------------------------------

namespace {

Decision finish(FlowState& st, Decision d) {
  st.status = d.kind == DecisionKind::Done ? FlowStatus::Done : d.error.name == "cancelled" ? FlowStatus::Cancelled : FlowStatus::Error;
  st.pending = Pending{};
  st.final_decision = to_json(d);
  return d;
}

Decision make(DecisionKind kind, Screen screen) {
  Decision d;
  d.kind = kind;
  d.screen = screen_name(screen);
  return d;
}

// Has the pending action shown on this page? Another screen or address, another number
// of elements (a dialog closed, an alert came), or the checkable target changed or busy.
bool took_effect(const FlowState& st, const Page& page, Screen screen) {
  const Pending& p = st.pending;
  if (screen != p.screen || page.snapshot().url != p.url) return true;
  if (p.kind == PendingKind::Navigate) return false;
  if (page.size() != p.size) return true;
  if (p.checked < 0) return false;
  int locator = 0;
  while (locator < pack::kLocatorCount && p.locator != pack::kLocators[locator].id) ++locator;
  if (locator == pack::kLocatorCount) return true;
  Found f = find(page, static_cast<Loc>(locator));
  if (f.empty()) return true;
  const Element& e = page.element(f.first());
  return e.checked != p.checked || e.disabled;
}

int& visits_of(FlowState& st, Screen screen) {
  for (auto& [s, n] : st.visits)
    if (s == screen) return n;
  st.visits.emplace_back(screen, 0);
  return st.visits.back().second;
}

}  // namespace

Decision end_flow(FlowState& st, const std::string& screen, Error error) {
  if (is_terminal(st)) return cancel_flow(st, 0);
  Decision d = Decision::fail(screen, std::move(error));
  return finish(st, d);
}

Decision cancel_flow(FlowState& st, long long now_ms) {
  (void)now_ms;
  if (is_terminal(st)) {
    Decision d;
    d.kind = st.final_decision.value("kind", "") == "done" ? DecisionKind::Done : DecisionKind::Error;
    d.screen = st.final_decision.value("screen", "");
    if (d.kind == DecisionKind::Done) d.result = st.final_decision["result"];
    else d.error = {st.final_decision["error"].value("name", ""), st.final_decision["error"].value("detail", "")};
    return d;
  }
  std::string screen = st.pending.kind == PendingKind::None ? "" : screen_name(st.pending.screen);
  return finish(st, Decision::fail(screen, {"cancelled", std::string(flow_name(st.kind)) + " cancelled after " +
                                                            std::to_string(st.clicks) + " click(s)"}));
}

Decision step_flow(FlowState& st, const Snapshot& snapshot, long long now) {
  if (is_terminal(st)) return cancel_flow(st, now);  // the same final decision again

  // Time: only while the flow, not the person, is the one waiting.
  if (now > st.last_step_at && st.status != FlowStatus::NeedsUser) st.active_ms += now - st.last_step_at;
  if (now > st.last_step_at) st.last_step_at = now;

  Page page(snapshot);
  Recognition rec = recognize(page);
  const Screen screen = rec.screen;
  const std::string name = screen_name(screen);
  auto error = [&](const char* error_name, std::string detail) {
    Decision guided;  // a lost screen the person can get past: a guided step (core/guided.cpp)
    if (guided::divert(st, page, screen, {error_name, detail}, now, guided)) return guided;
    return finish(st, Decision::fail(name, {error_name, std::move(detail)}));
  };

  if (screen == Screen::rate_limited)
    return error("rate_limited", "Instagram says \"Try Again Later\" on " + page.url().host + page.url().path);
  if (st.active_ms > st.params.time_budget_ms)
    return error("time_budget", std::to_string(st.active_ms) + " ms spent, budget " + std::to_string(st.params.time_budget_ms) +
                                    " ms; on " + name);
  if (st.status == FlowStatus::NeedsUser && now - st.asked_at > st.params.user_wait_ms)
    return error("needs_user", "waited " + std::to_string(now - st.asked_at) + " ms for the person (" + st.asked + ") on " + name);

  // An action decided before must show before anything else is decided: the extension
  // may have been restarted between deciding and acting, and acting twice is worse than
  // waiting (a click never shown is reported, not repeated).
  if (st.pending.kind != PendingKind::None) {
    if (!took_effect(st, page, screen)) {
      if (now - st.pending.at < st.params.settle_ms) {
        Decision d = make(DecisionKind::Wait, screen);
        d.wait_ms = kWaitMs;
        return d;
      }
      if (lost(screen)) return error(lost_error(screen), rec.evidence.back());  // the page, not the action, is the problem
      return error("no_effect", std::string(pending_name(st.pending.kind)) + " " + st.pending.locator + " on " +
                                    screen_name(st.pending.screen) + " showed no effect within " + std::to_string(st.params.settle_ms) + " ms");
    }
    st.pending = Pending{};
  }

  // A new screen is progress: the loop counts start again.
  if (!lost(screen) && std::find(st.seen.begin(), st.seen.end(), screen) == st.seen.end()) {
    st.seen.push_back(screen);
    st.visits.clear();
  }

  Action a;
  Ctx ctx{page, screen, st, now};
  if (screen == Screen::instagram_interstitial) {
    if (ctx.did(Step::interstitial)) return error("interstitial", "an unexpected dialog came back after \"Not Now\": " + rec.evidence.back());
    a = ctx.taken(Step::interstitial, ctx.click(Loc::interstitial_not_now));
  } else if (const char* why = person_reason(screen)) {
    a = ask(why);  // the person's decision (screens.json "ask"): never acted on, asked; resumes when it is gone
  } else {
    a = engine::kPolicies[static_cast<int>(st.kind)](ctx);
  }
  if (a.kind == DecisionKind::Error) {  // an element not found: a guided step (core/guided.cpp)
    Decision guided;
    if (guided::divert(st, page, screen, a.error, now, guided)) return guided;
  }
  // Pages still loading, and pages the extension may not read, get time before the flow
  // tries its entry page once and then gives up.
  if (lost(screen) && a.kind == DecisionKind::Navigate) {
    if (st.waiting_since == 0) st.waiting_since = now;
    if (now - st.waiting_since < st.params.settle_ms) a = wait(kLoadWaitMs);
    else if (ctx.did(Step::recover)) return error(lost_error(screen), rec.evidence.back());
    else st.steps.push_back(Step::recover);
  } else if (!lost(screen)) {
    st.waiting_since = 0;
  }

  if (a.goals > st.goals) {
    st.goals = a.goals;
    st.visits.clear();
  }
  if (a.kind != DecisionKind::AskUser && st.status == FlowStatus::NeedsUser) {
    st.status = FlowStatus::Running;
    st.asked.clear();
  }

  Decision d = make(a.kind, screen);
  switch (a.kind) {
    case DecisionKind::Wait: d.wait_ms = a.ms; return d;
    case DecisionKind::Done: d.result = std::move(a.result); return finish(st, d);
    case DecisionKind::Error: d.error = std::move(a.error); return finish(st, d);
    case DecisionKind::AskUser:
      if (st.status != FlowStatus::NeedsUser || st.asked != a.reason) {
        st.status = FlowStatus::NeedsUser;
        st.asked = a.reason;
        st.asked_at = now;
      }
      d.reason = a.reason;
      return d;
    default: break;
  }
  // Click, toggle, navigate: loops, budgets, allowlist, then remember it as pending.
  if (++visits_of(st, screen) >= kMaxVisits)
    return error("loop", name + " reached " + std::to_string(kMaxVisits) + " times without progress");
  if (a.kind == DecisionKind::Navigate) {
    if (known_page(a.url).empty()) return error("navigation_refused", a.url + " is not a known page");
    if (a.url == page.snapshot().url) {
      Decision w = make(DecisionKind::Wait, screen);
      w.wait_ms = kLoadWaitMs;
      return w;
    }
    d.url = a.url;
    st.pending = {PendingKind::Navigate, screen, page.snapshot().url, "", -1, -1, page.size(), now};
    return d;
  }
  if (st.clicks >= st.params.max_clicks)
    return error("click_budget", std::to_string(st.clicks) + " clicks used, budget " + std::to_string(st.params.max_clicks) +
                                     "; next was " + locator_id(a.locator) + " on " + name);
  const Element& target = page.element(a.target);
  ++st.clicks;
  d.target = a.target;
  d.locator = locator_id(a.locator);
  d.target_role = target.role == Role::Other ? std::string(target.role_text) : role_name(target.role);
  d.target_name = std::string(target.name);
  d.target_checked = target.checked;
  guided::note(d, page, a.locator);
  st.pending = {a.kind == DecisionKind::Toggle ? PendingKind::Toggle : PendingKind::Click, screen, page.snapshot().url, d.locator,
                a.target, target.checked, page.size(), now};
  return d;
}

}  // namespace crosslink
