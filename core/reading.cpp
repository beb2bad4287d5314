#include "reading.h"

#include <string>
#include <utility>
#include <vector>

#include "fold.h"
#include "locator.h"
#include "url.h"

namespace crosslink {

using nlohmann::json;
using pack::Loc;

json read_accounts(const Page& page) {
  Found card = find(page, Loc::facebook_card);
  if (card.empty()) return {{"linked", false}, {"facebookName", nullptr}};
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

}  // namespace crosslink
