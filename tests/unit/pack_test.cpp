// The locator packs as shipped (core/data → pack_data.cpp): complete in every locale,
// consistent with docs/SCREENS.md, navigating only to the two Instagram hosts.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "pack.h"
#include "parity.h"

namespace crosslink::testing {
namespace {

TEST(Pack, EveryTextHasAWordingInEveryLocale) {
  for (int t = 0; t < pack::kTextCount; ++t) {
    const pack::TextRow& row = pack::kTexts[t];
    std::set<int> locales;
    for (int w = row.first; w < row.first + row.count; ++w) locales.insert(pack::kWordings[w].locale);
    EXPECT_EQ(locales.size(), 5u) << row.key;
  }
}

TEST(Pack, LocatorIdsAreUniqueAndEachHasAProbe) {
  std::set<std::string> ids;
  for (int l = 0; l < pack::kLocatorCount; ++l) {
    EXPECT_TRUE(ids.insert(pack::kLocators[l].id).second) << pack::kLocators[l].id;
    EXPECT_GT(pack::kLocators[l].count, 0) << pack::kLocators[l].id;
  }
}

TEST(Pack, ScreenIdsAreThoseOfScreensMd) {
  std::string doc = read_file(std::string(CROSSLINK_CASES_DIR) + "/../../docs/SCREENS.md");
  ASSERT_FALSE(doc.empty());
  std::set<std::string> documented;
  for (std::size_t at = doc.find("\n| `"); at != std::string::npos; at = doc.find("\n| `", at + 1)) {
    std::size_t start = at + 4;
    documented.insert(doc.substr(start, doc.find('`', start) - start));
  }
  std::set<std::string> recognised = {"unknown", "ambiguous"};  // what no rule matches; two at once
  for (int s = 0; s < pack::kScreenCount; ++s) recognised.insert(pack::kScreens[s].id);
  EXPECT_EQ(recognised, documented);
}

TEST(Pack, NavigationOnlyToTheTwoInstagramHosts) {
  for (int p = 0; p < pack::kPageCount; ++p) {
    std::string url = pack::kPages[p].url;
    EXPECT_TRUE(url.rfind("https://www.instagram.com/", 0) == 0 || url.rfind("https://accountscenter.instagram.com/", 0) == 0) << url;
    EXPECT_EQ(url.find('?'), std::string::npos) << url;
  }
}

TEST(Pack, BriefAndLiveWordingsAreBothThere) {
  auto has = [](pack::Text key, const char* text) {
    const pack::TextRow& row = pack::kTexts[static_cast<int>(key)];
    for (int w = row.first; w < row.first + row.count; ++w)
      if (std::string(pack::kWordings[w].text) == text) return true;
    return false;
  };
  EXPECT_TRUE(has(pack::Text::ac_detail_remove, "Remove from Accounts Center"));
  EXPECT_TRUE(has(pack::Text::ac_detail_remove, "Remove account"));
  EXPECT_TRUE(has(pack::Text::ac_remove_confirm, "Remove {name}"));
  EXPECT_TRUE(has(pack::Text::ac_remove_confirm, "Yes, remove"));
  EXPECT_TRUE(has(pack::Text::ac_remove_confirm, "Sim, remover {name}"));
  EXPECT_TRUE(has(pack::Text::ac_detail_remove, "Remover conta"));
}

}  // namespace
}  // namespace crosslink::testing
