// Invariant oracles for the flow fuzzers (issue 17, finding 8): what must hold of every
// decision whatever the page and the stored state, checked on each step of a sequence.
//   1. a navigation is always to a page of the allowlist (the registry's pages);
//   2. a milestone is never decided twice (its step was not taken before, and in one
//      sequence its locator is clicked at most once — twice only when the person was
//      asked to act in the page (re-authentication…) since its click and the state says
//      Meta interrupted it: "retaken");
//   3. no decision targets a field (textbox, searchbox, combobox) — Crosslink never types;
//   4. no click follows a link off Meta's hosts: the target's href, resolved here by an
//      oracle of its own (not the core's resolver), is https on one of the four hosts, or
//      leads nowhere by itself ("", "#…");
//   5. Facebook's consent ("Continue as …", fb_continue) and the Unlink card are clicked
//      only for a name the person gave (facebookAccount) or after they confirmed
//      (consented): never a silent consent.
// A violation traps (libFuzzer keeps the input as a crash).
#pragma once
#include <cctype>
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_util.h"
#include "pack.h"

namespace fuzz {

inline const char* milestone_of(const std::string& locator) {
  static const std::map<std::string, const char*> kSteps = {
      {"finish_yes", "finish_yes"},     {"remove_confirm", "remove_confirm"},   {"add_facebook", "add_facebook"},
      {"switch_posts", "toggle:posts"}, {"switch_reels", "toggle:reels"},       {"switch_stories", "toggle:stories"},
      {"switch_facebook_stories", "toggle:facebookStories"},                    {"update_confirm", "update"},
      {"radio_none", "radio_none"},     {"interstitial_not_now", "interstitial"}};
  auto it = kSteps.find(locator);
  return it == kSteps.end() ? nullptr : it->second;
}

inline bool known_host(std::string_view host) {
  return host == "www.instagram.com" || host == "accountscenter.instagram.com" || host == "www.facebook.com" || host == "m.facebook.com";
}

// Oracle 4, independent of core/url.cpp: where a browser would take this href from a page
// on a known host. True when it stays on Meta's hosts over https (or leads nowhere).
inline bool href_stays_on_meta(std::string_view raw) {
  std::string h;
  for (char c : raw)
    if (static_cast<unsigned char>(c) > 0x20 && c != 0x7f) h += c == '\\' ? '/' : c;
  if (h.empty() || h[0] == '#') return true;
  if (h.size() >= 2 && h[0] == '/' && h[1] == '/') h = "https:" + h;
  std::size_t colon = h.find(':');
  std::size_t delim = h.find_first_of("/?#");
  if (colon == std::string::npos || (delim != std::string::npos && delim < colon)) return true;  // relative: the page's own host
  std::string scheme;
  for (std::size_t k = 0; k < colon; ++k) scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(h[k])));
  if (scheme != "https" || h.compare(colon + 1, 2, "//") != 0) return false;
  std::string authority = h.substr(colon + 3, h.find_first_of("/?#", colon + 3) - (colon + 3));
  if (authority.find('@') != std::string::npos) return false;
  std::string host;
  for (char c : authority.substr(0, authority.find(':'))) host += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return known_host(host);
}

inline bool in_list(const nlohmann::json& list, const std::string& value) {
  if (!list.is_array()) return false;
  for (const auto& v : list)
    if (v.is_string() && v.get<std::string>() == value) return true;
  return false;
}

// Clicks per milestone locator in one sequence, and whether the person was asked to act in
// the page since (oracle 2 across steps).
struct MilestoneCount {
  std::map<std::string, int> clicks;
  std::map<std::string, bool> person_since;
};

// One decision, decided from `prev` (a state the core accepted) on `snapshot` (its text).
inline void check_decision(const nlohmann::json& decision, const nlohmann::json& prev, const std::string& snapshot,
                           MilestoneCount* counts = nullptr) {
  auto kind = at(decision, "kind");
  if (counts && kind == "ask_user") {
    auto reason = at(decision, "reason");
    bool consent = reason == "confirm_account" || reason == "confirm_unlink" || reason == "choose_unlink";
    if (!consent)
      for (auto& [loc, since] : counts->person_since) since = true;
  }
  if (kind == "navigate") {
    auto url = at(decision, "url");
    bool listed = false;
    for (int p = 0; p < crosslink::pack::kPageCount && url.is_string(); ++p) listed = listed || url == crosslink::pack::kPages[p].url;
    if (!listed) __builtin_trap();  // oracle 1
    return;
  }
  if (kind != "click" && kind != "toggle") return;
  auto role = at(decision, "role");
  if (role == "textbox" || role == "searchbox" || role == "combobox") __builtin_trap();  // oracle 3
  auto locator = at(decision, "locator");
  std::string loc = locator.is_string() ? locator.get<std::string>() : "";
  if (const char* step = milestone_of(loc)) {
    if (in_list(at(prev, "steps"), step)) __builtin_trap();                  // oracle 2: taken before
    if (counts) {                                                             // oracle 2: twice in a sequence
      int& n = counts->clicks[loc];
      if (n >= 1 && !(n == 1 && counts->person_since[loc] && in_list(at(prev, "retaken"), step))) __builtin_trap();
      ++n;
      counts->person_since[loc] = false;
    }
  }
  auto snap = nlohmann::json::parse(snapshot, nullptr, false);
  auto target = at(decision, "target");
  auto elements = at(snap, "elements");
  if (elements.is_array() && target.is_number_integer()) {
    for (const auto& e : elements) {
      if (at(e, "i") != target) continue;
      auto r = at(e, "role");
      if (r == "textbox" || r == "searchbox" || r == "combobox") __builtin_trap();  // oracle 3, on the page
      auto href = at(e, "href");
      if (href.is_string() && !href_stays_on_meta(href.get<std::string>())) __builtin_trap();  // oracle 4
    }
  }
  if (loc == "fb_continue" || loc == "facebook_card_link") {  // oracle 5
    auto params = at(prev, "params");
    auto named = at(params, "facebookAccount");
    bool given = named.is_string() && !named.get<std::string>().empty();
    if (!given && !(loc == "fb_continue" && at(prev, "consented") == true)) __builtin_trap();
  }
}

}  // namespace fuzz
