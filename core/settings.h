// The person's settings, stored as one JSON item in chrome.storage.sync (8 KB per item;
// a full v1 object is about 250 bytes, and every list in it is bounded).
//
// Schema v2 (v1 is the same without "threads", which came in v2: settings stored at v1 have
// it off unless they list it; v1 is migrated to v2 on load):
//   {"version": 2,
//    "share":    {"networks": ["facebook", "x", "tumblr", "okru", "threads", "copy"]},  // menu, in order
//    "composer": {"applyDefault": false,       // does Crosslink set "Also share to Facebook"?
//                 "shareToFacebook": false},   // the value it sets
//    "locale": "auto",                         // auto | en | es | pt | de | fr
//    "clickPacingMs": 400,                     // 100..5000, pause between automated clicks
//    "logSize": 500}                           // 10..5000 activity log entries
//
// v0, the shape of the 0.0.x prototypes (recognised by having no "version"):
//   {"shareTargets": "facebook,twitter,tumblr,ok",  // comma list; twitter = x, ok = okru
//    "fbDefault": "ask" | "on" | "off",             // ask = leave the switch alone
//    "lang": "pt-BR",                               // any tag; its language is kept
//    "delayMs": 400 or "400",
//    "maxLogEntries": 500}
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "activity_log.h"
#include "json_text.h"
#include "share.h"

namespace crosslink {

inline constexpr int kSettingsVersion = registry::kSettingsVersion;  // 2: Threads
inline constexpr std::size_t kSyncItemBytes = 8192;  // chrome.storage.sync QUOTA_BYTES_PER_ITEM
inline constexpr int kPacingMin = static_cast<int>(registry::kClickPacingMsMin), kPacingMax = static_cast<int>(registry::kClickPacingMsMax),
                     kPacingDefault = static_cast<int>(registry::kClickPacingMsDefault);
inline constexpr int kLogSizeMin = kLogCapMin, kLogSizeMax = kLogCapMax, kLogSizeDefault = kLogCapDefault;

// The networks a new install shows: those of core/data/registry.json on by default, in its
// order; for settings stored at an older version, only those that version already had.
std::vector<ShareNetwork> default_networks(int version = kSettingsVersion);

struct Settings {
  std::vector<ShareNetwork> networks = default_networks();  // registry order, those on by default
  bool apply_composer_default = false;  // off until the person asks: nothing changes unseen
  bool share_to_facebook = false;
  std::string locale = "auto";
  int click_pacing_ms = kPacingDefault;
  int log_size = kLogSizeDefault;
};

// One thing wrong with stored or submitted settings: which field, a stable name
// (bad_json, bad_utf8, too_large, too_deep, not_an_object, bad_version, unknown_field,
// wrong_type, out_of_range, unknown_value, duplicate_value) and a detail.
struct SettingsProblem {
  std::string field;  // "locale", "share.networks[2]", "" for the whole item
  std::string name;
  std::string detail;
};

struct LoadedSettings {
  Settings settings;
  int stored_version = -1;   // -1: nothing stored (or unreadable); 0: the v0 shape
  bool newer = false;        // stored by a newer Crosslink: read what we know, never overwrite
  bool write_back = false;   // migrated or repaired: store `settings` again
  std::vector<SettingsProblem> dropped;  // what could not be kept, each replaced by its default
};

// The v1 JSON of the settings.
Json settings_json(const Settings& settings);

// For what is already stored: never fails. Migrates v0, keeps every valid field, puts the
// default in place of each invalid one and says what it dropped.
LoadedSettings load_settings(std::string_view stored_json);

// For what the person submits (options page, import): strict v1, every problem listed.
std::vector<SettingsProblem> validate_settings(std::string_view json_text, Settings& out);

}  // namespace crosslink
