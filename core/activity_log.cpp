#include "activity_log.h"

#include <cmath>
#include <cstdio>
#include <vector>

#include "decision.h"
#include "json_text.h"
#include "text_scan.h"
#include "url.h"

namespace crosslink {
namespace {

using nlohmann::json;

constexpr std::size_t kNameMax = 40, kDetailMax = 240, kDataKeys = 6, kDataKeyMax = 24, kDataStringMax = 64;
constexpr int kMaxDepth = 8;
constexpr std::size_t kMaxString = 1u << 20;

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '/' || c == '-';
}
bool key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '-';
}
bool made_of(const std::string& s, std::size_t max, bool (*ok)(char)) {
  if (s.empty() || s.size() > max) return false;
  for (char c : s)
    if (!ok(c)) return false;
  return true;
}
// One of our own names: a-z 0-9 _ . / - (":" too where `colon`), with capitals inside a
// camelCase identifier ("linkMessaging", "toggle:facebookStories") but never first, so a
// capitalised page word ("Jane") is no name of ours.
bool our_name(const std::string& s, std::size_t max, bool colon = false) {
  if (s.empty() || s.size() > max || (s[0] >= 'A' && s[0] <= 'Z')) return false;
  for (char c : s)
    if (!name_char(c) && !(c >= 'A' && c <= 'Z') && !(colon && c == ':')) return false;
  return true;
}

// At most `max` bytes, cut at a character boundary with "…", control characters as spaces.
std::string bounded_text(const std::string& in, std::size_t max) {
  std::string s = in;
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  if (s.size() <= max) return s;
  std::size_t k = max - 3;
  while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
  return s.substr(0, k) + "\xE2\x80\xA6";
}

// The log holds no page text (issue 17, finding 6): a detail is shipped words only, names
// (our_name: 1 to 40 of a-z 0-9 _ . / -, camelCase allowed) joined by ": ", such as "link: press_continue" or an error's
// name. Anything else in it (an error's words that quote the page, a name, a caption) is
// left out from the first part that is not a name: "target_changed: element #5 is now
// button \"Jane\"" keeps "target_changed". "" when nothing is left.
std::string shipped_detail(const std::string& in) {
  std::string out;
  std::size_t at = 0;
  while (at <= in.size()) {
    std::size_t end = in.find(": ", at);
    std::string part = in.substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (!our_name(part, kNameMax) || out.size() + 2 + part.size() > kDetailMax) break;
    out += (out.empty() ? "" : ": ") + part;
    if (end == std::string::npos) break;
    at = end + 2;
  }
  return out;
}

// A data string is kept only when it is a name of ours (a flow, a network): page text
// (anything with spaces, capitals, quotes or letters beyond a-z) is left out.

bool whole_number(const json& v, double lo, double hi, long long& out) {
  if (!v.is_number()) return false;
  double d = v.get<double>();
  if (!(d >= lo && d <= hi) || d != std::floor(d)) return false;
  out = static_cast<long long>(d);
  return true;
}

struct Entry {
  long long seq = 0, t = 0;
  Json body;  // the entry as kept
};

