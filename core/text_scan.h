// One cheap pass over JSON text before parsing, so hostile input is refused with a
// precise name and never reaches a recursive destructor or an oversized allocation.
#pragma once
#include <string_view>

#include "error.h"

namespace crosslink {

struct ScanOk {};

// bad_utf8 (any byte sequence that is not UTF-8), too_deep (nesting beyond max_depth),
// string_too_long (a string literal over max_string bytes). Syntax is left to the parser.
Expected<ScanOk> scan_json_text(std::string_view text, int max_depth, std::size_t max_string);

// Length of the well-formed UTF-8 sequence at s[i] (1 for ASCII), 0 when it is not one
// (overlongs, surrogates and values above U+10FFFF are refused, as RFC 3629 says).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

}  // namespace crosslink
