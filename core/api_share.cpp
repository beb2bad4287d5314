#include "api_share.h"

#include "json_text.h"
#include "share.h"
#include "text_scan.h"
#include "url.h"

namespace crosslink::api {
namespace {

constexpr std::size_t kTextMaxBytes = 16u << 10;  // an Instagram caption is at most 2,200 characters

// Network names from "facebook,x": each known and once; "" is none.
Expected<std::vector<ShareNetwork>> parse_networks(std::string_view list) {
  std::vector<ShareNetwork> out;
  while (!list.empty()) {
    std::string_view name = list.substr(0, list.find(','));
    list.remove_prefix(name.size() < list.size() ? name.size() + 1 : name.size());
    ShareNetwork n;
    if (!network_from_name(name, n))
      return Error{"unknown_network", "expected " + network_names() + ", got \"" + std::string(name.substr(0, 20)) + "\""};
    for (ShareNetwork k : out)
      if (k == n) return Error{"unknown_network", std::string(network_name(n)) + " is named twice"};
    out.push_back(n);
  }
  return out;
}

}  // namespace

std::string normalize_permalink(const std::string& url) {
  Expected<Permalink> r = crosslink::normalize_permalink(url);
  if (!r.ok()) return failure_reply(r.error());
  const Permalink& p = r.value();
  Json out = {{"url", p.url}, {"kind", permalink_kind_name(p.kind)}, {"removed", p.removed}};
  if (p.kind == PermalinkKind::Story) {
    out["user"] = p.user;
    out["id"] = p.story_id;
  } else {
    out["shortcode"] = p.shortcode;
  }
  return ok_reply(std::move(out));
}

std::string share_links(const std::string& url, const std::string& text, const std::string& networks) {
  if (text.size() > kTextMaxBytes)
    return failure_reply(Error{"text_too_long", std::to_string(text.size()) + " bytes, at most " + std::to_string(kTextMaxBytes)});
  if (!valid_utf8(text)) return failure_reply({"bad_utf8", "the text is not valid UTF-8"});
  Expected<std::vector<ShareNetwork>> list = parse_networks(networks);
  if (!list.ok()) return failure_reply(list.error());
  Expected<Permalink> p = crosslink::normalize_permalink(url);
  if (!p.ok()) return failure_reply(p.error());
  Json out = {{"url", p.value().url}, {"removed", p.value().removed}};
  Json links = Json::array();
  for (ShareNetwork n : list.value()) {
    links.push_back({{"network", network_name(n)}, {"url", share_url(n, p.value(), text)}});
    if (n == ShareNetwork::X) {
      FittedText t = fit_x_text(text, kXMaxWeighted - kXUrlWeight - 1);
      int length = kXUrlWeight + (t.text.empty() ? 0 : t.weighted_length + 1);
      out["x"] = {{"text", t.text}, {"weightedLength", length}, {"trimmed", t.trimmed}};
    }
  }
  out["links"] = std::move(links);
  return ok_reply(std::move(out));
}

}  // namespace crosslink::api
