#include "api_guided.h"

#include "decision.h"
#include "guided.h"
#include "json_text.h"
#include "report.h"
#include "text_scan.h"

namespace crosslink::api {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxInfoBytes = 1u << 20;

json parse_small(const std::string& text, Error& error) {
  if (text.size() > kMaxInfoBytes) { error = {"too_large", std::to_string(text.size()) + " bytes"}; return json(); }
  if (auto scan = scan_json_text(text, 16, kMaxInfoBytes); !scan.ok()) { error = scan.error(); return json(); }
  json j = json::parse(std::string_view(text), nullptr, false);
  if (j.is_discarded()) error = {"bad_json", "not valid JSON"};
  return j;
}

std::string taught(const std::string& list_json, bool use) {
  Error error;
  json list = list_json.empty() ? json(nullptr) : parse_small(list_json, error);
  if (!error.name.empty()) return failure_reply({"bad_taught", error.name + ": " + error.detail});
  auto parsed = guided::parse_taught(list);
  if (!parsed.ok()) return failure_reply(parsed.error());
  std::size_t n = parsed.value().size();
  if (use) guided::set_taught(std::move(parsed.value()));
  return ok_reply({{"count", n}});
}

}  // namespace

std::string taught_set(const std::string& list_json) { return taught(list_json, true); }
std::string taught_check(const std::string& list_json) { return taught(list_json, false); }

std::string problem_report(const std::string& info_json, const std::string& snapshot_json) {
  Error error;
  json info = parse_small(info_json, error);
  if (!error.name.empty()) return failure_reply({"bad_params", error.name + ": " + error.detail});
  json r;
  if (snapshot_json.empty()) {
    r = report::build(info, nullptr);
  } else {
    Expected<Snapshot> snap = parse_snapshot(snapshot_json);
    if (snap.ok()) {
      Page page(snap.value());
      r = report::build(info, &page);
    } else {
      r = report::build(info, nullptr);
      r["lastSnapshot"] = {{"error", snap.error().name}};
    }
  }
  return ok_reply({{"report", r}, {"text", report::to_text(r)}});
}

}  // namespace crosslink::api
