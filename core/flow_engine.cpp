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

std::string name_in(pack::Text key, const std::string& said) {
  const pack::TextRow& row = pack::kTexts[static_cast<int>(key)];
  std::string best;
  std::size_t fitted = 0;
  for (int w = row.first; w < row.first + row.count; ++w) {
    std::string_view wording = pack::kWordings[w].text;
    std::size_t at = wording.find("{name}");
    // A wording without a name that says it all ("Ja, entfernen") names nobody, although
    // another one could read a name into it ("{name} entfernen" → "Ja,").
    if (at == std::string_view::npos && equals_ignore_case(trim(said), wording)) return "";
    if (at == std::string_view::npos) continue;
    std::string_view before = wording.substr(0, at), after = wording.substr(at + 6);
    if (said.size() <= before.size() + after.size()) continue;
    if (!equals_ignore_case(std::string_view(said).substr(0, before.size()), before)) continue;
    if (!equals_ignore_case(std::string_view(said).substr(said.size() - after.size()), after)) continue;
    std::string name = trim(std::string_view(said).substr(before.size(), said.size() - before.size() - after.size()));
    // the longest wording that fits wins: "Remove or manage {name}" over "Remove {name}"
    if (!name.empty() && name.size() <= 200 && before.size() + after.size() >= fitted) {
      fitted = before.size() + after.size();
      best = std::move(name);
    }
  }
  return best;
}

