#include "url.h"

#include <cctype>

namespace crosslink {
namespace {
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
}  // namespace

Url parse_url(std::string_view s) {
  Url url;
  std::size_t colon = s.find("://");
  if (colon == std::string_view::npos) return url;
  for (char c : s.substr(0, colon)) url.scheme += lower(c);
  std::string_view rest = s.substr(colon + 3);
  std::size_t host_end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, host_end);
  if (std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority = authority.substr(at + 1);
    url.userinfo = true;
  }
  if (std::size_t port = authority.find(':'); port != std::string_view::npos) {
    url.port = std::string(authority.substr(port + 1));
    authority = authority.substr(0, port);
  }
  for (char c : authority) url.host += lower(c);
  if (host_end == std::string_view::npos) return url;
  rest = rest.substr(host_end);
  if (std::size_t hash = rest.find('#'); hash != std::string_view::npos) {
    url.fragment = std::string(rest.substr(hash + 1));
    rest = rest.substr(0, hash);
  }
  if (std::size_t q = rest.find('?'); q != std::string_view::npos) {
    url.query = std::string(rest.substr(q + 1));
    rest = rest.substr(0, q);
  }
  url.path = std::string(rest);
  return url;
}

Link resolve_link(const Url& base, std::string_view raw) {
  Link link;
  std::string href;
  for (char c : raw) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) continue;  // what browsers strip or ignore
    href += c == '\\' ? '/' : c;
  }
  if (href.empty() || href[0] == '#') {
    link.none = true;
    return link;
  }
  // A scheme: letters, digits, + - . before the first ':' (and before any / ? #).
  std::size_t colon = href.find(':');
  bool has_scheme = colon != std::string::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(href[0])) &&
                    href.find_first_of("/?#") > colon;
  for (std::size_t k = 0; has_scheme && k < colon; ++k) {
    char c = href[k];
    has_scheme = std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  }
  if (has_scheme) {
    if (href.compare(colon + 1, 2, "//") == 0) {
      link.url = parse_url(href);
    } else {
      for (char c : href.substr(0, colon)) link.url.scheme += lower(c);
    }
    return link;
  }
  if (href.compare(0, 2, "//") == 0) {
    link.url = parse_url(base.scheme + ":" + href);
    return link;
  }
  Url u = parse_url("x://h" + std::string(href[0] == '/' || href[0] == '?' ? "" : "/") + href);
  link.url = base;
  link.url.query = u.query;
  link.url.fragment = u.fragment;
  if (href[0] == '?') return link;
  if (href[0] == '/') {
    link.url.path = u.path;
  } else {
    std::size_t slash = base.path.rfind('/');
    link.url.path = (slash == std::string::npos ? "/" : base.path.substr(0, slash + 1)) + u.path.substr(1);
  }
  return link;
}

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && space(s[b])) ++b;
  while (e > b && space(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = trim(text.substr(start, end - start));
    if (!line.empty()) lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

}  // namespace crosslink