// An entry as it may be kept: its fields checked and bounded. Stored entries also carry
// their seq and time; new ones must not (the log gives both), so for them seq and t come in
// as arguments.
Expected<Entry> clean_entry(const json& e, bool stored, long long seq = 0, long long t = 0) {
  if (!e.is_object()) return Error{"bad_entry", "an entry must be an object"};
  std::string type, outcome, detail;
  Json data;
  bool has_seq = !stored, has_t = !stored;
  for (auto it = e.begin(); it != e.end(); ++it) {
    const std::string& key = it.key();
    const json& v = it.value();
    if (key == "type" || key == "outcome") {
      if (!v.is_string() || !made_of(v.get_ref<const std::string&>(), kNameMax, name_char))
        return Error{"bad_entry", key + ": expected 1 to 40 of a-z 0-9 _ . / -"};
      (key == "type" ? type : outcome) = v.get<std::string>();
    } else if (key == "detail") {
      if (!v.is_string()) return Error{"bad_entry", "detail: expected a string"};
      detail = shipped_detail(v.get<std::string>());
    } else if (key == "data") {
      if (!v.is_object()) return Error{"bad_entry", "data: expected an object"};
      if (v.size() > kDataKeys) return Error{"bad_entry", "data: at most 6 fields"};
      Json fields = Json::object();
      for (auto d = v.begin(); d != v.end(); ++d) {
        if (!made_of(d.key(), kDataKeyMax, key_char))
          return Error{"bad_entry", "data: field names are 1 to 24 of A-Z a-z 0-9 _ . -"};
        const json& x = d.value();
        if (x.is_string()) {
          const std::string& str = x.get_ref<const std::string&>();
          if (our_name(str, str.size() + 1, true)) fields[d.key()] = bounded_text(str, kDataStringMax);
        }
        else if (x.is_number() || x.is_boolean() || x.is_null()) fields[d.key()] = x;
        else return Error{"bad_entry", "data." + d.key() + ": expected text, a number, true/false or null"};
      }
      data = std::move(fields);
    } else if (stored && (key == "seq" || key == "t")) {
      if (!whole_number(v, 0, key == "t" ? kMaxTimeMs : 9e15, key == "t" ? t : seq))
        return Error{"bad_entry", key + ": expected a whole number"};
      (key == "t" ? has_t : has_seq) = true;
    } else {
      return Error{"bad_entry", "unknown field \"" + key.substr(0, 40) + "\""};
    }
  }
  if (type.empty()) return Error{"bad_entry", "type: missing"};
  if (!has_seq || !has_t) return Error{"bad_entry", "seq or t: missing"};
  Json out = {{"seq", seq}, {"t", t}, {"type", type}};
  if (!outcome.empty()) out["outcome"] = outcome;
  if (!detail.empty()) out["detail"] = detail;
  if (!data.is_null()) out["data"] = std::move(data);
  return Entry{seq, t, std::move(out)};
}

Expected<int> check_cap(double cap) {
  if (!(cap >= kLogCapMin && cap <= kLogCapMax) || cap != std::floor(cap))
    return Error{"bad_cap", "the log size must be a whole number from 10 to 5000"};
  return static_cast<int>(cap);
}

Expected<long long> check_time(double now) {
  if (!(now >= 0 && now <= kMaxTimeMs)) return Error{"bad_time", "the time must be from 0 to 8.64e15 ms"};
  return static_cast<long long>(std::floor(now));
}

struct Stored {
  std::vector<Entry> entries;
  long long next = 0;
  LogRepair repair;
  int evicted = 0;
};

void keep_newest(Stored& s, std::size_t cap) {
  if (s.entries.size() <= cap) return;
  std::size_t drop = s.entries.size() - cap;
  s.entries.erase(s.entries.begin(), s.entries.begin() + static_cast<std::ptrdiff_t>(drop));
  s.evicted += static_cast<int>(drop);
}

// The stored log, with what cannot be kept left out and said so. Never fails.
Stored read_stored(std::string_view text, int cap) {
  Stored r;
  std::string trimmed = trim(text);
  if (trimmed.empty() || trimmed == "null") return r;
  auto give_up = [&](std::string name, std::string detail) {
    r.repair = {std::move(name), std::move(detail), 0};
    return r;
  };
  if (trimmed.size() > kLogMaxBytes) return give_up("too_large", std::to_string(trimmed.size()) + " bytes");
  if (auto scan = scan_json_text(trimmed, kMaxDepth, kMaxString); !scan.ok())
    return give_up(scan.error().name, scan.error().detail);
  json doc = json::parse(std::string_view(trimmed), nullptr, false);
  if (doc.is_discarded()) return give_up("bad_json", "the stored log is not valid JSON");
  if (!doc.is_object()) return give_up("bad_log", "the stored log is not an object");
  auto entries = doc.find("entries");
  if (entries == doc.end() || !entries->is_array()) return give_up("bad_log", "entries: expected a list");

  if (auto n = doc.find("next"); n != doc.end()) whole_number(*n, 0, 9e15, r.next);
  for (const json& e : *entries) {
    Expected<Entry> clean = clean_entry(e, true);
    if (!clean.ok()) {
      if (r.repair.name.empty()) r.repair = {"bad_entry", clean.error().detail, 0};
      ++r.repair.dropped;
      continue;
    }
    if (clean.value().seq >= r.next) r.next = clean.value().seq + 1;
    r.entries.push_back(std::move(clean.value()));
  }
  keep_newest(r, static_cast<std::size_t>(cap));
  return r;
}

