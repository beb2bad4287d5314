// Any bytes through the screens and flows (core/api_flows.h): as a snapshot to
// recognise and to step a running flow on (copied and in place), as a stored state and
// as flow parameters. Every answer must be JSON text with a named error or a decision;
// never a crash, a leak or undefined behaviour; every decision passes the oracles (oracles.h).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api_flows.h"
#include "oracles.h"

namespace {

void must_be_json_object(const std::string& out) {
  if (out.empty() || out.front() != '{' || out.back() != '}') __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  must_be_json_object(crosslink::api::recognize(text));
  std::vector<char> buffer(text.begin(), text.end());
  must_be_json_object(crosslink::api::recognize_in_place(buffer.data(), buffer.size()));

  static const char* kFlows[] = {"link", "unlink", "setSharing", "linkMessaging", "unlinkMessaging", "readStatus"};
  const std::string kind = kFlows[size % 6];
  const char* params = kind == "setSharing" ? R"({"sharing": {"posts": true}})" : "";
  std::string state = nlohmann::json::parse(crosslink::api::start_flow(kind, params, 1000))["state"].dump();
  {
    // The invariant oracles (oracles.h) on a fresh flow's decision about these bytes as a page.
    auto out = fuzz::must_parse_object(crosslink::api::step(state, text, 2000));
    fuzz::check_decision(fuzz::at(out, "decision"), nlohmann::json::parse(state), text);
  }
  buffer.assign(text.begin(), text.end());
  must_be_json_object(crosslink::api::step_in_place(state, buffer.data(), buffer.size(), 2000));
  must_be_json_object(crosslink::api::step(text, R"({"url":"https://www.instagram.com/","elements":[]})", 2000));
  must_be_json_object(crosslink::api::cancel(text, 2000));
  must_be_json_object(crosslink::api::start_flow(kind, text, 1000));
  return 0;
}
