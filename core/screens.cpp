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
      const pack::ScreenRule& rule = pack::kScreens[s];
      if (!(rule.hosts & host)) continue;
      if (by_path && rule.paths_count == 0) continue;
      // A pattern with a '?' is matched against path and query, and is Meta's own name for
      // the step (`?auth_flow=reauth`): content enough, whatever the page's words.
      bool path_matches = false;
      const char* query_pattern = nullptr;  // the pattern, not the address: its query may hold tokens
      for (int p = rule.paths_first; !path_matches && p < rule.paths_first + rule.paths_count; ++p) {
        bool with_query = std::string_view(pack::kPaths[p]).find('?') != std::string_view::npos;
        path_matches = glob(pack::kPaths[p], with_query ? address : path);
        if (path_matches && with_query) query_pattern = pack::kPaths[p];
      }
      if (by_path && !path_matches) continue;
      std::vector<std::string> evidence;
      int locale = -1;
      auto present = [&](int ref, bool record, std::size_t at_least = 1) {
        pack::Loc loc = static_cast<pack::Loc>(pack::kRefs[ref]);
        Found f = find(page, loc);
        if (f.elements.size() < at_least) return false;
        if (record) {
          std::string e = std::string(locator_id(loc)) + ": " + describe(page, f.first());
          if (at_least > 1) e += " and " + std::to_string(f.elements.size() - 1) + " more";
          evidence.push_back(std::move(e));
        }
        if (locale < 0) locale = f.locale;
        return true;
      };
      bool ok = true;
      for (int r = rule.requires_first; ok && r < rule.requires_first + rule.requires_count; ++r) ok = present(r, true);
      for (int r = rule.unless_first; ok && r < rule.unless_first + rule.unless_count; ++r) ok = !present(r, false);
      if (!ok) continue;
      if (!by_path) {
        bool marked = false;
        for (int m = rule.markers_first; !marked && m < rule.markers_first + rule.markers_count; ++m) marked = present(m, true);
        for (int m = rule.several_first; !marked && m < rule.several_first + rule.several_count; ++m) marked = present(m, true, 2);
        // What it requires, found where its path was seen, is content enough.
        if (!marked && !(rule.requires_count > 0 && path_matches) && !query_pattern) continue;
      }
      if (path_matches) evidence.insert(evidence.begin(), query_pattern ? std::string("address ") + query_pattern : "path " + path);
      evidence.insert(evidence.begin(), "host " + page.url().host);
      out.screen = static_cast<Screen>(s);  // the rules are the enum, in order
      out.evidence = std::move(evidence);
      if (out.locale < 0) out.locale = locale;
      return out;
    }
  }
  out.evidence.push_back("no screen rule matches " + page.url().host + path);
  return out;
}

}  // namespace crosslink
