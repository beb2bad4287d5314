// What Crosslink did, and when: a bounded ring of entries, newest last. Its state lives
// in the extension's storage between calls (the worker may be killed at any time), so
// every function takes the stored log as JSON and returns the next one; the core keeps
// nothing. Time always comes from the caller.
//
// Log:   {"version": 1, "next": 42, "entries": [entry, ...]}    oldest first
// Entry: {"seq": 41, "t": 1717171717000, "type": "share", "outcome": "ok",
//         "detail": "x", "data": {"network": "x"}}
//   type, outcome: [a-z0-9_./-], 1-40 characters (outcome optional)
//   detail: optional, shipped words only: names [a-z0-9_./-] joined by ": ", up to 240
//   bytes; from the first part that is not a name on it is left out (error details quote
//   the page: no page text enters the log or its export, issue 17 finding 6).
//   data: optional object of at most 6 scalars (keys [A-Za-z0-9_.-] up to 24 bytes;
//   strings only when made of [a-z0-9_./:-], cut to 64, other strings left out):
//   an entry is about 200 bytes in practice and under 2 KiB at worst.
//   Stored entries are read by the same rules, so an old log's page words go on load.
#pragma once
#include <string>
#include <string_view>

#include "error.h"
#include "json_text.h"
#include "pack.h"

namespace crosslink {

inline constexpr int kLogVersion = 1;
inline constexpr int kLogCapMin = static_cast<int>(registry::kLogSizeMin), kLogCapMax = static_cast<int>(registry::kLogSizeMax),
                     kLogCapDefault = static_cast<int>(registry::kLogSizeDefault);
inline constexpr std::size_t kLogMaxBytes = 16u << 20;  // 5,000 worst-case entries fit
inline constexpr double kMaxTimeMs = 8.64e15;          // the largest time a JS Date holds

struct LogRepair {
  std::string name;    // "" when the stored log was sound; else bad_json, bad_entry, ...
  std::string detail;
  int dropped = 0;     // entries that could not be kept
};

struct LogResult {
  Json log;            // the normalized log, newest `cap` entries
  LogRepair repair;
  int evicted = 0;     // oldest entries pushed out by the cap
};

// Errors: bad_cap (not an integer from kLogCapMin to kLogCapMax), bad_time (not a
// finite time from 0 to 8.64e15 ms), bad_entry (with the field). A stored log that is
// unreadable is never an error: what can be kept is kept and the repair says what was not.
Expected<LogResult> load_log(std::string_view log_json, double cap);
Expected<LogResult> append_log(std::string_view log_json, std::string_view entry_json, double now_ms, double cap);
// {"format": "crosslink-activity-log", "version": 1, "exportedAt": ISO, "count": n,
//  "entries": [entry + "time": ISO 8601 UTC]} for a file the person keeps.
Expected<Json> export_log(std::string_view log_json, double now_ms);

// 2024-06-01T12:00:00.000Z for milliseconds since 1970 (UTC, proleptic Gregorian).
std::string iso_time(long long ms);

}  // namespace crosslink
