// The Instagram account a page is for (the profile link of www.instagram.com's navigation)
// and the new-post composer's "Also share to Facebook" switch, recognised by the core only
// in the composer's own dialog (issue 17 finding 5, issue 19 items 4/5).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api_flows.h"
#include "snap_builder.h"

namespace crosslink::testing {
namespace {

using nlohmann::json;

// The reply without its "ok": true (the boundary's one shape), which every reading here has.
json read_ok(const std::string& reply) {
  json j = json::parse(reply);
  EXPECT_EQ(j["ok"], true) << reply;
  j.erase("ok");
  return j;
}
json account(const std::string& snapshot) { return read_ok(api::read_instagram_account(snapshot)); }
json composer(const std::string& snapshot) { return read_ok(api::composer_switch(snapshot)); }

json nav_link(const std::string& href, const std::string& name, const std::string& text) {
  return el("link", name, {{"href", href}, {"text", text}});
}

TEST(InstagramAccount, ReadFromTheNavigationsProfileLink) {
  std::string snap = snapshot_text("https://www.instagram.com/", {
      nav_link("/", "Home", "Home"),
      nav_link("/explore/", "Explore", "Explore"),
      nav_link("/jane.doe/", "jane.doe's profile picture Profile", "Profile"),
  });
  EXPECT_EQ(account(snap), json({{"username", "jane.doe"}}));
}

TEST(InstagramAccount, InEveryLocaleAndByTheNameAlone) {
  EXPECT_EQ(account(snapshot_text("https://www.instagram.com/", {nav_link("/maria_ig/", "", "Perfil")}, "pt")),
            json({{"username", "maria_ig"}}));
  EXPECT_EQ(account(snapshot_text("https://www.instagram.com/", {nav_link("/hans.m/", "Profilbild von hans.m Profil", "")}, "de")),
            json({{"username", "hans.m"}}));
  EXPECT_EQ(account(snapshot_text("https://www.instagram.com/", {nav_link("https://www.instagram.com/zoe/", "", "Profil")}, "fr")),
            json({{"username", "zoe"}}));
}

TEST(InstagramAccount, NoneWithoutAProfileLinkOrOffInstagram) {
  json none = {{"username", nullptr}};
  // Another person's profile linked from a post: not the navigation's "Profile".
  EXPECT_EQ(account(snapshot_text("https://www.instagram.com/", {nav_link("/someone/", "someone", "someone")})), none);
  // A "Profile" link whose href is no username (a deeper path, another host, a script).
  EXPECT_EQ(account(snapshot_text("https://www.instagram.com/", {nav_link("/p/ABC/", "", "Profile")})), none);
  EXPECT_EQ(account(snapshot_text("https://www.instagram.com/", {nav_link("https://evil.example/jane/", "", "Profile")})), none);
  EXPECT_EQ(account(snapshot_text("https://www.instagram.com/", {nav_link("javascript:alert(1)/", "", "Profile")})), none);
  EXPECT_EQ(account(snapshot_text("https://www.instagram.com/", {nav_link("/jane doe/", "", "Profile")})), none);
  EXPECT_EQ(account(snapshot_text("https://www.instagram.com/", {nav_link("/this.name.is.far.too.long.for.instagram/", "", "Profile")})), none);
  // The same link on a page that is not Instagram's.
  EXPECT_EQ(account(snapshot_text("https://accountscenter.instagram.com/", {nav_link("/jane.doe/", "", "Profile")})), none);
  json bad = json::parse(api::read_instagram_account("{"));
  EXPECT_EQ(bad["ok"], false);
  EXPECT_EQ(bad["error"]["name"], "bad_json");
  EXPECT_EQ(json::parse(api::composer_switch("[]"))["ok"], false);
  EXPECT_EQ(json::parse(api::composer_switch("[]"))["error"]["name"], "bad_snapshot");
}

json dialog(const std::string& name) { return el("dialog", name); }
json fb_switch(int container, const std::string& name = "Also share to Facebook") {
  return el("switch", name, {{"checked", false}, {"container", container}});
}

TEST(ComposerSwitch, TheSwitchInTheNewPostDialog) {
  std::string snap = snapshot_text("https://www.instagram.com/", {
      nav_link("/", "Home", "Home"),
      dialog("Create new post"),
      el("textbox", "Write a caption...", {{"container", 1}}),
      fb_switch(1),
  });
  EXPECT_EQ(composer(snap), json({{"screen", "instagram_composer"}, {"switch", 3}}));
  EXPECT_EQ(composer(snapshot_text("https://www.instagram.com/", {dialog("Neuen Beitrag erstellen"), fb_switch(0, "Auch auf Facebook teilen")}, "de")),
            json({{"screen", "instagram_composer"}, {"switch", 1}}));
}

TEST(ComposerSwitch, NotInAnyOtherDialog) {
  // A dialog of the page's (or anyone's) with a switch of the same name: not the composer.
  EXPECT_EQ(composer(snapshot_text("https://www.instagram.com/", {dialog("Share settings"), fb_switch(0)})),
            json({{"screen", "instagram_home"}, {"switch", -1}}));
  // The composer open, and another dialog with such a switch beside it: only the composer's counts.
  EXPECT_EQ(composer(snapshot_text("https://www.instagram.com/", {dialog("Share settings"), fb_switch(0), dialog("Create new post")})),
            json({{"screen", "instagram_composer"}, {"switch", -1}}));
  EXPECT_EQ(composer(snapshot_text("https://www.instagram.com/", {dialog("Share settings"), fb_switch(0), dialog("Create new post"), fb_switch(2)})),
            json({{"screen", "instagram_composer"}, {"switch", 3}}));
  // The switch outside any dialog, or the composer's dialog on another host.
  EXPECT_EQ(composer(snapshot_text("https://www.instagram.com/", {dialog("Create new post"), fb_switch(-1)}))["switch"], -1);
  EXPECT_EQ(composer(snapshot_text("https://accountscenter.instagram.com/", {dialog("Create new post"), fb_switch(0)}))["switch"], -1);
}

}  // namespace
}  // namespace crosslink::testing
