#include "api.h"

#include "json_text.h"
#include "link_status.h"
#include "pack.h"

namespace crosslink::api {

std::string version() { return "0.1.0"; }

std::string schema() { return std::string("{\"ok\":true,") + (registry::kSchemaJson + 1); }

std::string read_link_status(const std::string& snapshot_json) {
  auto snap = parse_snapshot(snapshot_json);
  Decision d = snap.ok() ? crosslink::read_link_status(snap.value()) : Decision::fail("", snap.error());
  // The decision, in the boundary's one shape: ok false (with its error) when it failed.
  nlohmann::json out = to_json(d);
  out["ok"] = d.kind != DecisionKind::Error;
  return json_text(out);
}

}  // namespace crosslink::api
