// Any bytes as a post's URL, the text to prefill and the network list (parts split by a
// "--" line): normalize_permalink and share_links answer ok or a named error, and every
// URL they give is an https URL of Instagram or of the network's own share page.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api_share.h"
#include "fuzz_util.h"

namespace {

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto parts = fuzz::split(std::string_view(reinterpret_cast<const char*>(data), size), 3);
  const std::string& url = parts[0];

  auto norm = fuzz::must_parse_object(crosslink::api::normalize_permalink(url));
  if (fuzz::ok_or_named_error(norm)) {
    const auto clean = fuzz::at(norm, "url").get<std::string>();
    if (!starts_with(clean, "https://www.instagram.com/")) __builtin_trap();
    // Normalizing is idempotent: the clean URL is its own permalink with nothing removed.
    auto twice = fuzz::must_parse_object(crosslink::api::normalize_permalink(clean));
    if (!fuzz::ok_or_named_error(twice) || fuzz::at(twice, "url") != fuzz::at(norm, "url") || !fuzz::at(twice, "removed").empty()) __builtin_trap();
  }

  for (const std::string& networks : {parts[2], std::string("facebook,x,tumblr,okru,copy")}) {
    auto links = fuzz::must_parse_object(crosslink::api::share_links(url, parts[1], networks));
    if (!fuzz::ok_or_named_error(links)) continue;
    if (fuzz::at(links, "url") != fuzz::at(norm, "url")) __builtin_trap();  // the same permalink both ways
    for (const auto& link : fuzz::at(links, "links")) {
      const auto u = fuzz::at(link, "url").get<std::string>();
      if (!starts_with(u, "https://")) __builtin_trap();
      if (u.find_first_of(" \n\r\t\"<>") != std::string::npos) __builtin_trap();  // encoded
    }
  }
  return 0;
}
