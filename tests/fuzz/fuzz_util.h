// Shared by the fuzz targets: split the input into parts, check an answer's shape.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace fuzz {

// Parts separated by a line holding only "--" (so seeds and reproducers stay readable).
inline std::vector<std::string> split(std::string_view text, std::size_t parts) {
  std::vector<std::string> out;
  while (out.size() + 1 < parts) {
    auto at = text.find("\n--\n");
    if (at == std::string_view::npos) break;
    out.emplace_back(text.substr(0, at));
    text.remove_prefix(at + 4);
  }
  out.emplace_back(text);
  out.resize(parts);
  return out;
}

// A member, or null when the value is no object or lacks it (const operator[] on a
// missing key is undefined behaviour in nlohmann).
inline nlohmann::json at(const nlohmann::json& v, const char* key) {
  if (!v.is_object()) return nullptr;
  auto it = v.find(key);
  return it == v.end() ? nlohmann::json() : *it;
}

// The texts of the recorded snapshots (*.json in dir, in name order; none when it cannot be read).
inline std::vector<std::string> read_snapshot_files(const char* dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream text;
    text << in.rdbuf();
    out.push_back(text.str());
  }
  return out;
}

// Every answer of the text surface is a JSON object; anything else is a bug.
inline nlohmann::json must_parse_object(const std::string& out) {
  auto value = nlohmann::json::parse(out, nullptr, false);
  if (value.is_discarded() || !value.is_object()) __builtin_trap();
  return value;
}

// {"ok": false, "error": {"name": non-empty, "detail": string}} or {"ok": true, ...}.
inline bool ok_or_named_error(const nlohmann::json& v) {
  auto ok = at(v, "ok");
  if (!ok.is_boolean()) __builtin_trap();
  if (ok.get<bool>()) return true;
  auto e = at(v, "error");
  auto name = at(e, "name");
  if (!name.is_string() || name.get<std::string>().empty() || !at(e, "detail").is_string()) __builtin_trap();
  return false;
}

}  // namespace fuzz
