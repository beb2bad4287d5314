#include "text_scan.h"

#include <string>

namespace crosslink {
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c == 0xE0) { n = 3; lo = 0xA0; }
  else if (c >= 0xE1 && c <= 0xEC) n = 3;
  else if (c == 0xED) { n = 3; hi = 0x9F; }
  else if (c >= 0xEE && c <= 0xEF) n = 3;
  else if (c == 0xF0) { n = 4; lo = 0x90; }
  else if (c >= 0xF1 && c <= 0xF3) n = 4;
  else if (c == 0xF4) { n = 4; hi = 0x8F; }
  else return 0;
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return n;
}

Expected<ScanOk> scan_json_text(std::string_view s, int max_depth, std::size_t max_string) {
  int depth = 0;
  bool in_string = false;
  std::size_t string_start = 0;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      std::size_t n = utf8_sequence_length(s, i);
      if (n == 0) return Error{"bad_utf8", "byte offset " + std::to_string(i)};
      i += n;
      continue;
    }
    if (in_string) {
      if (c == '\\') { i += 2; continue; }
      if (c == '"') {
        in_string = false;
        if (i - string_start > max_string)
          return Error{"string_too_long", std::to_string(i - string_start) + " bytes at offset " +
                                              std::to_string(string_start)};
      }
    } else if (c == '"') {
      in_string = true;
      string_start = i + 1;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) return Error{"too_deep", "nesting over " + std::to_string(max_depth)};
    } else if (c == '}' || c == ']') {
      --depth;
    }
    ++i;
  }
  if (in_string && s.size() - string_start > max_string)
    return Error{"string_too_long", "unterminated string at offset " + std::to_string(string_start)};
  return ScanOk{};
}

}  // namespace crosslink
