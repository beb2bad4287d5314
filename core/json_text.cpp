#include "json_text.h"

#include <nlohmann/json.hpp>

#include "decision.h"
#include "error.h"

namespace crosslink {

std::string json_quote(std::string_view text) { return dump(nlohmann::json(std::string(text))); }

std::string json_list(const std::vector<std::string>& elements) {
  std::string out = "[";
  for (std::size_t i = 0; i < elements.size(); ++i) (out += i ? "," : "") += elements[i];
  return out + "]";
}

std::string json_string_list(const std::vector<std::string>& strings) {
  std::vector<std::string> quoted;
  for (const std::string& s : strings) quoted.push_back(json_quote(s));
  return json_list(quoted);
}

JsonObject& JsonObject::raw(const char* key, std::string_view json_text) {
  if (out_.size() > 1) out_ += ',';
  ((out_ += '"') += key) += "\":";
  out_ += json_text;
  return *this;
}

JsonObject& JsonObject::text(const char* key, std::string_view value) { return raw(key, json_quote(value)); }
JsonObject& JsonObject::number(const char* key, long long value) { return raw(key, std::to_string(value)); }
JsonObject& JsonObject::flag(const char* key, bool value) { return raw(key, value ? "true" : "false"); }

JsonObject ok_reply() {
  JsonObject out;
  out.flag("ok", true);
  return out;
}

JsonObject failure_reply(const Error& error) {
  JsonObject out;
  out.flag("ok", false).raw("error", JsonObject().text("name", error.name).text("detail", error.detail).close());
  return out;
}

}  // namespace crosslink
