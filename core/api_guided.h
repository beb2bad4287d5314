// Guided steps, taught wordings and the problem report at the JSON boundary (issue 16).
#pragma once
#include <string>

namespace crosslink::api {

// The taught wordings the next steps' finds use first (core/guided.h): a JSON list of
// {id, locator, locale, role, name, ...}. {"ok": true, "count": n} or {"ok": false, "error"}
// (the table is then left as it was). taught_check: the same, without using them.
std::string taught_set(const std::string& list_json);
std::string taught_check(const std::string& list_json);

// {"ok": true, "report": {...}, "text": "..."}: info {extension, browser, flow, outcome,
// trail}, the last snapshot (may be "": none). Nothing of the page survives but the
// shipped wordings, known hosts and known path words (core/report.h).
std::string problem_report(const std::string& info_json, const std::string& snapshot_json);

}  // namespace crosslink::api
