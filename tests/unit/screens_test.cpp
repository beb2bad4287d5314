// The screen recogniser (core/screens.cpp, rules in core/data/screens.json): every
// snapshot recorded from the stage is recognised as the screen it was recorded on, in
// its locale; and the cases the stage does not show.
#include <dirent.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "api_flows.h"
#include "page.h"
#include "parity.h"
#include "screens.h"
#include "snap_builder.h"

namespace crosslink::testing {
namespace {

using nlohmann::json;

std::vector<std::string> fixture_names() {
  std::vector<std::string> out;
  std::string dir = std::string(CROSSLINK_FIXTURES_DIR) + "/snapshots";
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      // Unlabelled: a page the walk clicked on without naming it (see record.mjs).
      if (n.size() > 5 && n.compare(n.size() - 5, 5, ".json") == 0 && n.rfind("unlabelled.", 0) != 0)
        out.push_back(n.substr(0, n.size() - 5));
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

class RecordedScreen : public ::testing::TestWithParam<std::string> {};

TEST_P(RecordedScreen, IsRecognisedAsRecordedInItsLocale) {
  const std::string& name = GetParam();  // <screen>.<locale>.<layout>[.<n>]
  std::string screen = name.substr(0, name.find('.'));
  std::string locale = name.substr(screen.size() + 1, 2);
  json r = json::parse(api::recognize(read_file(std::string(CROSSLINK_FIXTURES_DIR) + "/snapshots/" + name + ".json")));
  EXPECT_EQ(r["screen"], screen) << r.dump();
  EXPECT_EQ(r["locale"], locale);
  EXPECT_FALSE(r["evidence"].empty());
}

INSTANTIATE_TEST_SUITE_P(Stage, RecordedScreen, ::testing::ValuesIn(fixture_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string id = info.param;
                           for (char& c : id)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return id;
                         });

json recognize(const std::string& snapshot) { return json::parse(api::recognize(snapshot)); }

TEST(Screens, EveryStageScreenIdHasFixtures) {
  std::vector<std::string> names = fixture_names();
  for (const char* id : {"instagram_home", "instagram_post", "instagram_reel", "instagram_story", "instagram_composer",
                         "instagram_settings", "instagram_messages_settings", "instagram_messages_others_on_facebook",
                         "instagram_update_messaging", "instagram_interstitial", "accounts_center_overview",
                         "accounts_center_accounts", "accounts_center_add_accounts", "facebook_continue_as", "facebook_login",
                         "facebook_choose_account", "accounts_center_finish_setup", "accounts_center_profile_sync",
                         "accounts_center_account_detail", "accounts_center_remove_intro", "accounts_center_remove_confirm",
                         "accounts_center_connected_experiences", "accounts_center_sharing", "rate_limited"}) {
    std::string prefix = std::string(id) + ".";
    EXPECT_TRUE(std::any_of(names.begin(), names.end(), [&](const std::string& n) { return n.rfind(prefix, 0) == 0; })) << id;
  }
}

TEST(Screens, EvidenceNamesHostPathAndTheElementSeen) {
  json r = recognize(snapshot_text("https://accountscenter.instagram.com/accounts/", {el("heading", "Accounts")}));
  EXPECT_EQ(r["screen"], "accounts_center_accounts");
  EXPECT_EQ(r["evidence"], (json{"host accountscenter.instagram.com", "path /accounts/", "accounts_heading: heading \"Accounts\" #0"}));
}

TEST(Screens, AnUnknownPageIsNamedAsSuch) {
  json r = recognize(snapshot_text("https://www.instagram.com/explore/", {el("heading", "Explore")}));
  EXPECT_EQ(r["screen"], "unknown");
  EXPECT_EQ(r["evidence"], (json{"no screen rule matches www.instagram.com/explore/"}));
  EXPECT_EQ(recognize(snapshot_text("https://example.com/", {}))["screen"], "unknown");
}

TEST(Screens, ThePathIsEnoughWhereItWasSeen) {
  EXPECT_EQ(recognize(snapshot_text("https://accountscenter.instagram.com/accounts/", {}))["screen"], "accounts_center_accounts");
  EXPECT_EQ(recognize(snapshot_text("https://www.instagram.com/p/ABCDEFGHIJK/", {}))["screen"], "instagram_post");
  EXPECT_EQ(recognize(snapshot_text("https://www.instagram.com/reel/ABCDEFGHIJK/", {}))["screen"], "instagram_reel");
  EXPECT_EQ(recognize(snapshot_text("https://www.instagram.com/stories/jane/123/", {}))["screen"], "instagram_story");
}

TEST(Screens, WordsAreTheFallbackWhenAPathChanges) {
  json r = recognize(snapshot_text("https://accountscenter.instagram.com/v2/account_list/", {el("heading", "Konten")}, "de"));
  EXPECT_EQ(r["screen"], "accounts_center_accounts");
  r = recognize(snapshot_text("https://accountscenter.instagram.com/cx/share/",
                              {el("heading", "Compartilhamento entre perfis"), el("switch", "Compartilhar suas publicações no Facebook", {{"checked", false}})}, "pt"));
  EXPECT_EQ(r["screen"], "accounts_center_sharing");
}

TEST(Screens, WithoutLangEveryLocaleIsTriedAndTheMatchNamesTheLocale) {
  std::string s = json{{"url", "https://accountscenter.instagram.com/profiles/9/"},
                       {"elements", {{{"i", 0}, {"role", "button"}, {"name", "Supprimer le compte"}}}}}.dump();
  json r = recognize(s);
  EXPECT_EQ(r["screen"], "accounts_center_account_detail");
  EXPECT_EQ(r["locale"], "fr");  // the path decided; the wording seen says French
  r = recognize(json{{"url", "https://www.facebook.com/login/"},
                     {"elements", {{{"i", 0}, {"role", "heading"}, {"name", "Elige tu cuenta"}}}}}.dump());
  EXPECT_EQ(r["screen"], "facebook_choose_account");
  EXPECT_EQ(r["locale"], "es");
}

TEST(Screens, RegionalLanguageTagsUseTheirLanguage) {
  EXPECT_EQ(locale_index("pt-BR"), 2);
  EXPECT_EQ(locale_index("FR_ca"), 4);
  EXPECT_EQ(locale_index("ko"), -1);
  EXPECT_EQ(locale_index(""), -1);
}

TEST(Screens, ALangThatLiesFallsBackToEveryLocale) {
  json r = recognize(snapshot_text("https://accountscenter.instagram.com/add/sync/x", {el("heading", "Deine Profilinfos synchronisieren?")}, "en"));
  EXPECT_EQ(r["screen"], "accounts_center_profile_sync");
}

TEST(Screens, TheRemovalDialogsAreToldApart) {
  std::string base = "https://accountscenter.instagram.com/profiles/100/";
  json intro = recognize(snapshot_text(base, {el("button", "Remove account"), el("dialog", "Remove Jane from this Accounts Center?"),
                                              el("button", "Continue", {{"container", 1}}), el("button", "Cancel", {{"container", 1}})}));
  EXPECT_EQ(intro["screen"], "accounts_center_remove_intro");
  json confirm = recognize(snapshot_text(base, {el("button", "Remove account"), el("dialog", "Are you sure?"),
                                                el("button", "Yes, remove", {{"container", 1}})}));
  EXPECT_EQ(confirm["screen"], "accounts_center_remove_confirm");
  json detail = recognize(snapshot_text(base, {el("button", "Remove account")}));
  EXPECT_EQ(detail["screen"], "accounts_center_account_detail");
}

TEST(Screens, TheRemoveButtonOfThePageIsNotTheConfirmation) {
  // "Remove {name}" must not take "Remove from Accounts Center" outside the dialog.
  json r = recognize(snapshot_text("https://accountscenter.instagram.com/profiles/100/", {el("button", "Remove from Accounts Center")}));
  EXPECT_EQ(r["screen"], "accounts_center_account_detail");
}

TEST(Screens, AnUnreadablePageIsItsOwnScreen) {
  json r = recognize(R"({"url": "https://www.facebook.com/login/", "readable": false, "elements": []})");
  EXPECT_EQ(r["screen"], "unreadable");
  EXPECT_EQ(r["evidence"], (json{"the extension may not read www.facebook.com"}));
}

TEST(Screens, DialogsOverAPageWin) {
  json r = recognize(snapshot_text("https://www.instagram.com/accounts/edit/",
                                   {el("heading", "Settings"), el("dialog", "New messaging features"), el("button", "Update", {{"container", 1}})}));
  EXPECT_EQ(r["screen"], "instagram_update_messaging");
}

TEST(Screens, TheInterstitialIsRecognisedOnAccountsCenterToo) {
  json r = recognize(snapshot_text("https://accountscenter.instagram.com/accounts/",
                                   {el("heading", "Accounts"), el("dialog", "Activer les notifications"),
                                    el("button", "Plus tard", {{"container", 1}})}, "fr"));
  EXPECT_EQ(r["screen"], "instagram_interstitial");
}

// Two screens at once (issue 15, bad input): acting on either would be a click on a guess.
TEST(Screens, TwoScreensAtOnceInOneLayerAreNamedNeverGuessed) {
  // The finish step of linking and an account's removal button: steps of two journeys.
  std::string ac = "https://accountscenter.instagram.com/profiles/100/";
  json r = recognize(snapshot_text(ac, {el("button", "Remove account"), el("button", "Yes, finish setup")}));
  EXPECT_EQ(r["screen"], "ambiguous");
  EXPECT_EQ(r["evidence"].back(), "two screens at once: accounts_center_finish_setup (button \"Yes, finish setup\" #1) and "
                                  "accounts_center_account_detail (button \"Remove account\" #0)");
  EXPECT_NE(std::find(r["evidence"].begin(), r["evidence"].end(), "accounts_center_account_detail: path /profiles/100/"),
            r["evidence"].end()) << r.dump();
  // Both in one dialog: the same.
  r = recognize(snapshot_text(ac, {el("dialog", "Jane Doe"), el("button", "Remove account", {{"container", 0}}),
                                   el("button", "Yes, finish setup", {{"container", 0}})}));
  EXPECT_EQ(r["screen"], "ambiguous");
}

TEST(Screens, WhatHoldsTogetherByDesignIsOneScreen) {
  const std::string ac = "https://accountscenter.instagram.com";
  struct Case { const char* why; std::string url; std::vector<json> elements; const char* screen; };
  const std::vector<Case> cases = {
      {"a later step drawn while the earlier one still shows (screens.json over)", ac + "/add/",
       {el("button", "Add Facebook account"), el("button", "Yes, finish setup")}, "accounts_center_finish_setup"},
      {"two journeys' steps in different layers: the dialog over the page", ac + "/profiles/100/",
       {el("button", "Remove account"), el("dialog", "Finish"), el("button", "Yes, finish setup", {{"container", 1}})},
       "accounts_center_finish_setup"},
      {"a narrower case: messages settings inside Settings", "https://www.instagram.com/accounts/messages_and_story_replies/",
       {el("heading", "Settings"), el("heading", "Messages and story replies")}, "instagram_messages_settings"},
      {"Facebook's chooser: each of its buttons is a continue-as marker", "https://www.facebook.com/login/",
       {el("button", "Continue as Jane Doe"), el("button", "Continue as John Roe"), el("button", "Continue")},
       "facebook_choose_account"},
      {"a rate limit is drawn over any page", ac + "/accounts/", {el("heading", "Accounts"), el("heading", "Try Again Later")},
       "rate_limited"},
      {"a person's decision is asked whatever else shows", "https://www.facebook.com/login/device-based/password/?flow=fx_reauth",
       {el("textbox", "Password"), el("button", "Continue"), el("heading", "Log in as Jane Doe")}, "facebook_password"},
  };
  for (const Case& c : cases) {
    json r = recognize(snapshot_text(c.url, c.elements));
    EXPECT_EQ(r["screen"], c.screen) << c.why << ": " << r.dump();
  }
}

TEST(Screens, AFacebookPageOfAnotherKindIsUnknown) {
  EXPECT_EQ(recognize(snapshot_text("https://www.facebook.com/", {el("link", "Home")}))["screen"], "unknown");
}

}  // namespace
}  // namespace crosslink::testing
