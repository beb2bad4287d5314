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
    folded_.resize(snap_.elements.size());
    std::size_t room = 0;
    for (const Element& e : snap_.elements) room += e.name.size() + e.text.size() + 1;
    arena_.reserve(room);
  }
  Folded& f = folded_[static_cast<std::size_t>(i)];
  if (!f.done) {
    const Element& e = snap_.elements[static_cast<std::size_t>(i)];
    f.name_at = static_cast<uint32_t>(arena_.size());
    fold_into(e.name, arena_);
    f.name_size = static_cast<uint32_t>(arena_.size() - f.name_at);
    f.text_at = static_cast<uint32_t>(arena_.size());
    std::string_view text = e.text;
    for (std::size_t start = 0; start <= text.size();) {  // one folded line per line
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::size_t before = arena_.size();
      if (before > f.text_at) arena_ += '\n';
      std::size_t line = arena_.size();
      fold_into(text.substr(start, end - start), arena_);
      if (arena_.size() == line) arena_.resize(before);  // an empty line
      start = end + 1;
    }
    f.text_size = static_cast<uint32_t>(arena_.size() - f.text_at);
    f.done = true;
  }
  return std::string_view(arena_.data() + f.name_at, f.name_size);
}

std::string_view Page::folded_text(int i) const {
  folded_name(i);
  const Folded& f = folded_[static_cast<std::size_t>(i)];
  return std::string_view(arena_.data() + f.text_at, f.text_size);
}

int Page::enclosing(int i, Role a, Role b) const {
  for (int c = element(i).container; c >= 0; c = element(c).container)
    if (element(c).role == a || element(c).role == b) return c;
  return -1;
}

}  // namespace crosslink
