// Hand-made snapshots for the tests that need a page the stage does not show (or one
// changed in a single detail): elements are numbered in order, "i" is filled in.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace crosslink::testing {

inline std::string snapshot_text(const std::string& url, std::vector<nlohmann::json> elements, const std::string& lang = "en") {
  for (std::size_t i = 0; i < elements.size(); ++i) elements[i]["i"] = i;
  return nlohmann::json{{"url", url}, {"lang", lang}, {"title", ""}, {"elements", elements}}.dump();
}

inline nlohmann::json el(const char* role, const std::string& name, nlohmann::json extra = nlohmann::json::object()) {
  nlohmann::json e = {{"role", role}, {"name", name}, {"text", ""}};
  for (auto it = extra.begin(); it != extra.end(); ++it) e[it.key()] = it.value();
  return e;
}

}  // namespace crosslink::testing
