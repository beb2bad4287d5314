// JSON text written field by field: far less code than building a DOM per call site.
// Strings are escaped by nlohmann's serializer (through dump(), so bad UTF-8 is replaced).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace crosslink {

std::string json_quote(std::string_view text);
// [a, b, c] from elements that are already JSON text.
std::string json_list(const std::vector<std::string>& elements);
std::string json_string_list(const std::vector<std::string>& strings);

struct Error;

class JsonObject {
 public:
  JsonObject& text(const char* key, std::string_view value);
  JsonObject& number(const char* key, long long value);
  JsonObject& flag(const char* key, bool value);
  JsonObject& raw(const char* key, std::string_view json_text);  // a value already in JSON
  std::string close() const { return out_ + "}"; }

 private:
  std::string out_ = "{";
};

// The boundary's one reply shape, written field by field: {"ok": true, ...} to add to, and
// {"ok": false, "error": {"name", "detail"}} (optionally with more fields after it).
JsonObject ok_reply();
JsonObject failure_reply(const Error& error);

}  // namespace crosslink
