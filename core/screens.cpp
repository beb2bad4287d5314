#include "screens.h"

#include <cstring>

#include "locator.h"

namespace crosslink {
namespace {

uint32_t host_bit(const std::string& host) {
  for (int h = 0; h < pack::kScreenHostCount; ++h)
    if (host == pack::kScreenHosts[h]) return 1u << h;
  return 0;
}

constexpr uint32_t kEveryHost = pack::kScreenHostCount >= 32 ? ~0u : (1u << pack::kScreenHostCount) - 1;

bool registry_host(const std::string& host) {
  for (int h = 0; h < registry::kHostCount; ++h)
    if (host == pack::kHosts[h]) return true;
  return false;
}

}  // namespace

const char* screen_name(Screen screen) { return registry::kScreenNames[static_cast<int>(screen)]; }

bool screen_from_name(std::string_view name, Screen& out) {
  return registry::from_name(name, registry::kScreenCount, [](int s) { return registry::kScreenNames[s]; }, out);
}

const char* locale_name(int locale) { return locale >= 0 && locale < pack::kLocaleCount ? pack::kLocales[locale] : ""; }

std::string describe(const Page& page, int i) {
  const Element& e = page.element(i);
  std::string label(e.name.empty() ? e.text.substr(0, e.text.find('\n')) : e.name);
  if (label.size() > 60) label = label.substr(0, 57) + "...";
  return std::string(e.role == Role::Other ? std::string(e.role_text) : role_name(e.role)) + " \"" + label + "\" #" +
         std::to_string(i);
}

bool meta_host(std::string_view host) {
  for (int h = 0; h < pack::kScreenHostCount; ++h)
    if (host == pack::kScreenHosts[h]) return true;
  return false;
}

const char* person_reason(Screen screen) {
  int s = static_cast<int>(screen);
  return s >= 0 && s < pack::kScreenCount ? pack::kScreens[s].ask : nullptr;
}

namespace {

// A rule that holds, with what it was seen by.
struct Match {
  std::vector<std::string> evidence;
  int locale = -1;
  int marker = -1;  // the element its words or controls were seen on (-1: its address alone)
};

// The dialog an element is drawn in (itself when it is one), -1 on the page itself.
int layer(const Page& page, int i) {
  if (i < 0) return -1;
  Role r = page.element(i).role;
  return r == Role::Dialog || r == Role::AlertDialog ? i : page.enclosing(i, Role::Dialog, Role::AlertDialog);
}

// Whether rule s holds on this page: by what it shows (by_path false), or, for a page whose
// words we do not know, by the address it was seen at (by_path true).
bool holds(const Page& page, int s, bool by_path, uint32_t host, const std::string& path, const std::string& address,
           Match& out) {
  const pack::ScreenRule& rule = pack::kScreens[s];
  if (!(rule.hosts & host)) return false;
  if (by_path && rule.paths_count == 0) return false;
  // A pattern with a '?' is matched against path and query, and is Meta's own name for
  // the step (`?auth_flow=reauth`): content enough, whatever the page's words.
  bool path_matches = false;
  const char* query_pattern = nullptr;  // the pattern, not the address: its query may hold tokens
  for (int p = rule.paths_first; !path_matches && p < rule.paths_first + rule.paths_count; ++p) {
    bool with_query = std::string_view(pack::kPaths[p]).find('?') != std::string_view::npos;
    path_matches = glob(pack::kPaths[p], with_query ? address : path);
    if (path_matches && with_query) query_pattern = pack::kPaths[p];
  }
  if (by_path && !path_matches) return false;
  Match m;
  auto present = [&](int ref, bool record, std::size_t at_least = 1) {
    pack::Loc loc = static_cast<pack::Loc>(pack::kRefs[ref]);
    Found f = find(page, loc);
    if (f.elements.size() < at_least) return -1;
    if (record) {
      std::string e = std::string(locator_id(loc)) + ": " + describe(page, f.first());
      if (at_least > 1) e += " and " + std::to_string(f.elements.size() - 1) + " more";
      m.evidence.push_back(std::move(e));
    }
    if (m.locale < 0) m.locale = f.locale;
    return f.first();
  };
  for (int r = rule.requires_first; r < rule.requires_first + rule.requires_count; ++r)
    if (present(r, true) < 0) return false;
  for (int r = rule.unless_first; r < rule.unless_first + rule.unless_count; ++r)
    if (present(r, false) >= 0) return false;
  if (!by_path) {
    for (int k = rule.markers_first; m.marker < 0 && k < rule.markers_first + rule.markers_count; ++k) m.marker = present(k, true);
    for (int k = rule.several_first; m.marker < 0 && k < rule.several_first + rule.several_count; ++k) m.marker = present(k, true, 2);
    // What it requires, found where its path was seen, is content enough.
    if (m.marker < 0 && !(rule.requires_count > 0 && path_matches) && !query_pattern) return false;
  }
  if (path_matches) m.evidence.insert(m.evidence.begin(), query_pattern ? std::string("address ") + query_pattern : "path " + path);
  m.evidence.insert(m.evidence.begin(), "host " + page.url().host);
  out = std::move(m);
  return true;
}

// Whether the rule that held first can have a rival at all: a rule of every host (a rate
// limit, the person's decisions) is drawn over whatever page is behind it, and asking the
// person is safe whatever else the page shows.
bool may_be_ambiguous(int first) {
  return pack::kScreens[first].hosts != kEveryHost && !person_reason(static_cast<Screen>(first));
}

// A later rule worth trying as a rival: one that can hold by its own words or controls
// (markers), not a person's decision, and not one the first rule is known to be a narrower
// case of (screens.json "over").
bool may_rival(int first, int s) {
  const pack::ScreenRule& rule = pack::kScreens[s];
  if (rule.markers_count + rule.several_count == 0 || person_reason(static_cast<Screen>(s))) return false;
  const pack::ScreenRule& won = pack::kScreens[first];
  for (int o = won.over_first; o < won.over_first + won.over_count; ++o)
    if (pack::kOver[o] == s) return false;
  return true;
}

// Two screens of the flows at once: both held by their own words or controls, drawn in the
// same layer (the same dialog, or both on the page).
bool rival(const Page& page, const Match& won, const Match& other) {
  return won.marker >= 0 && other.marker >= 0 && layer(page, won.marker) == layer(page, other.marker);
}

}  // namespace

Recognition recognize(const Page& page) {
  Recognition out;
  out.locale = page.locale();
  if (!page.snapshot().readable) {
    out.screen = Screen::unreadable;
    const std::string& h = page.url().host;
    if (h.empty()) out.evidence.push_back("the extension may not read this page");
    else if (host_bit(h) && !registry_host(h)) out.evidence.push_back("the extension may not read " + h + " (a Meta host Crosslink has no access to)");
    else out.evidence.push_back("the extension may not read " + h);
    return out;
  }
  const uint32_t host = host_bit(page.url().host);
  const std::string& path = page.url().path.empty() ? std::string("/") : page.url().path;
  const std::string address = page.url().query.empty() ? path : path + "?" + page.url().query;
  // Two passes. First what the page shows: a rule holds when its words or controls are
  // there (markers, or a locator found twice or more: several), whatever the address —
  // a step may be a page of its own or a dialog over any background page; the path, where
  // it matches, is recorded as supporting evidence. Only when no rule holds by content,
  // the addresses seen on the site stand in for it (a page whose words we do not know).
  for (int by_path = 0; by_path < 2; ++by_path) {
    for (int s = 0; s < pack::kScreenCount; ++s) {
      Match won;
      if (!holds(page, s, by_path, host, path, address, won)) continue;
      if (!by_path && won.marker >= 0 && may_be_ambiguous(s)) {
        for (int t = s + 1; t < pack::kScreenCount; ++t) {
          Match other;
          if (!may_rival(s, t) || !holds(page, t, false, host, path, address, other) || !rival(page, won, other)) continue;
          // Acting on either would be a click on a guess: named, with both sides' evidence,
          // the summary last (what an error detail quotes).
          const std::string a = screen_name(static_cast<Screen>(s)), b = screen_name(static_cast<Screen>(t));
          out.screen = Screen::ambiguous;
          for (auto& e : won.evidence) out.evidence.push_back(a + ": " + e);
          for (auto& e : other.evidence) out.evidence.push_back(b + ": " + e);
          out.evidence.push_back("two screens at once: " + a + " (" + describe(page, won.marker) + ") and " + b + " (" +
                                 describe(page, other.marker) + ")");
          if (out.locale < 0) out.locale = won.locale;
          return out;
        }
      }
      out.screen = static_cast<Screen>(s);  // the rules are the enum, in order
      out.evidence = std::move(won.evidence);
      if (out.locale < 0) out.locale = won.locale;
      return out;
    }
  }
  out.evidence.push_back("no screen rule matches " + page.url().host + path);
  return out;
}

}  // namespace crosslink
