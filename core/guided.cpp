// Guided steps and taught wordings (core/guided.h).
#include "guided.h"

#include <algorithm>
#include <set>

#include "fold.h"
#include "locator.h"
#include "reading.h"
#include "screens.h"

namespace crosslink::guided {
namespace {

using nlohmann::json;

std::vector<Wording>& table() {
  static std::vector<Wording> t;
  return t;
}

bool is_token(const std::string& s, std::size_t max) {
  if (s.empty() || s.size() > max) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == ':' || c == '.')) return false;
  return true;
}

int locator_index(std::string_view id) {
  for (int l = 0; l < pack::kLocatorCount; ++l)
    if (id == pack::kLocators[l].id) return l;
  return -1;
}

// Roles a person's click may be taught as: what the actuator clicks, never a text field.
bool teachable_role(Role r) {
  return r == Role::Button || r == Role::Link || r == Role::Switch || r == Role::Checkbox || r == Role::Radio ||
         r == Role::MenuItem || r == Role::MenuItemCheckbox || r == Role::MenuItemRadio || r == Role::Tab || r == Role::Option;
}

std::set<std::string> words_of(std::string_view folded) {
  std::set<std::string> out;
  std::string w;
  for (char c : folded) {
    bool letter = static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (letter) w += c;
    else if (!w.empty()) { out.insert(w); w.clear(); }
  }
  if (!w.empty()) out.insert(w);
  out.erase("");
  return out;
}

// The shipped wordings of a locator's first worded probe, folded, in the page's locale
// (all locales when it has none); `shown` gets the one to say to the person.
std::vector<std::string> expected_wordings(pack::Loc loc, int locale, std::string& shown) {
  std::vector<std::string> out;
  const pack::LocatorRow& row = pack::kLocators[static_cast<int>(loc)];
  for (int p = row.first; p < row.first + row.count; ++p) {
    const pack::Probe& probe = pack::kProbes[p];
    if (probe.text < 0) continue;
    const pack::TextRow& text = pack::kTexts[probe.text];
    for (int w = text.first; w < text.first + text.count; ++w) {
      const pack::Wording& wording = pack::kWordings[w];
      if (locale >= 0 && wording.locale != locale && wording.locale != 0) continue;
      out.push_back(fold(wording.text));
    }
    if (!out.empty()) break;
  }
  // The person's language first: the first wording in the page's locale, else English.
  const pack::TextRow* first = nullptr;
  for (int p = row.first; p < row.first + row.count && !first; ++p)
    if (pack::kProbes[p].text >= 0) first = &pack::kTexts[pack::kProbes[p].text];
  if (first) {
    const char* en = nullptr;
    const char* mine = nullptr;
    for (int w = first->first; w < first->first + first->count; ++w) {
      if (!en && pack::kWordings[w].locale == 0) en = pack::kWordings[w].text;
      if (!mine && locale >= 0 && pack::kWordings[w].locale == locale) mine = pack::kWordings[w].text;
    }
    shown = mine ? mine : en ? en : "";
  }
  return out;
}

uint32_t locator_roles(pack::Loc loc) {
  const pack::LocatorRow& row = pack::kLocators[static_cast<int>(loc)];
  uint32_t roles = 0;
  for (int p = row.first; p < row.first + row.count; ++p) roles |= pack::kProbes[p].roles;
  return roles;
}

}  // namespace

Expected<std::vector<Wording>> parse_taught(const json& list) {
  if (list.is_null()) return std::vector<Wording>{};
  if (!list.is_array()) return Error{"bad_taught", "taught wordings: expected a list"};
  if (list.size() > kMaxTaught) return Error{"bad_taught", "taught wordings: at most " + std::to_string(kMaxTaught)};
  std::vector<Wording> out;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const json& e = list[k];
    const std::string at = "taught wording " + std::to_string(k + 1) + ": ";
    if (!e.is_object()) return Error{"bad_taught", at + "not an object"};
    auto str = [&](const char* key) { return e.contains(key) && e[key].is_string() ? e[key].get<std::string>() : std::string("\x01"); };
    Wording w{str("id"), str("locator"), str("locale"), str("role"), str("name"), ""};
    if (!is_token(w.id, 64)) return Error{"bad_taught", at + "id"};
    if (locator_index(w.locator) < 0) return Error{"bad_taught", at + "unknown locator"};
    if (w.locale == "\x01") w.locale = "";
    if (!w.locale.empty() && locale_index(w.locale) < 0) return Error{"bad_taught", at + "unknown locale"};
    if (!teachable_role(role_from_name(w.role))) return Error{"bad_taught", at + "role must be a button, link, switch or the like"};
    if (w.name == "\x01" || w.name.size() > kMaxName) return Error{"bad_taught", at + "name"};
    w.folded = fold(w.name);
    if (w.folded.empty()) return Error{"bad_taught", at + "empty name"};
    out.push_back(std::move(w));
  }
  return out;
}

