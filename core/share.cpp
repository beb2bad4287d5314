#include "share.h"

#include "url.h"

namespace crosslink {
namespace {

constexpr std::size_t kMaxUrlBytes = 2048;
constexpr std::size_t kMaxRemovedNames = 20;
constexpr std::size_t kMaxNameBytes = 40;

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}
bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool all_of(std::string_view s, bool (*ok)(char)) {
  for (char c : s)
    if (!ok(c)) return false;
  return true;
}
bool shortcode_char(char c) { return is_alnum(c) || c == '_' || c == '-'; }
bool username_char(char c) { return is_alnum(c) || c == '_' || c == '.'; }
bool digit(char c) { return c >= '0' && c <= '9'; }
bool scheme_char(char c) { return is_alnum(c) || c == '+' || c == '-' || c == '.'; }

std::string clip(std::string_view s, std::size_t n) {
  return s.size() <= n ? std::string(s) : std::string(s.substr(0, n)) + "...";
}

// The hosts that serve Instagram permalinks; anything else, however close, is refused.
bool instagram_host(std::string_view host) {
  return host == "www.instagram.com" || host == "instagram.com" || host == "m.instagram.com" ||
         host == "instagr.am" || host == "www.instagr.am";
}

void collect_names(std::string_view query, std::vector<std::string>& names) {
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t amp = query.find('&', start);
    if (amp == std::string_view::npos) amp = query.size();
    std::string_view pair = query.substr(start, amp - start);
    std::string name = clip(pair.substr(0, pair.find('=')), kMaxNameBytes);
    bool seen = name.empty();
    for (const std::string& n : names) seen = seen || n == name;
    if (!seen && names.size() < kMaxRemovedNames) names.push_back(std::move(name));
    start = amp + 1;
  }
}

Error not_permalink(std::string_view path) {
  return Error{"not_a_permalink", "path " + clip(path, 80) + " is not a post, reel or story"};
}

// ---- UTF-8 and X's weights ----

// The code point at s[i], advancing i. A malformed sequence (RFC 3629: overlongs,
// surrogates, above U+10FFFF, cut short) reads as U+FFFD one byte long and sets *bad.
char32_t decode(std::string_view s, std::size_t& i, bool* bad = nullptr) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return s[i++];
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c >= 0xE0 && c <= 0xEF) { n = 3; lo = c == 0xE0 ? 0xA0 : 0x80; hi = c == 0xED ? 0x9F : 0xBF; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 4; lo = c == 0xF0 ? 0x90 : 0x80; hi = c == 0xF4 ? 0x8F : 0xBF; }
  bool ok = n && i + n <= s.size() && b(i + 1) >= lo && b(i + 1) <= hi;
  for (std::size_t k = 2; ok && k < n; ++k) ok = (b(i + k) & 0xC0) == 0x80;
  if (!ok) {
    if (bad) *bad = true;
    ++i;
    return 0xFFFD;
  }
  char32_t cp = c & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (b(i + k) & 0x3F);
  i += n;
  return cp;
}

char32_t peek(std::string_view s, std::size_t i, std::size_t* next = nullptr) {
  if (i >= s.size()) return 0;
  char32_t c = decode(s, i);
  if (next) *next = i;
  return c;
}

// twitter-text config v3 (github.com/twitter/twitter-text/blob/master/config/v3.json):
// scale 100, defaultWeight 200, these ranges weigh 100.
int weight_of(char32_t c) {
  if (c <= 4351 || (c >= 8192 && c <= 8205) || (c >= 8208 && c <= 8223) || (c >= 8242 && c <= 8247)) return 100;
  return 200;
}

bool regional(char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }
bool skin_tone(char32_t c) { return c >= 0x1F3FB && c <= 0x1F3FF; }
bool emoji_tag(char32_t c) { return c >= 0xE0020 && c <= 0xE007F; }
// Code points that can start an emoji presentation sequence (a generous reading of
// Extended_Pictographic; being generous only matters when a VS16 or ZWJ follows).
bool pictographic(char32_t c) {
  return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2300 && c <= 0x23FF) ||
         (c >= 0x2B00 && c <= 0x2BFF) || (c >= 0x2190 && c <= 0x21FF) || (c >= 0x25A0 && c <= 0x25FF) ||
         (c >= 0x2900 && c <= 0x297F) || c == 0xA9 || c == 0xAE || c == 0x203C || c == 0x2049 || c == 0x2122 ||
         c == 0x2139 || c == 0x24C2 || c == 0x3030 || c == 0x303D || c == 0x3297 || c == 0x3299;
}
bool combining(char32_t c) {
  return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) || (c >= 0xFE00 && c <= 0xFE0F);
}

