#include "settings.h"

#include <nlohmann/json.hpp>

#include "decision.h"
#include "json_text.h"
#include "text_scan.h"
#include "url.h"

namespace crosslink {
namespace {

using nlohmann::json;
using Problems = std::vector<SettingsProblem>;

constexpr std::size_t kStoredMaxBytes = 64u << 10;  // more than sync could ever hold
constexpr int kMaxDepth = 8;
constexpr std::size_t kMaxString = 1024;

std::string shown(const json& v) {
  std::string s = json_text(v);
  return s.size() > 40 ? s.substr(0, 40) + "..." : s;
}

const char* type_of(const json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "boolean";
  if (v.is_number()) return "number";
  if (v.is_string()) return "string";
  if (v.is_array()) return "array";
  return "object";
}

// Out of line on purpose: one call per problem instead of three string constructions.
void add(Problems& p, std::string field, std::string name, std::string detail) {
  p.push_back(SettingsProblem{std::move(field), std::move(name), std::move(detail)});
}

void wrong_type(Problems& p, const std::string& field, const char* expected, const json& v) {
  add(p, field, "wrong_type", std::string("expected ") + expected + ", got " + type_of(v));
}

// A JSON integer, or a float with no fraction (400.0), within long long.
bool integral(const json& v, long long& out) {
  if (v.is_number_integer()) {
    if (v.is_number_unsigned() && v.get<unsigned long long>() > 1ull << 53) return false;
    out = v.get<long long>();
    return true;
  }
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (!(d >= -9e15 && d <= 9e15) || d != static_cast<double>(static_cast<long long>(d))) return false;
    out = static_cast<long long>(d);
    return true;
  }
  return false;
}

void read_int(const json& v, const std::string& field, int lo, int hi, int& out, Problems& p) {
  long long n;
  if (!integral(v, n)) return wrong_type(p, field, "an integer", v);
  if (n < lo || n > hi)
    return add(p, field, "out_of_range",
                        "expected " + std::to_string(lo) + " to " + std::to_string(hi) + ", got " + shown(v));
  out = static_cast<int>(n);
}

void read_bool(const json& v, const std::string& field, bool& out, Problems& p) {
  if (!v.is_boolean()) return wrong_type(p, field, "true or false", v);
  out = v.get<bool>();
}

void read_locale(const std::string& value, const std::string& field, std::string& out, Problems& p) {
  std::string known = "auto";
  if (value == known) {
    out = value;
    return;
  }
  for (int l = 0; l < registry::kLocaleCount; ++l) {
    if (value == registry::kLocaleCodes[l]) {
      out = value;
      return;
    }
    known += std::string(", ") + registry::kLocaleCodes[l];
  }
  add(p, field, "unknown_value", "expected one of " + known + ", got \"" + value.substr(0, 20) + "\"");
}

// One network name into `kept`, unless it is unknown or already there.
void add_network(const std::string& name, const std::string& at, std::vector<ShareNetwork>& kept, Problems& p) {
  ShareNetwork n;
  if (!network_from_name(name, n))
    return add(p, at, "unknown_value", "expected " + network_names() + ", got \"" + name.substr(0, 20) + "\"");
  for (ShareNetwork k : kept)
    if (k == n) return add(p, at, "duplicate_value", std::string(network_name(n)) + " is listed twice");
  kept.push_back(n);
}

// A list that had entries but kept none falls back to the default; an empty list is a
// choice (no share menu).
void keep_networks(std::size_t listed, std::vector<ShareNetwork>& kept, std::vector<ShareNetwork>& out) {
  if (listed == 0 || !kept.empty()) out = std::move(kept);
}

void read_networks(const json& v, const std::string& field, std::vector<ShareNetwork>& out, Problems& p) {
  if (!v.is_array()) return wrong_type(p, field, "a list of network names", v);
  if (v.size() > 16) return add(p, field, "out_of_range", std::to_string(v.size()) + " entries, at most 16");
  std::vector<ShareNetwork> kept;
  for (std::size_t i = 0; i < v.size(); ++i) {
    std::string at = field + "[" + std::to_string(i) + "]";
    if (v[i].is_string()) add_network(v[i].get<std::string>(), at, kept, p);
    else wrong_type(p, at, "a network name", v[i]);
  }
  keep_networks(v.size(), kept, out);
}

void read_v1(const json& doc, Settings& s, Problems& p, bool report_unknown) {
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    const std::string& key = it.key();
    const json& v = it.value();
    if (key == "version") continue;
    if (key == "share" || key == "composer") {
      if (!v.is_object()) {
        wrong_type(p, key, "an object", v);
        continue;
      }
      for (auto in = v.begin(); in != v.end(); ++in) {
        std::string field = key + "." + in.key();
        if (key == "share" && in.key() == "networks") read_networks(in.value(), field, s.networks, p);
        else if (key == "composer" && in.key() == "applyDefault") read_bool(in.value(), field, s.apply_composer_default, p);
        else if (key == "composer" && in.key() == "shareToFacebook") read_bool(in.value(), field, s.share_to_facebook, p);
        else if (report_unknown) add(p, field, "unknown_field", "not a setting");
      }
    } else if (key == "locale") {
      if (v.is_string()) read_locale(v.get<std::string>(), key, s.locale, p);
      else wrong_type(p, key, "a string", v);
    } else if (key == "clickPacingMs") {
      read_int(v, key, kPacingMin, kPacingMax, s.click_pacing_ms, p);
    } else if (key == "logSize") {
      read_int(v, key, kLogSizeMin, kLogSizeMax, s.log_size, p);
    } else if (report_unknown) {
      add(p, key, "unknown_field", "not a setting");
    }
  }
}