void set_taught(std::vector<Wording> t) { table() = std::move(t); }
const std::vector<Wording>& taught() { return table(); }

bool find_taught(const Page& page, pack::Loc locator, std::vector<int>& elements, int& which) {
  const std::vector<Wording>& t = table();
  if (t.empty()) return false;
  const char* id = locator_id(locator);
  const std::string locale = locale_name(page.locale());
  for (std::size_t k = 0; k < t.size(); ++k) {
    const Wording& w = t[k];
    if (w.locator != id || (!w.locale.empty() && !locale.empty() && w.locale != locale)) continue;
    Role role = role_from_name(w.role);
    for (int i : page.with_role(role))
      if (page.folded_name(i) == w.folded) elements.push_back(i);
    if (!elements.empty()) {
      which = static_cast<int>(k);
      return true;
    }
  }
  return false;
}

json guide_for(const FlowState& st, const Page& page, Screen screen, const Error& error) {
  json g = {{"screen", screen_name(screen)}, {"locale", locale_name(page.locale())}, {"locator", ""}, {"action", "continue"},
            {"wording", ""}, {"candidates", json::array()}};
  if (error.name != "not_found") return g;
  g["action"] = "click";  // a control this step needs, not named by one locator: "the button for this step"
  int l = locator_index(error.detail.substr(0, error.detail.find(' ')));
  if (l < 0) return g;
  const pack::Loc loc = static_cast<pack::Loc>(l);
  g["locator"] = pack::kLocators[l].id;
  g["action"] = "click";
  for (int k = 0; k < 4; ++k)
    if (kSwitchLocators[k] == loc && st.params.sharing[k] >= 0) g["action"] = st.params.sharing[k] ? "switch_on" : "switch_off";
  std::string shown;
  std::vector<std::string> wanted = expected_wordings(loc, page.locale(), shown);
  g["wording"] = shown;
  std::set<std::string> want_words;
  for (const std::string& w : wanted)
    for (const std::string& word : words_of(w)) want_words.insert(word);
  // Candidates: the elements of the locator's roles, scored by the words they share with
  // the wordings expected. Outlined for the person; never clicked.
  uint32_t roles = locator_roles(loc);
  if (!roles) roles = (1u << static_cast<int>(Role::Button)) | (1u << static_cast<int>(Role::Link));
  struct Scored { int score, i; };
  std::vector<Scored> scored;
  for (const Element& e : page.snapshot().elements) {
    if (!(roles & (1u << static_cast<int>(e.role))) || e.disabled || !teachable_role(e.role)) continue;
    std::string_view label = page.folded_name(e.index);
    if (label.empty()) label = page.folded_text(e.index).substr(0, page.folded_text(e.index).find('\n'));
    if (wording_of(label) >= 0) continue;  // a control the core knows by its shipped wording is not the one lost
    int score = 0;
    for (const std::string& word : words_of(label)) score += want_words.count(word) ? 1 : 0;
    if (score > 0) scored.push_back({score, e.index});
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
  for (std::size_t k = 0; k < scored.size() && k < 3; ++k) {
    const Element& e = page.element(scored[k].i);
    g["candidates"].push_back({{"i", e.index}, {"role", e.role == Role::Other ? std::string(e.role_text) : role_name(e.role)},
                               {"name", std::string(e.name)}});
  }
  return g;
}

bool divert(FlowState& st, const Page& page, Screen screen, const Error& error, long long now, Decision& out) {
  if (error.name != "not_found" && error.name != "unknown_screen" && error.name != "ambiguous_screen") return false;
  if (!page.snapshot().readable) return false;
  if (st.status != FlowStatus::NeedsUser || st.asked != "guided") {
    st.status = FlowStatus::NeedsUser;
    st.asked = "guided";
    st.asked_at = now;
  }
  out = Decision{};
  out.kind = DecisionKind::AskUser;
  out.screen = screen_name(screen);
  out.reason = "guided";
  out.guide = guide_for(st, page, screen, error);
  out.guide["error"] = error.name;
  return true;
}

void note(Decision& d, const Page& page, pack::Loc locator) {
  if (table().empty()) return;
  std::vector<int> elements;
  int which = -1;
  if (find_taught(page, locator, elements, which) && elements.front() == d.target) d.taught = table()[static_cast<std::size_t>(which)].id;
}

}  // namespace crosslink::guided
