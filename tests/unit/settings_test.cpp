// Settings: cases in tests/cases/settings.json (parity); here the limits a case file
// cannot state well (bytes that are not UTF-8, the sync quota, round trips).
#include <gtest/gtest.h>

#include "api_settings.h"
#include "parity.h"
#include "settings.h"

namespace crosslink::testing {
namespace {

const ApiRegistration kDefaults("settingsDefaults", [](const ApiArgs&) { return api::settings_defaults(); });
const ApiRegistration kLoad("settingsLoad", [](const ApiArgs& a) { return api::settings_load(text_arg(a.at(0))); });
const ApiRegistration kValidate("settingsValidate",
                                [](const ApiArgs& a) { return api::settings_validate(text_arg(a.at(0))); });

// The largest a v1 item can be: every network, the longest locale, the widest numbers.
TEST(Settings, LargestItemFitsTheSyncQuotaWithItsKey) {
  Settings s;
  s.locale = "auto";
  s.click_pacing_ms = kPacingMax;
  s.log_size = kLogSizeMax;
  s.apply_composer_default = s.share_to_facebook = false;
  std::string item = std::string("\"settings\"") + json_text(settings_json(s));
  EXPECT_LT(item.size(), 400u);
  EXPECT_LT(item.size(), kSyncItemBytes);
}

TEST(Settings, DefaultsRoundTripThroughValidation) {
  Settings out;
  EXPECT_TRUE(validate_settings(json_text(settings_json(Settings())), out).empty());
  EXPECT_EQ(settings_json(out), settings_json(Settings()));
}

TEST(Settings, WhatLoadReturnsAlwaysValidates) {
  for (const char* stored : {"", "{", "[]", R"({"shareTargets":"twitter","fbDefault":"on","lang":"de-AT"})",
                             R"({"version":1,"locale":"xx","logSize":-1,"share":{"networks":[1,"x","x"]}})",
                             R"({"version":9,"locale":"fr","future":{"a":1}})"}) {
    LoadedSettings l = load_settings(stored);
    Settings again;
    EXPECT_TRUE(validate_settings(json_text(settings_json(l.settings)), again).empty()) << stored;
    EXPECT_EQ(settings_json(again), settings_json(l.settings)) << stored;
  }
}

TEST(Settings, MigratedSettingsLoadCleanTheSecondTime) {
  LoadedSettings first = load_settings(R"({"shareTargets":"ok,twitter","fbDefault":"off","delayMs":"900"})");
  EXPECT_EQ(first.stored_version, 0);
  EXPECT_TRUE(first.write_back);
  LoadedSettings second = load_settings(json_text(settings_json(first.settings)));
  EXPECT_EQ(second.stored_version, kSettingsVersion);
  EXPECT_FALSE(second.write_back);
  EXPECT_TRUE(second.dropped.empty());
  EXPECT_EQ(settings_json(second.settings), settings_json(first.settings));
  EXPECT_EQ(second.settings.networks, (std::vector<ShareNetwork>{ShareNetwork::OkRu, ShareNetwork::X}));
}

TEST(Settings, BytesThatAreNotUtf8AreNamed) {
  LoadedSettings l = load_settings("{\"version\":1,\"locale\":\"d\xff\"}");
  ASSERT_EQ(l.dropped.size(), 1u);
  EXPECT_EQ(l.dropped[0].name, "bad_utf8");
  EXPECT_EQ(settings_json(l.settings), settings_json(Settings()));
  Settings out;
  auto problems = validate_settings("{\"version\":1,\"locale\":\"\xed\xa0\x80\"}", out);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].name, "bad_utf8");
}

TEST(Settings, HugeStoredTextIsRefusedWhole) {
  std::string huge = "{\"version\":1,\"pad\":[" + std::string(100000, '1') + "]}";
  LoadedSettings l = load_settings(huge);
  ASSERT_EQ(l.dropped.size(), 1u);
  EXPECT_EQ(l.dropped[0].name, "too_large");
  EXPECT_TRUE(l.write_back);
}

TEST(Settings, DeepNestingIsRefusedNotRecursed) {
  std::string deep = std::string(60000, '[');  // under the 64 KiB limit, far over the depth
  LoadedSettings l = load_settings(deep);
  ASSERT_EQ(l.dropped.size(), 1u);
  EXPECT_EQ(l.dropped[0].name, "too_deep");
}

TEST(Settings, ApiOutputIsJsonEvenForHostileInput) {
  for (const std::string& in : {std::string("\0\0", 2), std::string("{\"version\":1,\"\xc3\":1}"), std::string(9000, '{')}) {
    EXPECT_FALSE(nlohmann::json::parse(api::settings_load(in), nullptr, false).is_discarded());
    EXPECT_FALSE(nlohmann::json::parse(api::settings_validate(in), nullptr, false).is_discarded());
  }
}

}  // namespace
}  // namespace crosslink::testing