std::vector<std::string> split_names(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    std::string name = trim(std::string_view(list).substr(start, comma - start));
    for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (name == "twitter") name = "x";
    if (name == "ok" || name == "odnoklassniki") name = "okru";
    if (!name.empty()) out.push_back(name);  // "a,,b" and a trailing comma are harmless
    start = comma + 1;
  }
  return out;
}

void migrate_v0(const json& doc, Settings& s, Problems& p) {
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    const std::string& key = it.key();
    const json& v = it.value();
    if (key == "shareTargets") {
      if (!v.is_string()) {
        wrong_type(p, key, "a comma-separated string", v);
        continue;
      }
      std::string list = trim(v.get<std::string>());
      std::vector<std::string> names = list.empty() ? std::vector<std::string>() : split_names(list);
      if (names.size() > 16) {
        add(p, key, "out_of_range", std::to_string(names.size()) + " entries, at most 16");
        continue;
      }
      std::vector<ShareNetwork> kept;
      for (std::size_t i = 0; i < names.size(); ++i)
        add_network(names[i], key + "[" + std::to_string(i) + "]", kept, p);
      keep_networks(names.size(), kept, s.networks);
    } else if (key == "fbDefault") {
      std::string value = v.is_string() ? v.get<std::string>() : "";
      if (!v.is_string()) wrong_type(p, key, "\"ask\", \"on\" or \"off\"", v);
      else if (value == "ask") s.apply_composer_default = false;
      else if (value == "on" || value == "off") {
        s.apply_composer_default = true;
        s.share_to_facebook = value == "on";
      } else {
        add(p, key, "unknown_value", "expected ask, on or off, got \"" + value.substr(0, 20) + "\"");
      }
    } else if (key == "lang") {
      if (!v.is_string()) {
        wrong_type(p, key, "a language tag", v);
        continue;
      }
      std::string tag = v.get<std::string>();
      std::string language = tag.substr(0, tag.find_first_of("-_"));
      for (char& c : language) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      read_locale(language, key, s.locale, p);
    } else if (key == "delayMs") {
      json number = v;
      if (v.is_string()) {  // the prototype stored form values as they came
        std::string_view text = v.get_ref<const std::string&>();
        json parsed = json::parse(text, nullptr, false);
        if (!text.empty() && text.size() < 12 && parsed.is_number()) number = parsed;
      }
      read_int(number, key, kPacingMin, kPacingMax, s.click_pacing_ms, p);
    } else if (key == "maxLogEntries") {
      read_int(v, key, kLogSizeMin, kLogSizeMax, s.log_size, p);
    } else {
      add(p, key, "unknown_field", "not a setting of version 0");
    }
  }
}

