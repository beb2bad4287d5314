// The problem report (core/report.h).
#include "report.h"

#include <set>

#include "api.h"
#include "flow.h"
#include "fold.h"
#include "locator.h"
#include "screens.h"
#include "url.h"

namespace crosslink::report {
namespace {

using nlohmann::json;

// The path words of the pages Crosslink knows (screens' paths, the pages it navigates to).
const std::set<std::string>& path_words() {
  static const std::set<std::string> words = [] {
    std::set<std::string> out;
    auto add = [&](std::string_view path) {
      std::size_t start = 0;
      while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        std::string_view seg = path.substr(start, end - start);
        if (!seg.empty() && seg.find('*') == std::string_view::npos) out.insert(std::string(seg));
        start = end + 1;
      }
    };
    for (int s = 0; s < pack::kScreenCount; ++s)
      for (int p = pack::kScreens[s].paths_first; p < pack::kScreens[s].paths_first + pack::kScreens[s].paths_count; ++p) add(pack::kPaths[p]);
    for (int p = 0; p < pack::kPageCount; ++p) add(parse_url(pack::kPages[p].url).path);
    return out;
  }();
  return words;
}

// Meta's hosts are kept in a report; any other is "[host]".
bool known_host(const std::string& host) { return meta_host(host); }

// A plain token (an id of ours: a screen, a locator, an error name): kept; else "".
std::string token(const json& v, std::size_t max = 64) {
  if (!v.is_string()) return "";
  std::string s = v.get<std::string>();
  if (s.empty() || s.size() > max) return "";
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == ':' || c == '.'))
      return "";
  return s;
}

// "Chromium 156.0.1": letters, digits, spaces, dots and slashes only.
std::string product(const json& v) {
  if (!v.is_string()) return "";
  std::string s = v.get<std::string>().substr(0, 60), out;
  for (char c : s)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '.' || c == '/') out += c;
  return out;
}

}  // namespace

std::string redact_url(std::string_view text) {
  if (text.empty()) return "";
  Url u = parse_url(text);
  if (u.host.empty()) {
    // A relative href: its path alone.
    if (text[0] != '/' || (text.size() > 1 && text[1] == '/')) return "[url]";
    u.path = std::string(text.substr(0, text.find_first_of("?#")));
  }
  std::string out = u.host.empty() ? "" : (u.scheme.empty() ? "" : u.scheme + "://") + (known_host(u.host) ? u.host : "[host]");
  const std::set<std::string>& words = path_words();
  std::size_t start = 1;
  if (u.path.empty()) return out + "/";
  while (start <= u.path.size()) {
    std::size_t end = u.path.find('/', start);
    if (end == std::string::npos) end = u.path.size();
    std::string seg = u.path.substr(start, end - start);
    out += '/';
    if (!seg.empty()) out += words.count(seg) ? seg : ":id";
    start = end + 1;
  }
  if (!u.query.empty()) out += "?[query]";
  return out;
}

std::string redact_text(std::string_view text, const char* placeholder) {
  std::string out;
  std::size_t start = 0;
  bool any = false;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = fold(text.substr(start, end - start));
    if (!line.empty()) {
      if (any) out += '\n';
      any = true;
      int w = wording_of(line);
      out += w >= 0 ? pack::kWordings[w].text : placeholder;
    }
    start = end + 1;
  }
  return out;
}

json redact_snapshot(const Page& page) {
  const Snapshot& s = page.snapshot();
  json elements = json::array();
  for (const Element& e : s.elements) {
    json j = {{"i", e.index}, {"role", e.role == Role::Other ? token(json(std::string(e.role_text)), 32) : role_name(e.role)}};
    if (!e.name.empty()) j["name"] = redact_text(e.name, kName);
    if (!e.text.empty() && e.text != e.name) j["text"] = redact_text(e.text, kText);
    if (!e.href.empty()) j["href"] = redact_url(e.href);
    if (e.checked >= 0) j["checked"] = e.checked == 1;
    if (e.disabled) j["disabled"] = true;
    if (e.container >= 0) j["container"] = e.container;
    elements.push_back(std::move(j));
  }
  return {{"url", redact_url(s.url)}, {"lang", locale_name(page.locale())}, {"readable", s.readable},
          {"title", redact_text(s.title, kText)}, {"screen", screen_name(recognize(page).screen)}, {"elements", std::move(elements)}};
}

