#include "locator.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "fold.h"

namespace crosslink {
namespace {

constexpr char kPlaceholder = '\x01';  // "{name}" in a wording: one or more characters

// Wordings folded once; placeholders become kPlaceholder.
const std::vector<std::string>& folded_wordings() {
  static const std::vector<std::string> table = [] {
    std::vector<std::string> out(pack::kWordingCount);
    for (int w = 0; w < pack::kWordingCount; ++w) {
      std::string f = fold(pack::kWordings[w].text);
      std::string& o = out[static_cast<std::size_t>(w)];
      for (std::size_t k = 0; k < f.size(); ++k) {
        std::size_t close = f[k] == '{' ? f.find('}', k) : std::string::npos;
        if (close != std::string::npos) { o += kPlaceholder; k = close; }
        else o += f[k];
      }
      if (o.find(kPlaceholder) != std::string::npos) o += '\x02';  // marks a pattern
    }
    return out;
  }();
  return table;
}

// Wildcard match: `any` matches a run of characters, at least `min_run` long.
bool wildcard(std::string_view p, std::string_view s, char any, std::size_t min_run) {
  std::size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
  while (si < s.size()) {
    if (pi < p.size() && p[pi] == any && s.size() - si >= min_run) {
      star = pi++;
      si += min_run;
      mark = si;
    } else if (pi < p.size() && p[pi] == s[si]) {
      ++pi, ++si;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      si = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == any && min_run == 0) ++pi;
  return pi == p.size();
}

bool wording_matches(const std::string& needle, std::string_view text) {
  // Folded wordings end in kPlaceholder + 1 when they have one (see folded_wordings).
  if (needle.empty() || needle.back() != '\x02') return needle == text;
  return wildcard(std::string_view(needle).substr(0, needle.size() - 1), text, kPlaceholder, 1);
}

// The href's path and query, without scheme and host.
std::string_view href_path(std::string_view href) {
  std::size_t scheme = href.find("://");
  if (scheme != std::string_view::npos && scheme < href.find_first_of("/?#")) {
    std::size_t slash = href.find('/', scheme + 3);
    href = slash == std::string_view::npos ? std::string_view("/") : href.substr(slash);
  }
  return href.substr(0, href.find('#'));
}

bool line_matches(pack::Text key, std::string_view lines, int locale, int& matched) {
  for (std::size_t start = 0; start < lines.size();) {
    std::size_t end = lines.find('\n', start);
    if (end == std::string_view::npos) end = lines.size();
    if ((matched = match_text(key, lines.substr(start, end - start), locale)) >= 0) return true;
    start = end + 1;
  }
  return false;
}

bool probe_accepts(const Page& page, int i, const pack::Probe& p, int locale, int& matched) {
  const Element& e = page.element(i);
  if (p.scope == 1 && page.enclosing(i, Role::Dialog, Role::AlertDialog) < 0) return false;
  if (p.scope == 2 && page.enclosing(i, Role::Dialog, Role::AlertDialog) >= 0) return false;
  if (p.scope == 3 && page.enclosing(i, Role::ListItem) < 0) return false;
  if (p.href && (e.href.empty() || !glob(p.href, href_path(e.href)))) return false;
  if (p.card >= 0) {
    int card = e.role == Role::ListItem ? i : page.enclosing(i, Role::ListItem);
    int ignored;
    if (card < 0 || !line_matches(static_cast<pack::Text>(p.card), page.folded_text(card), locale, ignored)) return false;
  }
  matched = -1;
  if (p.text >= 0) return (matched = match_element(page, i, static_cast<pack::Text>(p.text), locale, p.name_only)) >= 0;
  return true;
}

// The elements a probe looks at, in document order: one role's index, or a filter.
void candidates(const Page& page, uint32_t roles, std::vector<int>& out) {
  out.clear();
  if (roles && !(roles & (roles - 1))) {
    int r = 0;
    while (!(roles & (1u << r))) ++r;
    const std::vector<int>& list = page.with_role(static_cast<Role>(r));
    out.assign(list.begin(), list.end());
    return;
  }
  for (const Element& e : page.snapshot().elements)
    if (!roles || (roles & (1u << static_cast<int>(e.role)))) out.push_back(e.index);
}

}  // namespace

bool glob(std::string_view pattern, std::string_view text) { return wildcard(pattern, text, '*', 0); }

int match_text(pack::Text key, std::string_view folded, int locale) {
  if (key == pack::Text::None || folded.empty()) return -1;
  const pack::TextRow& row = pack::kTexts[static_cast<int>(key)];
  const std::vector<std::string>& table = folded_wordings();
  for (int w = row.first; w < row.first + row.count; ++w) {
    int l = pack::kWordings[w].locale;
    if ((locale < 0 || l == locale) && wording_matches(table[static_cast<std::size_t>(w)], folded)) return l;
  }
  return -1;
}

// The fewest bytes a text can have and still match one of the key's wordings in this
// locale: folding never lengthens text, so anything shorter is skipped unfolded.
std::size_t shortest_match(pack::Text key, int locale) {
  static const std::vector<uint16_t> sizes = [] {
    std::vector<uint16_t> out(pack::kWordingCount);
    const std::vector<std::string>& table = folded_wordings();
    for (std::size_t w = 0; w < out.size(); ++w) {
      std::size_t n = 0;
      for (char c : table[w]) n += c == '\x02' ? 0 : 1;  // a placeholder stands for 1+ bytes
      out[w] = static_cast<uint16_t>(n);
    }
    return out;
  }();
  const pack::TextRow& row = pack::kTexts[static_cast<int>(key)];
  std::size_t least = SIZE_MAX;
  for (int w = row.first; w < row.first + row.count; ++w)
    if (locale < 0 || pack::kWordings[w].locale == locale) least = std::min<std::size_t>(least, sizes[static_cast<std::size_t>(w)]);
  return least;
}

int match_element(const Page& page, int i, pack::Text key, int locale, bool name_only) {
  const Element& e = page.element(i);
  std::size_t least = shortest_match(key, locale);
  if (e.name.size() < least && (name_only || e.text.size() < least)) return -1;
  int l = match_text(key, page.folded_name(i), locale);
  if (l >= 0 || name_only) return l;
  line_matches(key, page.folded_text(i), locale, l);
  return l;
}

bool element_says(const Page& page, int i, std::string_view words) {
  std::string want = fold(words);
  if (want.empty()) return false;
  if (page.folded_name(i) == want) return true;
  std::string_view lines = page.folded_text(i);
  for (std::size_t start = 0; start < lines.size();) {
    std::size_t end = lines.find('\n', start);
    if (end == std::string_view::npos) end = lines.size();
    if (lines.substr(start, end - start) == want) return true;
    start = end + 1;
  }
  return false;
}

const char* locator_id(pack::Loc locator) { return pack::kLocators[static_cast<int>(locator)].id; }

Found find(const Page& page, pack::Loc locator) {
  const pack::LocatorRow& row = pack::kLocators[static_cast<int>(locator)];
  Found found;
  std::vector<int> pool;
  // The page's own language first; then every language (a page half translated, a
  // missing lang attribute, a wording we only know in another locale).
  int passes[2] = {page.locale(), -1};
  for (int pass = page.locale() < 0 ? 1 : 0; pass < 2; ++pass) {
    for (int p = row.first; p < row.first + row.count; ++p) {
      const pack::Probe& probe = pack::kProbes[p];
      if (pass == 1 && page.locale() >= 0 && probe.text < 0 && probe.card < 0) continue;  // tried already
      candidates(page, probe.roles, pool);
      for (int i : pool) {
        int matched = -1;
        if (!probe_accepts(page, i, probe, passes[pass], matched)) continue;
        if (found.elements.empty()) found.locale = matched;
        found.elements.push_back(i);
      }
      if (!found.empty()) {
        found.probe = p - row.first;
        return found;
      }
    }
  }
  return found;
}

}  // namespace crosslink