struct Cluster {
  std::size_t end;
  int weight;  // in 1/100 of a character
};

// One unit that is never cut: an emoji sequence, or a code point with its combining marks.
Cluster next_cluster(std::string_view s, std::size_t i) {
  std::size_t j = i;
  char32_t c = decode(s, j);
  std::size_t k = j;
  if (regional(c)) return {regional(peek(s, j, &k)) ? k : j, 200};
  if ((c >= '0' && c <= '9') || c == '#' || c == '*') {
    char32_t d = peek(s, j, &k);
    if (d == 0x20E3) return {k, 200};
    std::size_t m = k;
    if (d == 0xFE0F && peek(s, k, &m) == 0x20E3) return {m, 200};
  }
  int weight = weight_of(c);
  if (pictographic(c)) {
    int parts = 1;
    for (;;) {
      char32_t d = peek(s, j, &k);
      if (d == 0xFE0F || skin_tone(d) || emoji_tag(d)) {
        j = k;
        ++parts;
      } else if (d == 0x200D) {
        std::size_t m = k;
        if (!pictographic(peek(s, k, &m))) break;
        j = m;
        parts += 2;
      } else {
        break;
      }
    }
    if (parts > 1) return {j, 200};
  }
  for (char32_t d = peek(s, j, &k); d && combining(d); d = peek(s, j, &k)) {
    weight += weight_of(d);
    j = k;
  }
  return {j, weight};
}

bool space(char c) { return c == ' ' || c == '\n' || c == '\t'; }
bool trailing_punct(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' || c == '}' ||
         c == '\'' || c == '"';
}
bool url_char(char c) {
  return is_alnum(c) || (c != '"' && c != '<' && c != '>' && c != '\\' && c != '^' && c != '`' && c != '{' &&
                         c != '}' && c > 0x20 && c < 0x7F);
}

// Where a URL sits in a token: [begin, end) and whether X links it for sure (an explicit
// http(s) scheme) or perhaps (a bare domain such as example.com/x).
struct UrlSpan {
  std::size_t begin = 0, end = 0;
  bool certain = false;
};
bool find_url(std::string_view token, UrlSpan& span) {
  std::string low = lowered(token);
  std::size_t p = low.find("http://");
  std::size_t q = low.find("https://");
  std::size_t at = p < q ? p : q;
  if (at != std::string::npos) {
    std::size_t host = low.find("//", at) + 2;
    std::size_t e = host;
    while (e < token.size() && url_char(token[e])) ++e;
    while (e > host && trailing_punct(token[e - 1])) --e;
    std::string_view h = token.substr(host, e - host);
    if (h.find('.') == std::string_view::npos) return false;
    span = {at, e, true};
    return true;
  }
  // A bare domain: starts at an alphanumeric, holds a dot followed by two letters.
  std::size_t b = 0;
  while (b < token.size() && !is_alnum(token[b])) ++b;
  std::size_t e = b;
  while (e < token.size() && url_char(token[e])) ++e;
  while (e > b && trailing_punct(token[e - 1])) --e;
  std::string_view core = token.substr(b, e - b);
  std::size_t host_end = core.find_first_of("/?#");
  std::string_view host = core.substr(0, host_end);
  std::size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || host.size() - dot < 3) return false;
  for (char c : host.substr(dot + 1))
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  span = {b, e, false};
  return true;
}

int literal_weight(std::string_view s) {
  int w = 0;
  for (std::size_t i = 0; i < s.size();) {
    Cluster c = next_cluster(s, i);
    w += c.weight;
    i = c.end;
  }
  return w;
}

// Weight of one whitespace-free token, in 1/100 characters: a URL is 23 (a bare domain
// at least 23 and at least its own length, so the count never falls short of X's).
int token_weight(std::string_view token, UrlSpan* url_out = nullptr) {
  UrlSpan span;
  if (!find_url(token, span)) return literal_weight(token);
  if (url_out) *url_out = span;
  int url = kXUrlWeight * 100;
  if (!span.certain) {
    int own = literal_weight(token.substr(span.begin, span.end - span.begin));
    if (own > url) url = own;
  }
  return literal_weight(token.substr(0, span.begin)) + url + literal_weight(token.substr(span.end));
}

