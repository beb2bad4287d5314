#include "locator.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "fold.h"
#include "guided.h"

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

// What any match of a key in a locale needs, known before folding anything: at least
// `shortest` bytes (folding never lengthens text) and, unless a wording starts with a
// placeholder, one of `first` as first character. Computed once per key and locale.
struct Prefilter {
  std::size_t shortest = SIZE_MAX;
  bool any_first = false;
  bool first[128] = {};
};

const Prefilter& prefilter(pack::Text key, int locale) {
  static std::vector<Prefilter> table(static_cast<std::size_t>(pack::kTextCount) * (pack::kLocaleCount + 1));
  static std::vector<bool> ready(table.size());
  std::size_t slot = static_cast<std::size_t>(key) * (pack::kLocaleCount + 1) + static_cast<std::size_t>(locale + 1);
  Prefilter& f = table[slot];
  if (!ready[slot]) {
    const std::vector<std::string>& wordings = folded_wordings();
    const pack::TextRow& row = pack::kTexts[static_cast<int>(key)];
    for (int w = row.first; w < row.first + row.count; ++w) {
      if (locale >= 0 && pack::kWordings[w].locale != locale) continue;
      const std::string& needle = wordings[static_cast<std::size_t>(w)];
      std::size_t n = 0;
      for (char c : needle) n += c == '\x02' ? 0 : 1;
      f.shortest = std::min(f.shortest, n);
      unsigned char c0 = needle.empty() ? 0 : static_cast<unsigned char>(needle[0]);
      if (c0 == static_cast<unsigned char>(kPlaceholder) || c0 >= 0x80) f.any_first = true;
      else f.first[c0] = true;
    }
    ready[slot] = true;
  }
  return f;
}

// Could some line of this raw text fold to a match? Lines whose first byte is plain
// ASCII fold to start with that byte in lower case (snapshots are trimmed).
bool might_match(const Prefilter& f, std::string_view raw) {
  if (raw.size() < f.shortest) return false;
  if (f.any_first) return true;
  for (std::size_t start = 0; start < raw.size();) {
    unsigned char c = static_cast<unsigned char>(raw[start]);
    if (c >= 0x80 || c == ' ' || c == '\t') return true;
    if (f.first[c >= 'A' && c <= 'Z' ? c + 32 : c]) return true;
    std::size_t nl = raw.find('\n', start);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return false;
}

int match_element(const Page& page, int i, pack::Text key, int locale, bool name_only) {
  const Element& e = page.element(i);
  const Prefilter& f = prefilter(key, locale);
  bool by_name = might_match(f, e.name);
  bool by_text = !name_only && might_match(f, e.text);
  if (!by_name && !by_text) return -1;
  int l = by_name ? match_text(key, page.folded_name(i), locale) : -1;
  if (l >= 0 || !by_text) return l;
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

int wording_of(std::string_view folded) {
  if (folded.empty()) return -1;
  const std::vector<std::string>& table = folded_wordings();
  for (int w = 0; w < pack::kWordingCount; ++w)
    if (wording_matches(table[static_cast<std::size_t>(w)], folded)) return w;
  return -1;
}

const char* locator_id(pack::Loc locator) { return pack::kLocators[static_cast<int>(locator)].id; }

Found find(const Page& page, pack::Loc locator) {
  const pack::LocatorRow& row = pack::kLocators[static_cast<int>(locator)];
  Found found;
  // Wordings the person taught (core/guided.h) before the shipped ones.
  if (guided::find_taught(page, locator, found.elements, found.taught)) {
    found.probe = 0;
    found.locale = page.locale();
    return found;
  }
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