// Size, UTF-8, depth and syntax, each with its own name; false with the problem set.
bool parse_guarded(std::string_view text, std::size_t max_bytes, json& doc, Problems& p) {
  if (text.size() > max_bytes) {
    add(p, "", "too_large", std::to_string(text.size()) + " bytes, at most " + std::to_string(max_bytes));
    return false;
  }
  if (auto scan = scan_json_text(text, kMaxDepth, kMaxString); !scan.ok()) {
    add(p, "", scan.error().name, scan.error().detail);
    return false;
  }
  doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    add(p, "", "bad_json", "the settings are not valid JSON");
    return false;
  }
  if (!doc.is_object()) {
    add(p, "", "not_an_object", std::string("expected an object, got ") + type_of(doc));
    return false;
  }
  return true;
}

}  // namespace

std::vector<ShareNetwork> default_networks(int version) {
  std::vector<ShareNetwork> out;
  for (int n = 0; n < registry::kNetworkCount; ++n)
    if (registry::kNetworks[n].on_by_default && registry::kNetworks[n].since <= (version < 1 ? 1 : version)) out.push_back(static_cast<ShareNetwork>(n));
  return out;
}

Json settings_json(const Settings& s) {
  Json networks = Json::array();
  for (ShareNetwork n : s.networks) networks.push_back(network_name(n));
  return {{"version", kSettingsVersion},
          {"share", {{"networks", std::move(networks)}}},
          {"composer", {{"applyDefault", s.apply_composer_default}, {"shareToFacebook", s.share_to_facebook}}},
          {"locale", s.locale},
          {"clickPacingMs", s.click_pacing_ms},
          {"logSize", s.log_size}};
}

LoadedSettings load_settings(std::string_view stored) {
  LoadedSettings out;
  std::string text = trim(stored);
  if (text.empty() || text == "null") return out;  // nothing stored yet: defaults, nothing to write
  json doc;
  out.write_back = true;
  if (!parse_guarded(text, kStoredMaxBytes, doc, out.dropped)) return out;
  auto version = doc.find("version");
  if (version == doc.end()) {
    out.stored_version = 0;
    out.settings.networks = default_networks(0);  // what the prototypes had, if they listed none
    migrate_v0(doc, out.settings, out.dropped);
    return out;
  }
  long long v;
  if (!integral(*version, v) || v < 1) {
    add(out.dropped, "version", "bad_version", "expected a positive integer, got " + shown(*version));
    out.stored_version = kSettingsVersion;
    read_v1(doc, out.settings, out.dropped, true);
    return out;
  }
  out.stored_version = v > 1000 ? 1000 : static_cast<int>(v);
  out.newer = v > kSettingsVersion;
  // An older version: the networks added since are off unless it listed them (v1 → v2:
  // Threads is off for those who had settings before it came).
  if (v < kSettingsVersion) out.settings.networks = default_networks(static_cast<int>(v));
  // Fields a newer version added are its own business, not losses.
  read_v1(doc, out.settings, out.dropped, !out.newer);
  out.write_back = !out.newer && (!out.dropped.empty() || v < kSettingsVersion);
  return out;
}

std::vector<SettingsProblem> validate_settings(std::string_view text, Settings& out) {
  Problems p;
  out = Settings();
  json doc;
  if (!parse_guarded(text, kSyncItemBytes, doc, p)) return p;
  auto version = doc.find("version");
  long long v = 0;
  // Any version from 1 up: a file exported before Threads imports with Threads off.
  const std::string expected = kSettingsVersion == 1 ? "1" : "1 to " + std::to_string(kSettingsVersion);
  if (version == doc.end()) add(p, "version", "bad_version", "missing; expected " + expected);
  else if (!integral(*version, v) || v < 1 || v > kSettingsVersion)
    add(p, "version", "bad_version", "expected " + expected + ", got " + shown(*version));
  if (v >= 1 && v < kSettingsVersion) out.networks = default_networks(static_cast<int>(v));
  read_v1(doc, out, p, true);
  return p;
}

}  // namespace crosslink