namespace {

constexpr int kMaxVisits = 3;
constexpr std::size_t kNameKept = 1000;  // of a pending target's name (flow_state.cpp reads at most that)  // the same screen this often without progress: a loop

// A link's target as an absolute URL (without query or fragment), "" when it leads nowhere.
std::string resolve_href(const Url& base, std::string_view href) {
  Link link = resolve_link(base, href);
  if (link.none || link.url.host.empty()) return "";
  return link.url.scheme + "://" + link.url.host + link.url.path;
}

// Which of the Meta hosts a screen may be on (screens.json hostGroups, pack::kScreenHosts:
// the registry's hosts and the other Accounts Center and Facebook hosts), -1 for any other.
int host_index(const std::string& host) {
  for (int h = 0; h < pack::kScreenHostCount; ++h)
    if (host == pack::kScreenHosts[h]) return h;
  return -1;
}

// A path some screen of this host is recognised by (screens.json "paths").
bool path_known(int host, const std::string& path) {
  for (int s = 0; s < pack::kScreenCount; ++s) {
    const pack::ScreenRule& r = pack::kScreens[s];
    if (!(r.hosts & (1u << host))) continue;
    for (int k = r.paths_first; k < r.paths_first + r.paths_count; ++k)
      if (glob(pack::kPaths[k], path)) return true;
  }
  return false;
}

bool dot_segment(const std::string& path) {
  for (std::size_t at = path.find("/."); at != std::string::npos; at = path.find("/.", at + 1)) {
    std::size_t end = path.find('/', at + 1);
    std::string seg = path.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
    if (seg == "." || seg == "..") return true;
  }
  return path.find("%2e") != std::string::npos || path.find("%2E") != std::string::npos;
}

// The allowlisted page this URL is, "" for any other address.
std::string known_page(const std::string& url) {
  for (int p = 0; p < pack::kPageCount; ++p)
    if (url == pack::kPages[p].url) return url;
  return "";
}

// Pages the flow cannot act on: none of its screens, two at once, or not readable.
bool lost(Screen s) { return s == Screen::unknown || s == Screen::unreadable || s == Screen::ambiguous; }
const char* lost_error(Screen s) {
  return s == Screen::unknown ? "unknown_screen" : s == Screen::ambiguous ? "ambiguous_screen" : "unreadable_page";
}

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
Action ask(const char* reason, std::vector<std::string> choices) {
  Action a = ask(reason);
  a.choices = std::move(choices);
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
  if (a.kind != DecisionKind::Click && a.kind != DecisionKind::Toggle) return a;
  if (did(step))  // decided once already, and the page offers it again: never a second time
    return fail("no_effect", std::string(step_name(step)) + " was decided once on " + screen_id() +
                                 "; the page offers it again, and it is not clicked a second time");
  st.steps.push_back(step);
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

std::string link_refusal(const Url& base, std::string_view href) {
  Link link = resolve_link(base, href);
  if (link.none) return "";
  const Url& u = link.url;
  std::string where = u.host.empty() ? (u.scheme.empty() ? std::string("(no host)") : u.scheme + ":") : u.host;
  auto refused = [&](const std::string& why) { return where + ": " + why; };
  if (u.scheme != "https") return refused(u.scheme.empty() ? "not an https link" : "a " + u.scheme + ": link, not https");
  int host = host_index(u.host);
  if (host < 0) return refused("not a Meta host Crosslink works on");
  if (u.userinfo || (!u.port.empty() && u.port != "443")) return refused("a user name or port in the address");
  if (u.path.empty() || dot_segment(u.path) || !path_known(host, u.path)) return refused("not a page Crosslink knows on that host");
  return "";
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

// Alerts inside the dialog that holds element i (0 when it is in none).
int alerts_near(const Page& page, int i) {
  if (i < 0 || i >= page.size()) return 0;
  int dialog = page.enclosing(i, Role::Dialog, Role::AlertDialog);
  if (dialog < 0) return 0;
  int n = 0;
  for (int a : page.with_role(Role::Alert)) n += page.enclosing(a, Role::Dialog, Role::AlertDialog) == dialog;
  return n;
}

// Has the pending action shown on this page? Another screen or address, or its own target
// changed (name, checked, busy) or went away. A click that is no milestone also shows as
// another number of elements (a dialog closed, an alert came); a milestone's does not: an
// unrelated toast or spinner appearing is not its effect (docs/PROTOCOL.md, "Flows").
bool took_effect(const FlowState& st, const Page& page, Screen screen) {
  const Pending& p = st.pending;
  if (screen != p.screen || page.snapshot().url != p.url) return true;
  if (p.kind == PendingKind::Navigate) return false;
  if (!p.strict && page.size() != p.size) return true;
  // Its own target: the element at the same index with the same name, else the first
  // with that name (the page may have inserted something before it), else gone. A state
  // stored before the name was kept finds it by its locator, as it was decided.
  int at = -1;
  if (!p.name.empty()) {
    auto named = [&](int i) { return std::string(page.element(i).name).substr(0, kNameKept) == p.name; };
    if (p.target >= 0 && p.target < page.size() && named(p.target)) at = p.target;
    for (int i = 0; at < 0 && i < page.size(); ++i)
      if (named(i)) at = i;
  } else {
    int locator = 0;
    while (locator < pack::kLocatorCount && p.locator != pack::kLocators[locator].id) ++locator;
    if (locator == pack::kLocatorCount) return true;
    Found f = find(page, static_cast<Loc>(locator));
    if (!f.empty()) at = std::find(f.elements.begin(), f.elements.end(), p.target) != f.elements.end() ? p.target : f.first();
  }
  if (at < 0) return true;  // gone
  if (p.strict && alerts_near(page, at) > p.alerts) return true;  // a refusal in its own dialog
  const Element& e = page.element(at);
  return e.checked != p.checked || (e.disabled ? 1 : 0) != p.disabled;
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

Expected<bool> answer_flow(FlowState& st, const std::string& choice, long long now) {
  if (is_terminal(st) || st.status != FlowStatus::NeedsUser) return Error{"bad_answer", "the flow is not waiting for the person"};
  if (st.asked != "confirm_account" && st.asked != "confirm_unlink" && st.asked != "choose_unlink")
    return Error{"bad_answer", "the flow asks the person to act on the page (" + st.asked + "), not to answer"};
  bool offered = choice.empty() ? st.asked == "confirm_account" && st.choices.empty()
                                : std::find(st.choices.begin(), st.choices.end(), choice) != st.choices.end();
  if (!offered) return Error{"bad_answer", "not one of the choices offered (" + st.asked + ")"};
  if (choice.empty()) st.consented = true;
  else st.params.facebook_account = choice;
  st.status = FlowStatus::Running;
  st.asked.clear();
  st.choices.clear();
  if (now > st.last_step_at) st.last_step_at = now;  // the person's time is not the flow's
  return true;
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
  const std::size_t steps_before = st.steps.size();
  if (screen == Screen::instagram_interstitial) {
    if (ctx.did(Step::interstitial)) return error("interstitial", "an unexpected dialog came back after \"Not Now\": " + rec.evidence.back());
    a = ctx.taken(Step::interstitial, ctx.click(Loc::interstitial_not_now));
  } else if (const char* why = person_reason(screen)) {
    a = ask(why);  // the person's decision (screens.json "ask"): never acted on, asked; resumes when it is gone
    // A milestone Meta answered with a person's decision (re-authentication, "Confirm it's
    // you"…) before any other click did not happen yet: once the person is through, Meta
    // offers it again, and it may be decided once more. Once only, so a page that keeps
    // asking still ends (no_effect); never without such a screen in between.
    if (st.milestone_click > 0 && st.milestone_click == st.clicks && !st.steps.empty() &&
        std::find(st.retaken.begin(), st.retaken.end(), st.steps.back()) == st.retaken.end()) {
      st.retaken.push_back(st.steps.back());
      st.steps.pop_back();
    }
    st.milestone_click = 0;
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
    st.choices.clear();
  }

  Decision d = make(a.kind, screen);
  switch (a.kind) {
    case DecisionKind::Wait: d.wait_ms = a.ms; return d;
    case DecisionKind::Done: d.result = std::move(a.result); return finish(st, d);
    case DecisionKind::Error: d.error = std::move(a.error); return finish(st, d);
    case DecisionKind::AskUser:
      if (st.status != FlowStatus::NeedsUser || st.asked != a.reason || st.choices != a.choices) {
        st.status = FlowStatus::NeedsUser;
        st.asked = a.reason;
        st.asked_at = now;
      }
      st.choices = a.choices;
      d.reason = a.reason;
      d.choices = std::move(a.choices);
      return d;
    default: break;
  }
  // A control that is busy (disabled) is waited for, whichever policy chose it: its own
  // click may be what made it busy.
  if ((a.kind == DecisionKind::Click || a.kind == DecisionKind::Toggle) && a.target >= 0 && a.target < page.size() &&
      page.element(a.target).disabled) {
    Decision w = make(DecisionKind::Wait, screen);
    w.wait_ms = kWaitMs;
    return w;
  }
  // Click, toggle, navigate: loops, budgets, allowlist, then remember it as pending.
  if (++visits_of(st, screen) >= kMaxVisits)
    return error("loop", name + " reached " + std::to_string(kMaxVisits) + " times without progress");
  if (a.kind == DecisionKind::Navigate) {
    if (known_page(a.url).empty()) return error("navigation_refused", parse_url(a.url).host + ": " + a.url + " is not a known page");
    if (a.url == page.snapshot().url) {
      Decision w = make(DecisionKind::Wait, screen);
      w.wait_ms = kLoadWaitMs;
      return w;
    }
    d.url = a.url;
    st.pending = {PendingKind::Navigate, screen, page.snapshot().url, "", -1, -1, page.size(), now, "", 0, false, 0};
    return d;
  }
  if (st.clicks >= st.params.max_clicks)
    return error("click_budget", std::to_string(st.clicks) + " clicks used, budget " + std::to_string(st.params.max_clicks) +
                                     "; next was " + locator_id(a.locator) + " on " + name);
  const Element& target = page.element(a.target);
  // A link is clicked only when it leads to Meta's pages Crosslink works on.
  if (std::string why = link_refusal(page.url(), target.href); !why.empty())
    return error("navigation_refused", why + " (" + locator_id(a.locator) + " on " + name + ")");
  ++st.clicks;
  if (st.steps.size() > steps_before) st.milestone_click = st.clicks;  // this click is a milestone's
  d.target = a.target;
  d.locator = locator_id(a.locator);
  d.target_role = target.role == Role::Other ? std::string(target.role_text) : role_name(target.role);
  d.target_name = std::string(target.name);
  d.target_checked = target.checked;
  guided::note(d, page, a.locator);
  st.pending = {a.kind == DecisionKind::Toggle ? PendingKind::Toggle : PendingKind::Click, screen, page.snapshot().url, d.locator,
                a.target, target.checked, page.size(), now, std::string(target.name).substr(0, kNameKept), target.disabled ? 1 : 0,
                st.steps.size() > steps_before, alerts_near(page, a.target)};
  return d;
}

}  // namespace crosslink
