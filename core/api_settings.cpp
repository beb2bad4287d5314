#include "api_settings.h"

#include "activity_log.h"
#include "json_text.h"
#include "settings.h"

namespace crosslink::api {
namespace {

Json problems_json(const std::vector<SettingsProblem>& problems) {
  Json out = Json::array();
  for (const SettingsProblem& p : problems) out.push_back({{"field", p.field}, {"name", p.name}, {"detail", p.detail}});
  return out;
}

std::string log_result(const Expected<LogResult>& r) {
  if (!r.ok()) return failure_reply(r.error());
  Json out = {{"log", r.value().log}, {"evicted", r.value().evicted}};
  const LogRepair& repair = r.value().repair;
  if (!repair.name.empty()) out["repair"] = {{"name", repair.name}, {"detail", repair.detail}, {"dropped", repair.dropped}};
  return ok_reply(std::move(out));
}

Json version_or_null(int v) { return v < 0 ? Json(nullptr) : Json(v); }

}  // namespace

std::string settings_defaults() { return ok_reply(Json{{"settings", settings_json(Settings())}}); }

std::string settings_load(const std::string& stored_json) {
  LoadedSettings l = load_settings(stored_json);
  return ok_reply(Json{{"settings", settings_json(l.settings)},
                       {"storedVersion", version_or_null(l.stored_version)},
                       {"migratedFrom", version_or_null(l.stored_version < kSettingsVersion ? l.stored_version : -1)},
                       {"newer", l.newer},
                       {"writeBack", l.write_back},
                       {"dropped", problems_json(l.dropped)}});
}

std::string settings_validate(const std::string& settings_json_text) {
  Settings s;
  std::vector<SettingsProblem> problems = validate_settings(settings_json_text, s);
  if (problems.empty()) return ok_reply(Json{{"settings", settings_json(s)}});
  const SettingsProblem& first = problems[0];
  std::string detail = first.field.empty() ? first.detail : first.field + ": " + first.detail;
  return failure_reply({first.name, detail}, Json{{"errors", problems_json(problems)}});
}

std::string log_append(const std::string& log_json, const std::string& entry_json, double now_ms, double cap) {
  return log_result(append_log(log_json, entry_json, now_ms, cap));
}

std::string log_load(const std::string& log_json, double cap) { return log_result(load_log(log_json, cap)); }

std::string log_export(const std::string& log_json, double now_ms) {
  Expected<Json> e = export_log(log_json, now_ms);
  return e.ok() ? ok_reply(Json{{"export", std::move(e.value())}}) : failure_reply(e.error());
}

}  // namespace crosslink::api