// Text with CR LF as LF and other control characters as spaces, trimmed.
std::string clean_text(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c == '\r' && i + 1 < in.size() && in[i + 1] == '\n') continue;
    if (c == '\r') out += '\n';
    else if ((c < 0x20 && c != '\n') || c == 0x7F) out += ' ';
    else out += static_cast<char>(c);
  }
  return trim(out);
}

bool droppable_tail(char c) {
  return space(c) || c == ',' || c == ';' || c == ':' || c == '.' || c == '-';
}

const char kEllipsis[] = "\xE2\x80\xA6";  // U+2026, weight 2 (outside the weight-1 ranges)

// Shared trimming. `weigh(token, url)` gives a whitespace-free token's weight and where
// its URL is, if any; `unit(cluster)` one cluster's weight; whitespace weighs 100.
using TokenWeight = int (*)(std::string_view token, UrlSpan* url);
using ClusterWeight = int (*)(std::string_view cluster);

int text_weight(std::string_view text, TokenWeight weigh) {
  int total = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t e = i;
    while (e < text.size() && !space(text[e])) ++e;
    total += e == i ? 100 : weigh(text.substr(i, e - i), nullptr);
    i = e == i ? i + 1 : e;
  }
  return total;
}

FittedText fit(std::string_view raw, int budget, TokenWeight weigh, ClusterWeight unit) {
  auto weigh_text = [&](std::string_view text) { return text_weight(text, weigh); };
  FittedText out;
  out.text = clean_text(raw);
  int total = weigh_text(out.text);
  if (total <= budget * 100) {
    out.weighted_length = total / 100;
    return out;
  }
  // Too long: the last cut at a word end, or else at a cluster end, that leaves room for
  // the ellipsis. A word cut wins unless it would keep less than half the room.
  const std::string_view text = out.text;
  const int room = budget * 100 - unit(kEllipsis);
  std::size_t word_cut = 0, char_cut = 0;
  int word_weight = 0, used = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (space(text[i])) {
      used += 100;
      ++i;
      continue;
    }
    std::size_t e = i;
    while (e < text.size() && !space(text[e])) ++e;
    std::string_view token = text.substr(i, e - i);
    UrlSpan url;
    int w = weigh(token, &url);
    if (used + w <= room) {
      used += w;
      word_cut = char_cut = e;
      word_weight = used;
      i = e;
      continue;
    }
    // Part of this token fits: cut between clusters, before any URL in it.
    std::size_t limit = url.end > url.begin ? url.begin : token.size();
    for (std::size_t k = 0; k < limit;) {
      Cluster c = next_cluster(token, k);
      int cw = unit(token.substr(k, c.end - k));
      if (c.end > limit || used + cw > room) break;
      used += cw;
      k = c.end;
      char_cut = i + k;
    }
    break;
  }
  std::size_t cut = (word_cut > 0 && word_weight * 2 >= room) ? word_cut : char_cut;
  // Cutting can change how a token reads (example.orgx1 is no domain, example.orgx is),
  // so check the result and step back a cluster at a time until it fits.
  for (;;) {
    while (cut > 0 && droppable_tail(text[cut - 1])) --cut;
    std::string candidate = std::string(text.substr(0, cut)) + kEllipsis;
    int weight = weigh_text(candidate);
    if (weight <= budget * 100 || cut == 0) {
      out.text = weight <= budget * 100 ? std::move(candidate) : std::string();
      out.weighted_length = weight <= budget * 100 ? weight / 100 : 0;
      break;
    }
    std::size_t previous = 0;
    for (std::size_t i = 0; i < cut;) {
      std::size_t end = space(text[i]) ? i + 1 : next_cluster(text, i).end;
      if (end >= cut) break;
      previous = i = end;
    }
    cut = previous;
  }
  out.trimmed = true;
  return out;
}

int x_token_weight(std::string_view token, UrlSpan* url) { return token_weight(token, url); }
int code_points(std::string_view t) {
  int n = 0;
  for (char c : t) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n * 100;
}
int code_point_token(std::string_view token, UrlSpan*) { return code_points(token); }

}  // namespace

