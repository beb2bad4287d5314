#include "screens.h"

#include <cstring>

#include "locator.h"

namespace crosslink {
namespace {

int host_bit(const std::string& host) {
  for (int h = 0; h < 4; ++h)
    if (host == pack::kHosts[h]) return 1 << h;
  return 0;
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

Recognition recognize(const Page& page) {
  Recognition out;
  out.locale = page.locale();
  if (!page.snapshot().readable) {
    out.screen = Screen::unreadable;
    out.evidence.push_back("the extension may not read " + (page.url().host.empty() ? std::string("this page") : page.url().host));
    return out;
  }
  const int host = host_bit(page.url().host);
  const std::string& path = page.url().path.empty() ? std::string("/") : page.url().path;
  // Two passes: first the rules that need words (dialogs) and the paths seen on the
  // site; only when none holds, the words that stand in for a path that changed.
  for (int fallback = 0; fallback < 2; ++fallback) {
    for (int s = 0; s < pack::kScreenCount; ++s) {
      const pack::ScreenRule& rule = pack::kScreens[s];
      if (!(rule.hosts & host) || (fallback && rule.paths_count == 0)) continue;
      bool path_matches = false;
      for (int p = rule.paths_first; !path_matches && p < rule.paths_first + rule.paths_count; ++p)
        path_matches = glob(pack::kPaths[p], path);
      if (!fallback && rule.paths_count > 0 && !path_matches) continue;
      std::vector<std::string> evidence;
      int locale = -1;
      auto present = [&](int ref, bool record) {
        pack::Loc loc = static_cast<pack::Loc>(pack::kRefs[ref]);
        Found f = find(page, loc);
        if (f.empty()) return false;
        if (record) evidence.push_back(std::string(locator_id(loc)) + ": " + describe(page, f.first()));
        if (locale < 0) locale = f.locale;
        return true;
      };
      bool ok = true;
      for (int r = rule.requires_first; ok && r < rule.requires_first + rule.requires_count; ++r) ok = present(r, true);
      for (int r = rule.unless_first; ok && r < rule.unless_first + rule.unless_count; ++r) ok = !present(r, false);
      if (!ok) continue;
      bool marked = false;
      for (int m = rule.markers_first; !marked && m < rule.markers_first + rule.markers_count; ++m) marked = present(m, true);
      if (!path_matches && !marked) continue;
      if (path_matches) evidence.insert(evidence.begin(), "path " + path);
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
