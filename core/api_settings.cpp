#include "api_settings.h"

#include "activity_log.h"
#include "json_text.h"
#include "settings.h"

namespace crosslink::api {
namespace {

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
  if (!r.ok()) return failure_reply(r.error()).close();
  JsonObject out = ok_reply();
  out.raw("log", r.value().log).number("evicted", r.value().evicted);
  if (!r.value().repair.name.empty()) out.raw("repair", repair_json(r.value().repair));
  return out.close();
}

}  // namespace

std::string settings_defaults() { return ok_reply().raw("settings", settings_json(Settings())).close(); }

std::string settings_load(const std::string& stored_json) {
  LoadedSettings l = load_settings(stored_json);
  JsonObject out = ok_reply();
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
  if (problems.empty()) return ok_reply().raw("settings", settings_json(s)).close();
  const SettingsProblem& first = problems[0];
  std::string detail = first.field.empty() ? first.detail : first.field + ": " + first.detail;
  return failure_reply({first.name, detail}).raw("errors", problems_json(problems)).close();
}

std::string log_append(const std::string& log_json, const std::string& entry_json, double now_ms, double cap) {
  return log_result(append_log(log_json, entry_json, now_ms, cap));
}

std::string log_load(const std::string& log_json, double cap) { return log_result(load_log(log_json, cap)); }

std::string log_export(const std::string& log_json, double now_ms) {
  Expected<std::string> e = export_log(log_json, now_ms);
  return e.ok() ? ok_reply().raw("export", e.value()).close() : failure_reply(e.error()).close();
}

}  // namespace crosslink::api
