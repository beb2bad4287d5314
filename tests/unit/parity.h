// Shared case files (tests/cases/*.json) run natively here and through the Wasm build in
// tests/wasm/parity.test.mjs, so both builds are held to the same expected outputs.
//
// A case file: {"cases": [{"name": "...", "function": "readLinkStatus",
//                          "args": [...], "expect": <JSON the function must return>}]}
// Each arg: a string is passed as text verbatim (malformed input stays malformed),
// a number as a number, {"$fixture": "name"} as the text of tests/fixtures/name.json,
// any other JSON value as its serialized text.
#pragma once
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace crosslink::testing {

struct Case {
  std::string id;        // <file stem>_<case name>, a valid GoogleTest name
  std::string function;
  nlohmann::json args;
  nlohmann::json expect;
};

// API functions by the name wasm/bindings*.cpp gives them. Each concern registers its
// own in its test file with a static ApiRegistration, so adding one touches no shared list.
using ApiArgs = std::vector<nlohmann::json>;
using ApiFunction = std::string (*)(const ApiArgs&);
struct ApiRegistration {
  ApiRegistration(const char* name, ApiFunction function);
};
// The text a case argument stands for (a string verbatim, a fixture's file, other JSON serialized).
std::string text_arg(const nlohmann::json& arg);

std::vector<Case> load_all_cases();
// The JSON text the core's API returns for this case.
std::string run_case(const Case& c);
std::string read_file(const std::string& path);
// The names of the *.json files in dir, sorted.
std::vector<std::string> json_files_in(const std::string& dir);

inline void PrintTo(const Case& c, std::ostream* os) { *os << c.id; }

}  // namespace crosslink::testing
