// Sharing an Instagram post elsewhere: its clean permalink, and each network's own share
// URL built from it. No network is contacted; these are links the person opens.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "error.h"
#include "pack.h"

namespace crosslink {

enum class PermalinkKind { Post, Reel, Story };
const char* permalink_kind_name(PermalinkKind kind);  // "post", "reel", "story"

struct Permalink {
  PermalinkKind kind = PermalinkKind::Post;
  std::string shortcode;             // post and reel
  std::string user;                  // story
  std::string story_id;              // story
  std::string url;                   // canonical https://www.instagram.com/... with a trailing slash
  std::vector<std::string> removed;  // names of the query parameters that were dropped
};

// Accepts http(s) links on instagram.com, www.instagram.com, m.instagram.com and the
// official short host instagr.am (scheme optional), to /p/<code>/, /reel/<code>/,
// /reels/<code>/, /<user>/p|reel/<code>/ and /stories/<user>/<id>/. Drops every query
// parameter (igsh, utm_*, img_index, ...) and the fragment. Errors: empty_url,
// url_too_long, bad_url (spaces, controls, credentials, odd ports, backslashes, non-ASCII),
// unsupported_scheme (javascript:, data:, ...), wrong_host (any other host, lookalikes
// included) and not_a_permalink (an Instagram page that is not a post, reel or story).
Expected<Permalink> normalize_permalink(std::string_view text);

// Well-formed UTF-8 by RFC 3629 (no overlongs, surrogates or code points past U+10FFFF).
bool valid_utf8(std::string_view text);

// RFC 3986 percent-encoding for a query value: everything except A-Z a-z 0-9 - . _ ~.
std::string percent_encode(std::string_view text);

// X's weighted length (twitter-text configuration v3): code points in
// U+0000-10FF, U+2000-200D, U+2010-201F and U+2032-2037 weigh 1, every other 2; an emoji
// sequence (ZWJ, skin tone, flag, keycap, VS16) weighs 2 however long; a URL weighs 23.
// No NFC normalization: decomposed input can only count longer, never shorter.
int x_weighted_length(std::string_view utf8);

struct FittedText {
  std::string text;
  int weighted_length = 0;
  bool trimmed = false;
};
// Trims text to at most `budget` weighted characters at a word boundary (a character
// boundary when words would lose more than half), ending it with "…". Never cuts inside
// a URL, an emoji sequence or a combining sequence. Surrounding whitespace is dropped;
// a budget too small even for the ellipsis gives "".
FittedText fit_x_text(std::string_view utf8, int budget);
// The same trimming by plain code points, for networks without weights.
FittedText fit_code_points(std::string_view utf8, int budget);

// ShareNetwork is generated from core/data/registry.json (pack_data.h).
const char* network_name(ShareNetwork network);  // "facebook", "x", "tumblr", "okru", "copy"
bool network_from_name(std::string_view name, ShareNetwork& out);
std::string network_names();  // "facebook, x, ... or copy", for error details

inline constexpr int kXMaxWeighted = 280;
inline constexpr int kXUrlWeight = 23;
inline constexpr int kTumblrCaptionMax = 1000;  // code points
inline constexpr int kOkTitleMax = 200;         // code points
inline constexpr int kThreadsTextMax = 500;     // code points, Threads' post limit

// The network's official share URL for the permalink, with text where the network takes
// one (X: the fitted tweet text; Tumblr: caption; OK.ru: title; Threads: text; Facebook
// takes none).
// Copy gives the clean permalink itself.
std::string share_url(ShareNetwork network, const Permalink& permalink, std::string_view text);

}  // namespace crosslink
