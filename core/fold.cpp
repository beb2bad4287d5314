#include "fold.h"

#include <cstdint>

namespace crosslink {
namespace {

// Base letters of U+00C0..U+017F; '*' marks the few that need two letters or stay.
constexpr char kLatin[] =
    "aaaaaa*ceeeeiiii"   // C0-CF  (C6 Æ)
    "dnooooo*ouuuuy**"   // D0-DF  (D7 ×, DE Þ, DF ß)
    "aaaaaa*ceeeeiiii"   // E0-EF  (E6 æ)
    "dnooooo*ouuuuy*y"   // F0-FF  (F7 ÷, FE þ)
    "aaaaaaccccccccdd"   // 100-10F
    "ddeeeeeeeeeegggg"   // 110-11F
    "gggghhhhiiiiiiii"   // 120-12F
    "ii**jjkkklllllll"   // 130-13F  (132-133 Ĳĳ)
    "lllnnnnnnnnnoooo"   // 140-14F
    "oo**rrrrrrssssss"   // 150-15F  (152-153 Œœ)
    "ssttttttuuuuuuuu"   // 160-16F
    "uuuuwwyyyzzzzzzs";  // 170-17F

const char* two_letters(uint32_t cp) {
  switch (cp) {
    case 0xC6: case 0xE6: return "ae";
    case 0xDE: case 0xFE: return "th";
    case 0xDF: return "ss";
    case 0x132: case 0x133: return "ij";
    case 0x152: case 0x153: return "oe";
    default: return nullptr;
  }
}

// Decodes one UTF-8 sequence at s[i]; returns its length, 0 when it is not UTF-8.
std::size_t decode(std::string_view s, std::size_t i, uint32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (c < 0xC2 || c > 0xF4 || i + n > s.size()) return 0;
  cp = c & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    unsigned char b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = cp << 6 | (b & 0x3F);
  }
  return n;
}

bool is_space(uint32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool is_invisible(uint32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) ||  // combining marks (decomposed diacritics)
         cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF;
}

}  // namespace

void fold_into(std::string_view s, std::string& out) {
  // Folding never lengthens text (every replacement is at most as long as what it
  // replaces), so it writes into room made up front: no per-character appends.
  const std::size_t start = out.size();
  out.resize(start + s.size());
  char* const begin = &out[0] + start;
  char* w = begin;
  bool space = false;  // a space is owed before the next visible character
  auto put = [&](const char* text, std::size_t n) {
    if (space && w > begin) *w++ = ' ';
    space = false;
    for (std::size_t k = 0; k < n; ++k) *w++ = text[k];
  };
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      if (c == ' ' || (c >= 0x09 && c <= 0x0D)) { space = true; continue; }
      if (space && w > begin) *w++ = ' ';
      space = false;
      *w++ = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      continue;
    }
    uint32_t cp = 0;
    std::size_t n = decode(s, i, cp);
    if (n == 0) {  // not UTF-8: keep the byte
      put(s.data() + i, 1);
      ++i;
      continue;
    }
    const char* bytes = s.data() + i;
    i += n;
    if (is_space(cp)) { space = true; continue; }
    if (is_invisible(cp)) continue;
    if (cp >= 0xC0 && cp <= 0x17F) {
      if (const char* two = two_letters(cp)) { put(two, 2); continue; }
      if (kLatin[cp - 0xC0] != '*') { put(&kLatin[cp - 0xC0], 1); continue; }
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x201B || cp == 0x2032 || cp == 0xB4) {
      put("'", 1);
      continue;
    } else if (cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x201F || cp == 0xAB || cp == 0xBB || cp == 0x2033) {
      put("\"", 1);
      continue;
    } else if (cp == 0x2026) {
      put("...", 3);
      continue;
    } else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212) {
      put("-", 1);
      continue;
    }
    put(bytes, n);
  }
  out.resize(start + static_cast<std::size_t>(w - begin));
}

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  fold_into(text, out);
  return out;
}

}  // namespace crosslink
