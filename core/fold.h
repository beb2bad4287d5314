// Text as the locators compare it: case, diacritics, typographic quotes and runs of
// whitespace do not matter, so "Não  é Você?" and "nao e voce?" are the same words.
#pragma once
#include <string>
#include <string_view>

namespace crosslink {

// Lower case (ASCII and Latin-1/Extended-A), Latin diacritics removed (é→e, ß→ss, Œ→oe,
// also decomposed marks), curly quotes and apostrophes to ASCII, … to "...", dashes to
// '-', invisible characters dropped, every run of whitespace (incl. no-break spaces) to
// one space, trimmed. Other scripts pass through unchanged. Bytes that are not UTF-8
// pass through as they are (the snapshot parser has refused them already).
std::string fold(std::string_view text);

// Appends fold(text) to out (no allocation when out has the capacity).
void fold_into(std::string_view text, std::string& out);

}  // namespace crosslink