bool valid_utf8(std::string_view s) {
  bool bad = false;
  for (std::size_t i = 0; i < s.size() && !bad;) decode(s, i, &bad);
  return !bad;
}

const char* permalink_kind_name(PermalinkKind kind) {
  switch (kind) {
    case PermalinkKind::Post: return "post";
    case PermalinkKind::Reel: return "reel";
    case PermalinkKind::Story: return "story";
  }
  return "post";
}

Expected<Permalink> normalize_permalink(std::string_view input) {
  std::string trimmed = trim(input);
  std::string_view s = trimmed;
  if (s.empty()) return Error{"empty_url", "no link was given"};
  if (s.size() > kMaxUrlBytes)
    return Error{"url_too_long", std::to_string(s.size()) + " bytes, at most " + std::to_string(kMaxUrlBytes)};
  if (!valid_utf8(s)) return Error{"bad_utf8", "the link is not valid UTF-8 text"};

  // Scheme: http or https, or none at all (a pasted "instagram.com/p/..." or "//...").
  std::string_view rest = s;
  bool http = false;
  std::size_t colon = s.find(':');
  std::string_view scheme = s.substr(0, colon);
  if (colon != std::string_view::npos && colon > 0 && is_alnum(s[0]) && !digit(s[0]) && all_of(scheme, scheme_char) &&
      scheme.find('.') == std::string_view::npos) {
    std::string name = lowered(scheme);
    if (name != "http" && name != "https") return Error{"unsupported_scheme", clip(name, 20) + ":"};
    http = name == "http";
    rest = s.substr(colon + 1);
    if (rest.substr(0, 2) != "//") return Error{"bad_url", "expected // after " + name + ":"};
  }
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) return Error{"bad_url", "space or control character inside the link"};
    if (c == '\\') return Error{"bad_url", "backslash inside the link"};
  }
  if (rest.substr(0, 2) == "//") rest.remove_prefix(2);

  std::size_t authority_end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, authority_end);
  rest = authority_end == std::string_view::npos ? std::string_view() : rest.substr(authority_end);
  if (authority.find('@') != std::string_view::npos) return Error{"bad_url", "the link carries credentials (@)"};
  std::string_view host = authority.substr(0, authority.find(':'));
  if (host.size() < authority.size()) {
    std::string_view port = authority.substr(host.size() + 1);
    if (!port.empty() && port != (http ? "80" : "443")) return Error{"bad_url", "port " + clip(port, 10)};
  }
  std::string host_lower = lowered(host);
  if (host_lower.empty()) return Error{"bad_url", "no host"};
  if (!instagram_host(host_lower)) return Error{"wrong_host", "host " + clip(host_lower, 80)};

  std::string_view path = rest.substr(0, rest.find_first_of("?#"));
  Permalink link;
  std::string_view query = rest.substr(path.size());
  if (!query.empty() && query[0] == '?') collect_names(query.substr(1, query.find('#') - 1), link.removed);

  // Up to three segments, none empty, none encoded, none a dot segment.
  std::string_view seg[4];
  std::size_t n = 0;
  std::string_view p = path.empty() ? path : path.substr(1);
  if (!p.empty() && p.back() == '/') p.remove_suffix(1);
  while (!path.empty() && n < 4) {
    std::size_t slash = p.find('/');
    seg[n++] = p.substr(0, slash);
    if (slash == std::string_view::npos) break;
    p.remove_prefix(slash + 1);
  }
  bool sound = n >= 2 && n <= 3 && path.find('%') == std::string_view::npos;
  for (std::size_t i = 0; i < n; ++i) sound = sound && !seg[i].empty() && seg[i] != "." && seg[i] != "..";
  if (!sound) return not_permalink(path);

  auto user_ok = [](std::string_view u) { return u.size() <= 30 && all_of(u, username_char); };
  bool story = equals_ignore_case(seg[0], "stories");
  // /p/<code>/, /reel(s)/<code>/, and the profile-scoped /<user>/p/<code>/ for the same post.
  std::string_view keyword = n == 2 ? seg[0] : (!story && user_ok(seg[0])) ? seg[1] : std::string_view();
  std::string_view code = seg[n - 1];
  bool post = equals_ignore_case(keyword, "p");
  bool reel = equals_ignore_case(keyword, "reel") || equals_ignore_case(keyword, "reels");
  if ((post || reel) && code.size() <= 64 && all_of(code, shortcode_char)) {
    link.kind = post ? PermalinkKind::Post : PermalinkKind::Reel;
    link.shortcode = std::string(code);
    link.url = std::string("https://www.instagram.com/") + (post ? "p/" : "reel/") + link.shortcode + "/";
    return link;
  }
  if (n == 3 && story && user_ok(seg[1]) && seg[2].size() <= 30 && all_of(seg[2], digit)) {
    link.kind = PermalinkKind::Story;
    link.user = lowered(seg[1]);
    link.story_id = std::string(seg[2]);
    link.url = "https://www.instagram.com/stories/" + link.user + "/" + link.story_id + "/";
    return link;
  }
  return not_permalink(path);
}

