#include "reading.h"

#include <string>
#include <utility>
#include <vector>

#include "fold.h"
#include "locator.h"
#include "screens.h"
#include "url.h"

namespace crosslink {

using nlohmann::json;
using pack::Loc;

json read_accounts(const Page& page) {
  Found card = find(page, Loc::facebook_card);
  if (card.empty()) return {{"linked", false}, {"facebookName", ""}};
  std::string name;
  for (const std::string& line : lines_of(page.element(card.first()).text))
    if (match_text(pack::Text::ac_accounts_facebook, fold(line), -1) < 0) {
      name = line;
      break;
    }
  return {{"linked", true}, {"facebookName", name}};
}

json read_switches(const Page& page) {
  json out = json::object();
  for (int k = 0; k < 4; ++k) {
    Found f = find(page, kSwitchLocators[k]);
    if (!f.empty() && page.element(f.first()).checked >= 0) out[kSwitchKeys[k]] = page.element(f.first()).checked == 1;
  }
  return out;
}

json read_messaging(const Page& page) {
  Found row = find(page, Loc::others_row);
  json value = nullptr;
  if (!row.empty()) {
    std::vector<std::string> lines = lines_of(page.element(row.first()).text);
    static constexpr std::pair<pack::Text, const char*> kChoices[] = {
        {pack::Text::ig_messages_chats, "chats"}, {pack::Text::ig_messages_requests, "requests"}, {pack::Text::ig_messages_dont_receive, "none"}};
    for (std::size_t k = 1; k < lines.size() && value.is_null(); ++k)
      for (const auto& [text, name] : kChoices)
        if (match_text(text, fold(lines[k]), -1) >= 0) value = name;
  }
  return {{"updated", !row.empty() || !find(page, Loc::messenger_on).empty()}, {"othersOnFacebook", value}};
}

namespace {

// An Instagram username: 1 to 30 of a-z A-Z 0-9 . _ (the site's own rule).
bool username_ok(std::string_view s) {
  if (s.empty() || s.size() > 30) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_')) return false;
  return true;
}

// "/jane.doe/" (also absolute, on www.instagram.com) → "jane.doe"; "" for any other path.
std::string username_of(std::string_view href) {
  Url url = parse_url(href.rfind("/", 0) == 0 ? "https://www.instagram.com" + std::string(href) : std::string(href));
  if (url.scheme != "https" || url.host != "www.instagram.com") return "";
  std::string_view path = url.path;
  if (path.size() < 3 || path.front() != '/' || path.back() != '/') return "";
  std::string_view name = path.substr(1, path.size() - 2);
  return username_ok(name) ? std::string(name) : "";
}

}  // namespace

json read_instagram_account(const Page& page) {
  if (page.url().host != "www.instagram.com") return {{"username", nullptr}};
  for (int i : find(page, Loc::instagram_profile_link).elements) {
    std::string name = username_of(page.element(i).href);
    if (!name.empty()) return {{"username", name}};
  }
  return {{"username", nullptr}};
}

int composer_switch(const Page& page) {
  if (recognize(page).screen != Screen::instagram_composer) return -1;
  const std::vector<int> dialogs = find(page, Loc::composer_dialog).elements;
  for (int i : find(page, Loc::composer_facebook_switch).elements) {
    int dialog = page.enclosing(i, Role::Dialog, Role::AlertDialog);
    for (int d : dialogs)
      if (d == dialog) return i;
  }
  return -1;
}

}  // namespace crosslink
