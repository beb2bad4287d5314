// The core's one JSON writer (nlohmann::json: keys sorted, bad UTF-8 in a string replaced,
// never thrown on) and the boundary's one reply shape: {"ok": true, ...fields} and
// {"ok": false, "error": {"name", "detail"}, ...more}.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "error.h"

namespace crosslink {

using Json = nlohmann::json;

inline std::string json_text(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

inline std::string ok_reply(Json fields = Json::object()) {
  fields["ok"] = true;
  return json_text(fields);
}

inline std::string failure_reply(const Error& error, Json more = Json::object()) {
  more["ok"] = false;
  more["error"] = {{"name", error.name}, {"detail", error.detail}};
  return json_text(more);
}

}  // namespace crosslink