json build(const json& info, const Page* last) {
  const json& in = info.is_object() ? info : json::object();
  auto field = [&](const char* key) { return in.contains(key) ? in[key] : json(); };
  json trail = json::array();
  const json t = field("trail");
  if (t.is_array()) {
    for (std::size_t k = t.size() > 60 ? t.size() - 60 : 0; k < t.size(); ++k) {
      if (!t[k].is_object()) continue;
      json entry = json::object();
      // Only what names our own ids: a known screen, decision kind and locator; reasons
      // and errors as lower-case words. Anything else in an entry is left out.
      const json& e = t[k];
      Screen screen;
      std::string v = token(e.value("screen", json()));
      if (!v.empty() && screen_from_name(v, screen)) entry["screen"] = v;  // unknown and unreadable are names too
      v = token(e.value("kind", json()));
      for (const char* kind : {"click", "toggle", "navigate", "wait", "ask_user", "done", "error", "person_click", "cancel"})
        if (v == kind) entry["kind"] = v;
      v = token(e.value("locator", json()));
      for (int l = 0; !v.empty() && l < pack::kLocatorCount; ++l)
        if (v == pack::kLocators[l].id) entry["locator"] = v;
      for (const char* key : {"reason", "error"}) {
        v = token(e.value(key, json()), 40);
        if (!v.empty() && v.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos) entry[key] = v;
      }
      if (e.contains("taught") && e["taught"].is_boolean()) entry["taught"] = e["taught"];
      if (!entry.empty()) trail.push_back(std::move(entry));
    }
  }
  FlowKind kind;
  std::string flow = token(field("flow"));
  json out = {{"report", "crosslink-problem-report"},
              {"crosslink", product(field("extension"))},
              {"core", api::version()},
              {"browser", product(field("browser"))},
              {"flow", flow_from_name(flow, kind) ? flow : ""},
              {"outcome", token(field("outcome"))},
              {"pageLocale", last ? locale_name(last->locale()) : ""},
              {"trail", std::move(trail)}};
  out["lastSnapshot"] = last ? redact_snapshot(*last) : json(nullptr);
  return out;
}

std::string to_text(const json& r) {
  std::string out = "Crosslink problem report\n";
  auto line = [&](const char* label, const std::string& v) { out += std::string(label) + ": " + (v.empty() ? "-" : v) + "\n"; };
  line("Crosslink", r.value("crosslink", "") + " (core " + r.value("core", "") + ")");
  line("Browser", r.value("browser", ""));
  line("Page language", r.value("pageLocale", ""));
  line("Flow", r.value("flow", ""));
  line("Outcome", r.value("outcome", ""));
  out += "Trail:\n";
  for (const json& e : r.value("trail", json::array())) {
    out += " -";
    for (auto it = e.begin(); it != e.end(); ++it) out += " " + it.key() + "=" + (it->is_string() ? it->get<std::string>() : it->dump());
    out += "\n";
  }
  const json& s = r["lastSnapshot"];
  if (s.is_object() && s.contains("elements")) {
    out += "Last page: " + s.value("url", "") + " (" + s.value("screen", "") + ", lang " + s.value("lang", "") + ")\n";
    out += "Title: " + s.value("title", "") + "\n";
    for (const json& e : s["elements"]) {
      std::string l = " #" + std::to_string(e.value("i", 0)) + " " + e.value("role", "");
      if (e.contains("name")) l += " \"" + e["name"].get<std::string>() + "\"";
      if (e.contains("text") && e.value("text", "") != e.value("name", "")) {
        std::string text = e["text"].get<std::string>();
        for (char& c : text) if (c == '\n') c = '|';
        l += " text \"" + text + "\"";
      }
      if (e.contains("href")) l += " -> " + e["href"].get<std::string>();
      if (e.contains("checked")) l += e["checked"].get<bool>() ? " [on]" : " [off]";
      if (e.value("disabled", false)) l += " [disabled]";
      if (e.contains("container")) l += " in #" + std::to_string(e["container"].get<int>());
      out += l + "\n";
    }
  } else {
    out += "Last page: -\n";
  }
  return out;
}

}  // namespace crosslink::report
