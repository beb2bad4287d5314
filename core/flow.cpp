// The flow engine: what every flow shares (time and click budgets, loop detection, the
// pending action that must show before another is decided, the interstitial, waiting for
// pages and for the person) and the six flows' decisions per screen.
#include "flow.h"

#include <algorithm>

#include "fold.h"
#include "locator.h"
#include "screens.h"
#include "url.h"

namespace crosslink {
namespace {

using nlohmann::json;
using pack::Loc;

constexpr int kWaitMs = 250;         // between looks while an action takes effect
constexpr int kLoadWaitMs = 500;     // between looks at a page that is not recognised yet
constexpr int kMaxVisits = 3;        // the same screen this often without progress: a loop

// What a flow's policy decides on one screen; the engine turns it into a Decision.
struct Action {
  DecisionKind kind = DecisionKind::Wait;
  int target = -1;
  Loc locator = Loc::rate_title;
  std::string url;
  int ms = kWaitMs;
  std::string reason;
  json result;
  Error error;
  int goals = -1;  // goals met on this screen (progress when it grows)
};

Action wait(int ms = kWaitMs) {
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

struct Ctx {
  const Page& page;
  const std::string& screen;
  FlowState& st;
  long long now;

  bool did(const std::string& step) const { return std::find(st.steps.begin(), st.steps.end(), step) != st.steps.end(); }
  bool saw(const char* screen_id) const { return std::find(st.seen.begin(), st.seen.end(), screen_id) != st.seen.end(); }
  Found find(Loc l) const { return crosslink::find(page, l); }
  bool has(Loc l) const { return !find(l).empty(); }
  Action not_found(Loc l) const { return fail("not_found", std::string(locator_id(l)) + " on " + screen); }

  // Clicks what the locator finds first; waits while it is disabled (busy).
  Action click(Loc l, DecisionKind kind = DecisionKind::Click) const {
    Found f = find(l);
    if (f.empty()) return not_found(l);
    if (page.element(f.first()).disabled) return wait();
    Action a;
    a.kind = kind;
    a.target = f.first();
    a.locator = l;
    return a;
  }
  // Remembers that this step was taken, once it is an action (not a wait or an error).
  Action taken(const std::string& step, Action a) const {
    if (a.kind == DecisionKind::Click || a.kind == DecisionKind::Toggle) st.steps.push_back(step);
    return a;
  }
  // A link to a known page is followed by navigating (no click); anything else is clicked.
  Action follow(Loc l, pack::Page fallback) const {
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
};


// ---- reading what a page shows ---------------------------------------------------------

// The accounts list: {"linked": bool, "facebookName": name or null}.
json read_accounts(const Ctx& c) {
  Found card = c.find(Loc::facebook_card);
  if (card.empty()) return {{"linked", false}, {"facebookName", nullptr}};
  std::string name;
  for (const std::string& line : lines_of(c.page.element(card.first()).text))
    if (match_text(pack::Text::ac_accounts_facebook, fold(line), -1) < 0) {
      name = line;
      break;
    }
  return {{"linked", true}, {"facebookName", name}};
}

// The sharing switches present: {"posts": bool, ...}.
json read_switches(const Ctx& c) {
  static constexpr Loc kSwitches[4] = {Loc::switch_posts, Loc::switch_reels, Loc::switch_stories, Loc::switch_facebook_stories};
  json out = json::object();
  for (int k = 0; k < 4; ++k) {
    Found f = c.find(kSwitches[k]);
    if (!f.empty() && c.page.element(f.first()).checked >= 0) out[kSwitchKeys[k]] = c.page.element(f.first()).checked == 1;
  }
  return out;
}

// Messages and story replies: {"updated": bool, "othersOnFacebook": "chats"|"requests"|"none"|null}.
json read_messaging(const Ctx& c) {
  Found row = c.find(Loc::others_row);
  json value = nullptr;
  if (!row.empty()) {
    std::vector<std::string> lines = lines_of(c.page.element(row.first()).text);
    static constexpr std::pair<pack::Text, const char*> kChoices[] = {
        {pack::Text::ig_messages_chats, "chats"}, {pack::Text::ig_messages_requests, "requests"}, {pack::Text::ig_messages_dont_receive, "none"}};
    for (std::size_t k = 1; k < lines.size() && value.is_null(); ++k)
      for (const auto& [text, name] : kChoices)
        if (match_text(text, fold(lines[k]), -1) >= 0) value = name;
  }
  return {{"updated", !row.empty() || c.has(Loc::messenger_on)}, {"othersOnFacebook", value}};
}

// ---- the six flows ----------------------------------------------------------------------

Action link(Ctx& c) {
  const std::string& s = c.screen;
  if (s == "accounts_center_accounts") {
    json accounts = read_accounts(c);
    if (accounts["linked"].get<bool>()) return done(accounts);
    if (c.did("finish_yes")) return fail("verify_failed", "no Facebook account on the accounts list after finishing setup");
    return c.click(Loc::add_accounts);
  }
  if (s == "accounts_center_add_accounts") {
    Found f = c.find(Loc::add_facebook);
    if (!f.empty() && c.page.element(f.first()).disabled) return go(pack::Page::accounts);  // one is linked already
    return c.taken("add_facebook", c.click(Loc::add_facebook));
  }
  if (s == "facebook_continue_as") {
    const std::string& want = c.st.params.facebook_account;
    if (!want.empty()) {
      bool offered = false;
      for (int i = 0; i < c.page.size() && !offered; ++i) offered = c.page.folded_name(i).find(fold(want)) != std::string::npos;
      if (!offered) return ask("not_you");
    }
    return c.click(Loc::fb_continue);
  }
  if (s == "facebook_choose_account") {
    const std::string& want = c.st.params.facebook_account;
    if (!want.empty())
      for (int i : c.page.with_role(Role::Button))
        if (element_says(c.page, i, want)) {
          Action a;
          a.kind = DecisionKind::Click;
          a.target = i;
          a.locator = Loc::fb_account;
          return a;
        }
    return ask("choose_account");
  }
  if (s == "facebook_login") return ask("facebook_login");
  if (s == "unreadable" && c.did("add_facebook") && !c.did("finish_yes")) return ask("press_continue");
  if (s == "accounts_center_finish_setup") {
    return c.taken("finish_yes", c.click(Loc::finish_yes));
  }
  if (s == "accounts_center_profile_sync") {
    c.st.read["profileSynced"] = c.st.params.sync_profile;
    return c.click(c.st.params.sync_profile ? Loc::sync_continue : Loc::sync_not_now);
  }
  return go(pack::Page::accounts);
}

Action unlink(Ctx& c) {
  const std::string& s = c.screen;
  if (s == "accounts_center_accounts") {
    json accounts = read_accounts(c);
    if (!accounts["linked"].get<bool>()) return done({{"linked", false}});
    if (c.did("remove_confirm")) return fail("verify_failed", "the Facebook account is still on the accounts list after removing it");
    return c.click(Loc::facebook_card_link);
  }
  if (s == "accounts_center_account_detail") {
    if (!c.has(Loc::remove_account)) return go(pack::Page::accounts);  // not the Facebook account
    return c.click(Loc::remove_account);
  }
  if (s == "accounts_center_remove_intro") return c.click(Loc::remove_continue);
  if (s == "accounts_center_remove_confirm") {
    return c.taken("remove_confirm", c.click(Loc::remove_confirm));
  }
  return go(pack::Page::accounts);
}

Action set_sharing(Ctx& c) {
  static constexpr Loc kSwitches[4] = {Loc::switch_posts, Loc::switch_reels, Loc::switch_stories, Loc::switch_facebook_stories};
  const std::string& s = c.screen;
  if (s == "accounts_center_sharing") {
    if (!c.has(Loc::any_switch)) {
      if (c.has(Loc::sharing_need_account)) return fail("not_linked", "no Facebook account in Accounts Center: nothing to share to");
      return fail("not_found", "sharing switches on " + s);
    }
    int met = 0;
    Action next;
    bool have_next = false;
    for (int k = 0; k < 4; ++k) {
      if (c.st.params.sharing[k] < 0) continue;
      Found f = c.find(kSwitches[k]);
      if (f.empty()) return c.not_found(kSwitches[k]);
      const Element& e = c.page.element(f.first());
      if (e.checked == c.st.params.sharing[k]) {
        ++met;
        continue;
      }
      if (have_next) continue;
      have_next = true;
      std::string step = std::string("toggle:") + kSwitchKeys[k];
      if (e.disabled) next = wait();
      else if (c.did(step))  // toggled once and not in the wanted state: never toggle it back
        next = fail("verify_failed", std::string(locator_id(kSwitches[k])) + " is still " + (e.checked == 1 ? "on" : "off") +
                                         " after it was switched on " + s);
      else
        next = c.taken(step, c.click(kSwitches[k], DecisionKind::Toggle));
    }
    if (!have_next) return done({{"sharing", read_switches(c)}});
    next.goals = met;
    return next;
  }
  if (s == "accounts_center_connected_experiences" || s == "accounts_center_overview")
    return c.follow(Loc::sharing_link, pack::Page::sharing);
  return go(pack::Page::sharing);
}

Action link_messaging(Ctx& c) {
  const std::string& s = c.screen;
  if (s == "instagram_settings") {
    if (c.has(Loc::update_messaging) && !c.did("update")) return c.click(Loc::update_messaging);
    return c.follow(Loc::messages_link, pack::Page::messages);
  }
  if (s == "instagram_update_messaging") {
    if (c.did("update")) {
      Found refusal = c.find(Loc::update_refusal);
      if (!refusal.empty()) return fail("refused", std::string(c.page.element(refusal.first()).text));
      return wait();
    }
    return c.taken("update", c.click(Loc::update_confirm));
  }
  if (s == "instagram_messages_settings") {
    json messaging = read_messaging(c);
    if (messaging["updated"].get<bool>()) return done({{"messaging", messaging}});
    if (c.saw("instagram_settings")) return fail("unavailable", "Update Messaging is not offered on instagram_settings");
    return go(pack::Page::settings);
  }
  return go(pack::Page::settings);
}

Action unlink_messaging(Ctx& c) {
  const std::string& s = c.screen;
  if (s == "instagram_messages_settings") {
    json messaging = read_messaging(c);
    if (!c.has(Loc::others_row)) return done({{"messaging", messaging}});  // nothing to undo
    if (messaging["othersOnFacebook"] == "none") return done({{"messaging", messaging}});
    if (c.did("radio_none")) return fail("verify_failed", "Others on Facebook is not \"Don't receive requests\" after choosing it");
    return c.follow(Loc::others_row, pack::Page::others_on_facebook);
  }
  if (s == "instagram_messages_others_on_facebook") {
    Found f = c.find(Loc::radio_none);
    if (f.empty()) return c.not_found(Loc::radio_none);
    const Element& e = c.page.element(f.first());
    if (e.checked == 1) return go(pack::Page::messages);  // read back where the choice is shown
    if (e.disabled) return wait();
    if (c.did("radio_none")) return fail("verify_failed", "radio_none is still not chosen on " + s);
    return c.taken("radio_none", c.click(Loc::radio_none));
  }
  if (s == "instagram_settings") return c.follow(Loc::messages_link, pack::Page::messages);
  return go(pack::Page::messages);
}

Action read_status(Ctx& c) {
  json& r = c.st.read;
  const std::string& s = c.screen;
  if (s == "accounts_center_accounts" && !r.contains("linked")) {
    json a = read_accounts(c);
    r["linked"] = a["linked"];
    r["facebookName"] = a["facebookName"];
  } else if (s == "accounts_center_sharing" && !r.contains("sharing")) {
    json sw = read_switches(c);
    r["sharing"] = sw.empty() ? json(nullptr) : sw;
  } else if (s == "instagram_messages_settings" && !r.contains("messaging")) {
    r["messaging"] = read_messaging(c);
  }
  if (!r.contains("linked")) return go(pack::Page::accounts);
  if (!r.contains("sharing")) return go(pack::Page::sharing);
  if (!r.contains("messaging")) return go(pack::Page::messages);
  return done({{"linked", r["linked"]}, {"facebookName", r["facebookName"]}, {"sharing", r["sharing"]}, {"messaging", r["messaging"]}});
}

Action decide(Ctx& c) {
  switch (c.st.kind) {
    case FlowKind::Link: return link(c);
    case FlowKind::Unlink: return unlink(c);
    case FlowKind::SetSharing: return set_sharing(c);
    case FlowKind::LinkMessaging: return link_messaging(c);
    case FlowKind::UnlinkMessaging: return unlink_messaging(c);
    case FlowKind::ReadStatus: return read_status(c);
  }
  return fail("bad_state", "unknown flow");
}

// ---- the engine ---------------------------------------------------------------------------

Decision finish(FlowState& st, Decision d) {
  st.status = d.kind == DecisionKind::Done ? "done" : d.error.name == "cancelled" ? "cancelled" : "error";
  st.pending = Pending{};
  st.final_decision = to_json(d);
  return d;
}

Decision make(DecisionKind kind, const std::string& screen) {
  Decision d;
  d.kind = kind;
  d.screen = screen;
  return d;
}

// Has the pending action shown on this page? Another screen or address, another number
// of elements (a dialog closed, an alert came), or the checkable target changed or busy.
bool took_effect(const FlowState& st, const Page& page, const std::string& screen) {
  const Pending& p = st.pending;
  if (screen != p.screen || page.snapshot().url != p.url) return true;
  if (p.kind == "navigate") return false;
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

int& visits_of(FlowState& st, const std::string& screen) {
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
    Decision d = make(st.final_decision.value("kind", "") == "done" ? DecisionKind::Done : DecisionKind::Error,
                      st.final_decision.value("screen", ""));
    if (d.kind == DecisionKind::Done) d.result = st.final_decision["result"];
    else d.error = {st.final_decision["error"].value("name", ""), st.final_decision["error"].value("detail", "")};
    return d;
  }
  std::string screen = st.pending.screen;
  return finish(st, Decision::fail(screen, {"cancelled", std::string(flow_name(st.kind)) + " cancelled after " +
                                                            std::to_string(st.clicks) + " click(s)"}));
}

Decision step_flow(FlowState& st, const Snapshot& snapshot, long long now) {
  if (is_terminal(st)) return cancel_flow(st, now);  // the same final decision again

  // Time: only while the flow, not the person, is the one waiting.
  if (now > st.last_step_at && st.status != "needs_user") st.active_ms += now - st.last_step_at;
  if (now > st.last_step_at) st.last_step_at = now;

  Page page(snapshot);
  Recognition rec = recognize(page);
  const std::string& screen = rec.screen;
  auto error = [&](const char* name, std::string detail) { return finish(st, Decision::fail(screen, {name, std::move(detail)})); };

  if (screen == "rate_limited") return error("rate_limited", "Instagram says \"Try Again Later\" on " + page.url().host + page.url().path);
  if (st.active_ms > st.params.time_budget_ms)
    return error("time_budget", std::to_string(st.active_ms) + " ms spent, budget " + std::to_string(st.params.time_budget_ms) +
                                    " ms; on " + screen);
  if (st.status == "needs_user" && now - st.asked_at > st.params.user_wait_ms)
    return error("needs_user", "waited " + std::to_string(now - st.asked_at) + " ms for the person (" + st.asked + ") on " + screen);

  // An action decided before must show before anything else is decided: the extension
  // may have been restarted between deciding and acting, and acting twice is worse than
  // waiting (a click never shown is reported, not repeated).
  if (!st.pending.kind.empty()) {
    if (!took_effect(st, page, screen)) {
      if (now - st.pending.at < st.params.settle_ms) {
        Decision d = make(DecisionKind::Wait, screen);
        d.wait_ms = kWaitMs;
        return d;
      }
      if (screen == "unknown" || screen == "unreadable")  // the page, not the action, is the problem
        return error(screen == "unknown" ? "unknown_screen" : "unreadable_page", rec.evidence.back());
      return error("no_effect", st.pending.kind + " " + st.pending.locator + " on " + st.pending.screen + " showed no effect within " +
                                    std::to_string(st.params.settle_ms) + " ms");
    }
    st.pending = Pending{};
  }

  // A new screen is progress: the loop counts start again.
  if (std::find(st.seen.begin(), st.seen.end(), screen) == st.seen.end() && screen != "unknown" && screen != "unreadable") {
    st.seen.push_back(screen);
    st.visits.clear();
  }

  Action a;
  Ctx ctx{page, screen, st, now};
  if (screen == "instagram_interstitial") {
    if (ctx.did("interstitial")) return error("interstitial", "an unexpected dialog came back after \"Not Now\": " + rec.evidence.back());
    a = ctx.taken("interstitial", ctx.click(Loc::interstitial_not_now));
  } else {
    a = decide(ctx);
  }
  // Pages still loading, and pages the extension may not read, get time before the flow
  // tries its entry page once and then gives up.
  bool lost = (screen == "unknown" || screen == "unreadable") && a.kind == DecisionKind::Navigate;
  if (lost) {
    if (st.waiting_since == 0) st.waiting_since = now;
    if (now - st.waiting_since < st.params.settle_ms) a = wait(kLoadWaitMs);
    else if (ctx.did("recover")) return error(screen == "unknown" ? "unknown_screen" : "unreadable_page", rec.evidence.back());
    else st.steps.push_back("recover");
  } else if (screen != "unknown" && screen != "unreadable") {
    st.waiting_since = 0;
  }

  if (a.goals > st.goals) {
    st.goals = a.goals;
    st.visits.clear();
  }
  if (a.kind != DecisionKind::AskUser && st.status == "needs_user") {
    st.status = "running";
    st.asked.clear();
  }

  Decision d = make(a.kind, screen);
  switch (a.kind) {
    case DecisionKind::Wait: d.wait_ms = a.ms; return d;
    case DecisionKind::Done: d.result = std::move(a.result); return finish(st, d);
    case DecisionKind::Error: d.error = std::move(a.error); return finish(st, d);
    case DecisionKind::AskUser:
      if (st.status != "needs_user" || st.asked != a.reason) {
        st.status = "needs_user";
        st.asked = a.reason;
        st.asked_at = now;
      }
      d.reason = a.reason;
      return d;
    default: break;
  }
  // Click, toggle, navigate: loops, budgets, allowlist, then remember it as pending.
  if (++visits_of(st, screen) >= kMaxVisits)
    return error("loop", screen + " reached " + std::to_string(kMaxVisits) + " times without progress");
  if (a.kind == DecisionKind::Navigate) {
    if (known_page(a.url).empty()) return error("navigation_refused", a.url + " is not a known page");
    if (a.url == page.snapshot().url) {
      Decision w = make(DecisionKind::Wait, screen);
      w.wait_ms = kLoadWaitMs;
      return w;
    }
    d.url = a.url;
    st.pending = {"navigate", screen, page.snapshot().url, "", -1, -1, page.size(), now};
    return d;
  }
  if (st.clicks >= st.params.max_clicks)
    return error("click_budget", std::to_string(st.clicks) + " clicks used, budget " + std::to_string(st.params.max_clicks) +
                                     "; next was " + locator_id(a.locator) + " on " + screen);
  const Element& target = page.element(a.target);
  ++st.clicks;
  d.target = a.target;
  d.locator = locator_id(a.locator);
  d.target_role = target.role == Role::Other ? std::string(target.role_text) : role_name(target.role);
  d.target_name = std::string(target.name);
  d.target_checked = target.checked;
  st.pending = {a.kind == DecisionKind::Toggle ? "toggle" : "click", screen, page.snapshot().url, d.locator, a.target,
                target.checked, page.size(), now};
  return d;
}

}  // namespace crosslink