std::string percent_encode(std::string_view text) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (char c : text) {
    if (is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      unsigned char u = static_cast<unsigned char>(c);
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 15];
    }
  }
  return out;
}

int x_weighted_length(std::string_view utf8) { return text_weight(utf8, x_token_weight) / 100; }

FittedText fit_x_text(std::string_view utf8, int budget) { return fit(utf8, budget, x_token_weight, literal_weight); }

FittedText fit_code_points(std::string_view utf8, int budget) {
  return fit(utf8, budget, code_point_token, code_points);
}

const char* network_name(ShareNetwork network) {
  int n = static_cast<int>(network);
  return n < registry::kNetworkCount ? registry::kNetworks[n].name : "";
}

std::string network_names() {
  std::string out;
  for (int n = 0; n < registry::kNetworkCount; ++n)
    out += std::string(n == 0 ? "" : n + 1 == registry::kNetworkCount ? " or " : ", ") + registry::kNetworks[n].name;
  return out;
}

bool network_from_name(std::string_view name, ShareNetwork& out) {
  return registry::from_name(name, registry::kNetworkCount, [](int n) { return registry::kNetworks[n].name; }, out);
}

std::string share_url(ShareNetwork network, const Permalink& permalink, std::string_view text) {
  const std::string u = percent_encode(permalink.url);
  switch (network) {
    case ShareNetwork::Facebook:
      // Facebook's sharer takes the link only; its policy forbids prefilled text. The
      // documented Share dialog (developers.facebook.com/docs/sharing/reference/share-dialog)
      // needs an app_id, which a keyless extension does not have.
      return "https://www.facebook.com/sharer/sharer.php?u=" + u;
    case ShareNetwork::X: {
      // X Web Intent, https://x.com/intent/tweet (docs.x.com/x-for-websites/post-button/
      // guides/web-intent): text and url; X joins them with a space and counts the url as 23.
      FittedText t = fit_x_text(text, kXMaxWeighted - kXUrlWeight - 1);
      return "https://x.com/intent/tweet?" + (t.text.empty() ? "" : "text=" + percent_encode(t.text) + "&") +
             "url=" + u;
    }
    case ShareNetwork::Tumblr: {
      // Tumblr share button (help.tumblr.com, "Share button documentation"): a link post
      // whose content and canonicalUrl are the permalink, with an optional caption.
      FittedText t = fit_code_points(text, kTumblrCaptionMax);
      return "https://www.tumblr.com/widgets/share/tool?posttype=link&canonicalUrl=" + u + "&content=" + u +
             (t.text.empty() ? "" : "&caption=" + percent_encode(t.text));
    }
    case ShareNetwork::OkRu: {
      // OK.ru share link (apiok.ru/en/ext/like): https://connect.ok.ru/offer?url=&title=;
      // the title is the first line of the text.
      std::string_view first_line = text.substr(0, text.find('\n'));
      FittedText t = fit_code_points(first_line, kOkTitleMax);
      return "https://connect.ok.ru/offer?url=" + u + (t.text.empty() ? "" : "&title=" + percent_encode(t.text));
    }
    case ShareNetwork::Threads: {
      // Threads' web intent, https://www.threads.net/intent/post, as share buttons build it
      // (react-share's ThreadsShareButton: url, then text): the link, and the text within
      // Threads' 500 characters, trimmed at a word with an ellipsis.
      FittedText t = fit_code_points(text, kThreadsTextMax);
      return "https://www.threads.net/intent/post?url=" + u + (t.text.empty() ? "" : "&text=" + percent_encode(t.text));
    }
    case ShareNetwork::Copy:
      return permalink.url;
  }
  return permalink.url;
}

}  // namespace crosslink
