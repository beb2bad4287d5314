// Finding elements by the named locators of core/data/locators.json: role + accessible
// name / text lines / href, per locale with a fallback to every locale, folded so case,
// diacritics and extra whitespace do not matter.
#pragma once
#include <string_view>
#include <vector>

#include "pack.h"
#include "page.h"

namespace crosslink {

struct Found {
  std::vector<int> elements;  // every element the first successful probe found, in order
  int probe = -1;             // which probe of the locator (0: the preferred wording)
  int locale = -1;            // the locale whose wording matched, -1 for language-free probes
  int taught = -1;            // a taught wording matched (core/guided.h): its index, probe 0
  bool empty() const { return elements.empty(); }
  int first() const { return elements.empty() ? -1 : elements.front(); }
};

Found find(const Page& page, pack::Loc locator);
const char* locator_id(pack::Loc locator);

// Does this folded text match one of the key's wordings (in `locale`, or any when -1)?
// Returns the locale of the wording that matched, -1 if none did.
int match_text(pack::Text key, std::string_view folded, int locale);
// The same against the element's name and (unless name_only) each line of its text.
int match_element(const Page& page, int i, pack::Text key, int locale, bool name_only = false);
// The element's folded name or a line of its folded text equals this text, folded.
bool element_says(const Page& page, int i, std::string_view words);

// The shipped wording (any key, any locale) this folded text is: exactly, or by a pattern
// with "{name}" in it. Its index into pack::kWordings, -1 if none (core/report.cpp).
int wording_of(std::string_view folded);

// '*' in pattern matches any run of characters (also none).
bool glob(std::string_view pattern, std::string_view text);

}  // namespace crosslink
