// A snapshot being decided on: the parsed elements plus what every locator asks of them
// (folded names and text lines, elements by role, the enclosing dialog or list item),
// each computed once on first use, so a decision on 5,000 elements stays cheap.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "snapshot.h"
#include "url.h"

namespace crosslink {

class Page {
 public:
  explicit Page(const Snapshot& snapshot);

  const Snapshot& snapshot() const { return snap_; }
  const Element& element(int i) const { return snap_.elements[static_cast<std::size_t>(i)]; }
  int size() const { return static_cast<int>(snap_.elements.size()); }
  const Url& url() const { return url_; }
  // 0..4 (en es pt de fr) from the snapshot's lang; -1 when it names none of them.
  int locale() const { return locale_; }

  // Indices of the elements with this role, in document order.
  const std::vector<int>& with_role(Role role) const;
  // Folded accessible name; folded visible text, one folded line per '\n'.
  std::string_view folded_name(int i) const;
  std::string_view folded_text(int i) const;
  // The nearest enclosing element of these roles (itself excluded), -1 if none.
  int enclosing(int i, Role a, Role b = Role::Count) const;

 private:
  const Snapshot& snap_;
  Url url_;
  int locale_ = -1;
  mutable bool indexed_ = false;
  mutable std::vector<int> by_role_[static_cast<int>(Role::Count)];
  // Folded names and texts of the elements asked about, in one buffer sized up front
  // (folding never lengthens text), so the views handed out stay valid.
  struct Folded {
    uint32_t name_at = 0, name_size = 0, text_at = 0, text_size = 0;
    bool done = false;
  };
  mutable std::string arena_;
  mutable std::vector<Folded> folded_;
};

// Locale index of a BCP 47 tag ("pt-BR" → pt), -1 for any other language.
int locale_index(std::string_view lang);

}  // namespace crosslink
