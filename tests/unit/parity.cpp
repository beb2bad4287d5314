#include "parity.h"

#include <dirent.h>

#include <algorithm>
#include <cstdio>
#include <map>


namespace crosslink::testing {
namespace {

using nlohmann::json;

std::map<std::string, ApiFunction>& api_table() {
  static std::map<std::string, ApiFunction> table;
  return table;
}

std::string sanitize(const std::string& s) {
  std::string out;
  for (char c : s) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

}  // namespace

ApiRegistration::ApiRegistration(const char* name, ApiFunction function) { api_table()[name] = function; }

std::string text_arg(const json& arg) {
  if (arg.is_string()) return arg.get<std::string>();
  if (arg.is_object() && arg.contains("$fixture"))
    return read_file(std::string(CROSSLINK_FIXTURES_DIR) + "/" + arg["$fixture"].get<std::string>() + ".json");
  return arg.dump();
}

std::string read_file(const std::string& path) {
  std::string out;
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    std::fclose(f);
  }
  return out;
}

std::vector<std::string> json_files_in(const std::string& dir) {
  std::vector<std::string> files;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n.size() > 5 && n.compare(n.size() - 5, 5, ".json") == 0) files.push_back(n);
    }
    closedir(d);
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<Case> load_all_cases() {
  std::vector<std::string> files = json_files_in(CROSSLINK_CASES_DIR);
  std::vector<Case> cases;
  for (const std::string& file : files) {
    json doc = json::parse(read_file(std::string(CROSSLINK_CASES_DIR) + "/" + file), nullptr, false);
    std::string stem = file.substr(0, file.size() - 5);
    if (doc.is_discarded() || !doc.contains("cases")) {
      cases.push_back({sanitize(stem) + "_unreadable", "", json::array(), json("case file is not valid")});
      continue;
    }
    for (const json& c : doc["cases"])
      cases.push_back({sanitize(stem + "_" + c.value("name", "")), c.value("function", ""),
                       c.value("args", json::array()), c.value("expect", json())});
  }
  return cases;
}

std::string run_case(const Case& c) {
  auto it = api_table().find(c.function);
  if (it == api_table().end()) return "\"no such API function: " + c.function + "\"";
  return it->second(c.args.is_array() ? c.args.get<ApiArgs>() : ApiArgs{});
}

}  // namespace crosslink::testing
