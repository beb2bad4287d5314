// Locators (core/locator.cpp, data in core/data/locators.json and texts.*.json): role +
// name / text lines / href, per locale with every locale as fallback, folded matching,
// placeholders, scopes, and both wordings where the brief and the live site differ.
#include <gtest/gtest.h>

#include "locator.h"
#include "snap_builder.h"

namespace crosslink::testing {
namespace {

using nlohmann::json;
using pack::Loc;

struct Fixture {
  Snapshot snap;
  explicit Fixture(const std::string& text) {
    auto s = parse_snapshot(text);
    EXPECT_TRUE(s.ok()) << s.error().detail;
    if (s.ok()) snap = std::move(s.value());
  }
};

Found find_in(const std::string& url, std::vector<json> elements, Loc loc, const std::string& lang = "en") {
  Fixture f(snapshot_text(url, std::move(elements), lang));
  Page page(f.snap);
  return find(page, loc);
}

const std::string kAc = "https://accountscenter.instagram.com/profiles/1/";

TEST(Locator, RoleAndNameMatch) {
  Found f = find_in(kAc, {el("link", "Add accounts"), el("button", "Add accounts")}, Loc::add_accounts);
  EXPECT_EQ(f.elements, (std::vector<int>{0, 1}));
  EXPECT_EQ(f.probe, 0);
  EXPECT_EQ(f.locale, 0);
}

TEST(Locator, TheWrongRoleIsNotTaken) {
  EXPECT_TRUE(find_in(kAc, {el("heading", "Add accounts")}, Loc::add_accounts).empty());
}

TEST(Locator, CaseDiacriticsAndSpacesDoNotMatter) {
  EXPECT_FALSE(find_in(kAc, {el("button", "  ADICIONAR   CONTAS ")}, Loc::add_accounts, "pt").empty());
  EXPECT_FALSE(find_in(kAc, {el("button", "Sim, concluir configuracao")}, Loc::finish_yes, "pt").empty());
  EXPECT_FALSE(find_in(kAc, {el("button", "Ja, Einrichtung abschliessen")}, Loc::finish_yes, "de").empty());
  EXPECT_FALSE(find_in(kAc, {el("radio", "Don’t receive requests")}, Loc::radio_none).empty());
}

TEST(Locator, BothRemovalWordingsOfBriefAndLiveSite) {
  EXPECT_FALSE(find_in(kAc, {el("button", "Remove from Accounts Center")}, Loc::remove_account).empty());
  EXPECT_FALSE(find_in(kAc, {el("button", "Remove account")}, Loc::remove_account).empty());
  EXPECT_FALSE(find_in(kAc, {el("dialog", "Sure?"), el("button", "Remove Jane Doe", {{"container", 0}})}, Loc::remove_confirm).empty());
  EXPECT_FALSE(find_in(kAc, {el("dialog", "Sure?"), el("button", "Yes, remove", {{"container", 0}})}, Loc::remove_confirm).empty());
  EXPECT_FALSE(find_in(kAc, {el("dialog", "?"), el("button", "Sim, remover Maria", {{"container", 0}})}, Loc::remove_confirm, "pt").empty());
  EXPECT_FALSE(find_in(kAc, {el("button", "Remover conta")}, Loc::remove_account, "pt").empty());
}

TEST(Locator, APlaceholderNeedsAtLeastOneCharacter) {
  EXPECT_TRUE(find_in(kAc, {el("dialog", "?"), el("button", "Remove ", {{"container", 0}})}, Loc::remove_confirm).empty());
}

TEST(Locator, ScopeInDialogAndOnThePage) {
  // "Remove {name}" only inside the dialog; the page's own "Remove …" button is not it.
  EXPECT_TRUE(find_in(kAc, {el("button", "Remove from Accounts Center")}, Loc::remove_confirm).empty());
  // "Not Now" of the interstitial only inside a dialog.
  EXPECT_TRUE(find_in(kAc, {el("button", "Not Now")}, Loc::interstitial_not_now).empty());
  // "Add accounts" of the page, not one inside a dialog.
  EXPECT_EQ(find_in(kAc, {el("dialog", "x"), el("button", "Add accounts", {{"container", 0}}), el("button", "Add accounts")}, Loc::add_accounts).elements,
            (std::vector<int>{2}));
}

TEST(Locator, NestedContainersReachTheDialog) {
  Found f = find_in(kAc, {el("dialog", "x"), el("listitem", "", {{"container", 0}}), el("button", "Continue", {{"container", 1}})},
                    Loc::remove_continue);
  EXPECT_EQ(f.first(), 2);
}

TEST(Locator, TheFacebookCardByItsPlatformLine) {
  Found f = find_in("https://accountscenter.instagram.com/accounts/",
                    {el("listitem", "", {{"text", "jane.doe\nInstagram"}}), el("link", "jane.doe", {{"href", "/profiles/1/"}, {"container", 0}}),
                     el("listitem", "", {{"text", "Jane Doe\nFacebook"}}), el("link", "Jane Doe", {{"href", "/profiles/2/"}, {"container", 2}})},
                    Loc::facebook_card_link);
  EXPECT_EQ(f.elements, (std::vector<int>{3}));
}

TEST(Locator, AnAccountNamedFacebookIsNotTheFacebookCard) {
  // The card's name line is "Facebook Fan" and its platform line "Instagram".
  Found f = find_in("https://accountscenter.instagram.com/accounts/", {el("listitem", "", {{"text", "Facebook Fan\nInstagram"}})},
                    Loc::facebook_card);
  EXPECT_TRUE(f.empty());
}

TEST(Locator, ALineOfTheVisibleTextMatchesWhenTheNameRunsTogether) {
  Found f = find_in("https://www.instagram.com/accounts/messages_and_story_replies/",
                    {el("link", "Others on FacebookMessage requests", {{"text", "Others on Facebook\nMessage requests"}})}, Loc::others_row);
  EXPECT_EQ(f.first(), 0);
  EXPECT_EQ(f.probe, 0);
}

TEST(Locator, LanguageFreeHrefFallback) {
  Found f = find_in("https://accountscenter.instagram.com/connected_experiences/",
                    {el("link", "Partilha", {{"href", "/connected_experiences/cross_posting/"}})}, Loc::sharing_link, "ko");
  EXPECT_EQ(f.first(), 0);
  EXPECT_EQ(f.probe, 1);
  EXPECT_EQ(f.locale, -1);
  f = find_in("https://www.instagram.com/accounts/messages_and_story_replies/",
              {el("link", "?", {{"href", "https://www.instagram.com/accounts/messages_and_story_replies/others_on_facebook/?x=1"}})},
              Loc::others_row, "ko");
  EXPECT_EQ(f.first(), 0);
}

TEST(Locator, ThePagesLanguageFirstThenEveryLanguage) {
  // A German page with one English leftover: found, and the match says which locale.
  Found f = find_in(kAc, {el("button", "Add accounts")}, Loc::add_accounts, "de");
  EXPECT_EQ(f.first(), 0);
  EXPECT_EQ(f.locale, 0);
  // "Continuar" is Spanish and Portuguese: a Portuguese page says pt.
  f = find_in(kAc, {el("dialog", "x"), el("button", "Continuar", {{"container", 0}})}, Loc::remove_continue, "pt");
  EXPECT_EQ(f.locale, 2);
}

TEST(Locator, EveryLocaleWhenTheLanguageIsUnknown) {
  Found f = find_in(kAc, {el("button", "Konto entfernen")}, Loc::remove_account, "");
  EXPECT_EQ(f.locale, 3);
}

TEST(Locator, ContinueAsSomeone) {
  EXPECT_FALSE(find_in("https://www.facebook.com/login/", {el("button", "Continue as Jane")}, Loc::fb_continue).empty());
  EXPECT_FALSE(find_in("https://www.facebook.com/login/", {el("button", "Continuer en tant que Jane")}, Loc::fb_continue, "fr").empty());
}

TEST(Locator, Glob) {
  EXPECT_TRUE(glob("/profiles/*/", "/profiles/123/"));
  EXPECT_FALSE(glob("/profiles/*/", "/profiles/"));  // '*' may be empty, but "//" is not "/"
  EXPECT_TRUE(glob("*src=fxcal*", "/login/?a=1&src=fxcal&b=2"));
  EXPECT_TRUE(glob("/add/", "/add/"));
  EXPECT_FALSE(glob("/add/", "/add/x"));
  EXPECT_TRUE(glob("*", ""));
  EXPECT_TRUE(glob("a*b*c", "aXXbYYc"));
  EXPECT_FALSE(glob("a*b*c", "aXXbYY"));
}

TEST(Locator, MatchTextAcrossLocales) {
  EXPECT_EQ(match_text(pack::Text::ac_accounts_add, "konten hinzufugen", -1), 3);
  EXPECT_EQ(match_text(pack::Text::ac_accounts_add, "konten hinzufugen", 0), -1);
  EXPECT_EQ(match_text(pack::Text::ac_remove_confirm, "remove maria souza", 0), 0);
  EXPECT_EQ(match_text(pack::Text::rate_body, "we restrict certain activity to protect our community.", 0), 0);
}

TEST(Locator, ElementSaysComparesFolded) {
  Fixture f(snapshot_text("https://www.facebook.com/login/", {el("button", "Maria Souza"), el("button", "x", {{"text", "João\nSilva"}})}));
  Page page(f.snap);
  EXPECT_TRUE(element_says(page, 0, "maria  SOUZA"));
  EXPECT_TRUE(element_says(page, 1, "Joao"));
  EXPECT_FALSE(element_says(page, 0, "Maria"));
  EXPECT_FALSE(element_says(page, 0, ""));
}

}  // namespace
}  // namespace crosslink::testing