LogResult result(Stored&& s) {
  Json entries = Json::array();
  for (Entry& e : s.entries) entries.push_back(std::move(e.body));
  LogResult r;
  r.log = {{"version", kLogVersion}, {"next", s.next}, {"entries", std::move(entries)}};
  r.repair = std::move(s.repair);
  r.evicted = s.evicted;
  return r;
}

// Howard Hinnant's civil_from_days: the Gregorian date of a day count since 1970-01-01.
void civil_from_days(long long z, long long& y, unsigned& m, unsigned& d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<long long>(yoe) + era * 400 + (m <= 2);
}

}  // namespace

std::string iso_time(long long ms) {
  long long days = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
  long long rest = ms - days * 86400000;
  long long y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[40];
  // Like JS Date.prototype.toISOString: six digits and a sign past year 9999.
  std::snprintf(buf, sizeof buf, y > 9999 ? "+%06lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ"
                                          : "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
                y, m, d, rest / 3600000, rest / 60000 % 60, rest / 1000 % 60, rest % 1000);
  return buf;
}

Expected<LogResult> load_log(std::string_view log_json, double cap) {
  Expected<int> c = check_cap(cap);
  if (!c.ok()) return c.error();
  return result(read_stored(log_json, c.value()));
}

Expected<LogResult> append_log(std::string_view log_json, std::string_view entry_json, double now_ms, double cap) {
  Expected<int> c = check_cap(cap);
  if (!c.ok()) return c.error();
  Expected<long long> now = check_time(now_ms);
  if (!now.ok()) return now.error();
  if (entry_json.size() > 64 * 1024) return Error{"too_large", "an entry over 64 KiB"};
  if (auto scan = scan_json_text(entry_json, kMaxDepth, kMaxString); !scan.ok()) return scan.error();
  json parsed = json::parse(entry_json, nullptr, false);
  if (parsed.is_discarded()) return Error{"bad_json", "the entry is not valid JSON"};
  // The entry is checked before the stored log is touched: a bad entry changes nothing.
  Expected<Entry> checked = clean_entry(parsed, false);
  if (!checked.ok()) return checked.error();
  Stored s = read_stored(log_json, c.value());
  Expected<Entry> entry = clean_entry(parsed, false, s.next, now.value());
  s.entries.push_back(std::move(entry.value()));
  ++s.next;
  keep_newest(s, static_cast<std::size_t>(c.value()));
  return result(std::move(s));
}

Expected<Json> export_log(std::string_view log_json, double now_ms) {
  Expected<long long> now = check_time(now_ms);
  if (!now.ok()) return now.error();
  Stored s = read_stored(log_json, kLogCapMax);
  Json entries = Json::array();
  for (Entry& e : s.entries) {
    e.body["time"] = iso_time(e.t);
    entries.push_back(std::move(e.body));
  }
  Json out = {{"format", "crosslink-activity-log"},
              {"version", kLogVersion},
              {"exportedAt", iso_time(now.value())},
              {"count", entries.size()},
              {"entries", std::move(entries)}};
  if (!s.repair.name.empty()) out["repair"] = {{"name", s.repair.name}, {"detail", s.repair.detail}, {"dropped", s.repair.dropped}};
  return out;
}

}  // namespace crosslink
