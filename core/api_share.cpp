#include "api_share.h"

#include "activity_log.h"
#include "decision.h"
#include "json_text.h"
#include "settings.h"
#include "share.h"
#include "text_scan.h"
#include "url.h"

namespace crosslink::api {
namespace {

using nlohmann::json;

constexpr std::size_t kTextMaxBytes = 16u << 10;  // an Instagram caption is at most 2,200 characters

std::string error_json(const std::string& name, const std::string& detail) {
  return JsonObject().text("name", name).text("detail", detail).close();
}
std::string fail(const Error& e) { return JsonObject().flag("ok", false).raw("error", error_json(e.name, e.detail)).close(); }
JsonObject success() {
  JsonObject out;
  out.flag("ok", true);
  return out;
}

// Network names from "facebook,x": each known and once; "" is none.
Expected<std::vector<ShareNetwork>> parse_networks(std::string_view list) {
  std::vector<ShareNetwork> out;
  while (!list.empty()) {
    std::string_view name = list.substr(0, list.find(','));
    list.remove_prefix(name.size() < list.size() ? name.size() + 1 : name.size());
    ShareNetwork n;
    if (!network_from_name(name, n))
      return Error{"unknown_network", "expected " + network_names() + ", got \"" + std::string(name.substr(0, 20)) + "\""};
    for (ShareNetwork k : out)
      if (k == n) return Error{"unknown_network", std::string(network_name(n)) + " is named twice"};
    out.push_back(n);
  }
  return out;
}

std::string problems_json(const std::vector<SettingsProblem>& problems) {
  std::vector<std::string> out;
  for (const SettingsProblem& p : problems)
    out.push_back(JsonObject().text("field", p.field).text("name", p.name).text("detail", p.detail).close());
  return json_list(out);
}

std::string repair_json(const LogRepair& r) {
  return JsonObject().text("name", r.name).text("detail", r.detail).number("dropped", r.dropped).close();
}

std::string log_result(const Expected<LogResult>& r) {
  if (!r.ok()) return fail(r.error());
  JsonObject out = success();
  out.raw("log", r.value().log).number("evicted", r.value().evicted);
  if (!r.value().repair.name.empty()) out.raw("repair", repair_json(r.value().repair));
  return out.close();
}

}  // namespace

std::string normalize_permalink(const std::string& url) {
  Expected<Permalink> r = crosslink::normalize_permalink(url);
  if (!r.ok()) return fail(r.error());
  const Permalink& p = r.value();
  JsonObject out = success();
  out.text("url", p.url).text("kind", permalink_kind_name(p.kind)).raw("removed", json_string_list(p.removed));
  if (p.kind == PermalinkKind::Story) out.text("user", p.user).text("id", p.story_id);
  else out.text("shortcode", p.shortcode);
  return out.close();
}

std::string share_links(const std::string& url, const std::string& text, const std::string& networks) {
  if (text.size() > kTextMaxBytes)
    return fail(Error{"text_too_long", std::to_string(text.size()) + " bytes, at most " + std::to_string(kTextMaxBytes)});
  if (!valid_utf8(text)) return fail({"bad_utf8", "the text is not valid UTF-8"});
  Expected<std::vector<ShareNetwork>> list = parse_networks(networks);
  if (!list.ok()) return fail(list.error());
  Expected<Permalink> p = crosslink::normalize_permalink(url);
  if (!p.ok()) return fail(p.error());
  std::vector<std::string> links;
  JsonObject out = success();
  out.text("url", p.value().url).raw("removed", json_string_list(p.value().removed));
  for (ShareNetwork n : list.value()) {
    links.push_back(JsonObject().text("network", network_name(n)).text("url", share_url(n, p.value(), text)).close());
    if (n == ShareNetwork::X) {
      FittedText t = fit_x_text(text, kXMaxWeighted - kXUrlWeight - 1);
      int length = kXUrlWeight + (t.text.empty() ? 0 : t.weighted_length + 1);
      out.raw("x", JsonObject().text("text", t.text).number("weightedLength", length).flag("trimmed", t.trimmed).close());
    }
  }
  return out.raw("links", json_list(links)).close();
}

std::string settings_defaults() { return success().raw("settings", settings_json(Settings())).close(); }

std::string settings_load(const std::string& stored_json) {
  LoadedSettings l = load_settings(stored_json);
  JsonObject out = success();
  out.raw("settings", settings_json(l.settings))
      .raw("storedVersion", l.stored_version < 0 ? "null" : std::to_string(l.stored_version))
      .raw("migratedFrom", l.stored_version >= 0 && l.stored_version < kSettingsVersion ? std::to_string(l.stored_version) : "null")
      .flag("newer", l.newer)
      .flag("writeBack", l.write_back)
      .raw("dropped", problems_json(l.dropped));
  return out.close();
}

std::string settings_validate(const std::string& settings_json_text) {
  Settings s;
  std::vector<SettingsProblem> problems = validate_settings(settings_json_text, s);
  if (problems.empty()) return success().raw("settings", settings_json(s)).close();
  const SettingsProblem& first = problems[0];
  std::string detail = first.field.empty() ? first.detail : first.field + ": " + first.detail;
  return JsonObject().flag("ok", false).raw("error", error_json(first.name, detail)).raw("errors", problems_json(problems)).close();
}

std::string log_append(const std::string& log_json, const std::string& entry_json, double now_ms, double cap) {
  return log_result(append_log(log_json, entry_json, now_ms, cap));
}

std::string log_load(const std::string& log_json, double cap) { return log_result(load_log(log_json, cap)); }

std::string log_export(const std::string& log_json, double now_ms) {
  Expected<std::string> e = export_log(log_json, now_ms);
  return e.ok() ? success().raw("export", e.value()).close() : fail(e.error());
}

}  // namespace crosslink::api
