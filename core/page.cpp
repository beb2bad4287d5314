#include "page.h"

#include "fold.h"
#include "pack.h"

namespace crosslink {

int locale_index(std::string_view lang) {
  std::string primary;
  for (char c : lang) {
    if (c == '-' || c == '_') break;
    primary += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  for (int l = 0; l < pack::kLocaleCount; ++l)
    if (primary == pack::kLocales[l]) return l;
  return -1;
}

Page::Page(const Snapshot& snapshot) : snap_(snapshot), url_(parse_url(snapshot.url)), locale_(locale_index(snapshot.lang)) {}

const std::vector<int>& Page::with_role(Role role) const {
  if (!indexed_) {
    for (const Element& e : snap_.elements) by_role_[static_cast<int>(e.role)].push_back(e.index);
    indexed_ = true;
  }
  return by_role_[static_cast<int>(role)];
}

std::string_view Page::folded_name(int i) const {
  if (folded_.empty()) {
    folded_.assign(snap_.elements.size(), false);
    names_.resize(snap_.elements.size());
    texts_.resize(snap_.elements.size());
  }
  auto k = static_cast<std::size_t>(i);
  if (!folded_[k]) {
    const Element& e = snap_.elements[k];
    fold_into(e.name, names_[k]);
    std::string_view text = e.text;
    for (std::size_t start = 0; start <= text.size();) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::size_t before = texts_[k].size();
      if (before) texts_[k] += '\n';
      fold_into(text.substr(start, end - start), texts_[k]);
      if (texts_[k].size() == before + (before ? 1 : 0)) texts_[k].resize(before);  // an empty line
      start = end + 1;
    }
    folded_[k] = true;
  }
  return names_[k];
}

std::string_view Page::folded_text(int i) const {
  folded_name(i);
  return texts_[static_cast<std::size_t>(i)];
}

int Page::enclosing(int i, Role a, Role b) const {
  for (int c = element(i).container; c >= 0; c = element(c).container)
    if (element(c).role == a || element(c).role == b) return c;
  return -1;
}

}  // namespace crosslink
