#include "snapshot.h"

#include <nlohmann/json.hpp>

#include "text_scan.h"

namespace crosslink {
namespace {

using nlohmann::json;

Error bad_field(std::size_t i, const char* field, const char* expected) {
  return {"bad_snapshot", "elements[" + std::to_string(i) + "]" + (*field ? "." : "") + field + ": expected " + expected};
}

// Reads an optional string member; false when present with the wrong type.
bool read_string(const json& object, const char* key, std::string& out) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return true;
  if (!it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

}  // namespace

Expected<Snapshot> parse_snapshot(std::string_view text, const SnapshotLimits& limits) {
  if (text.size() > limits.max_bytes)
    return Error{"too_large", std::to_string(text.size()) + " bytes"};
  if (auto scan = scan_json_text(text, limits.max_depth, limits.max_string); !scan.ok())
    return scan.error();

  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Error{"bad_json", "snapshot is not valid JSON"};
  if (!doc.is_object()) return Error{"bad_snapshot", "top level: expected object"};

  Snapshot snap;
  if (!read_string(doc, "url", snap.url)) return Error{"bad_snapshot", "url: expected string"};
  if (!read_string(doc, "lang", snap.lang)) return Error{"bad_snapshot", "lang: expected string"};
  if (!read_string(doc, "title", snap.title)) return Error{"bad_snapshot", "title: expected string"};
  if (snap.url.empty()) return Error{"bad_snapshot", "url: missing"};

  auto elements = doc.find("elements");
  if (elements == doc.end()) return Error{"bad_snapshot", "elements: missing"};
  if (!elements->is_array()) return Error{"bad_snapshot", "elements: expected array"};
  if (elements->size() > limits.max_elements)
    return Error{"too_many_elements", std::to_string(elements->size()) + " elements"};

  snap.elements.reserve(elements->size());
  for (std::size_t i = 0; i < elements->size(); ++i) {
    const json& e = (*elements)[i];
    if (!e.is_object()) return bad_field(i, "", "object");
    Element el;
    auto idx = e.find("i");
    if (idx == e.end() || !idx->is_number_integer() || idx->get<long long>() != static_cast<long long>(i))
      return bad_field(i, "i", "its position in the list");
    el.index = static_cast<int>(i);
    auto role = e.find("role");
    if (role == e.end() || !role->is_string()) return bad_field(i, "role", "string");
    el.role = role->get<std::string>();
    if (!read_string(e, "name", el.name)) return bad_field(i, "name", "string");
    if (!read_string(e, "text", el.text)) return bad_field(i, "text", "string");
    if (!read_string(e, "href", el.href)) return bad_field(i, "href", "string");
    if (auto c = e.find("checked"); c != e.end() && !c->is_null()) {
      if (!c->is_boolean()) return bad_field(i, "checked", "boolean");
      el.checked = c->get<bool>() ? 1 : 0;
    }
    if (auto c = e.find("container"); c != e.end() && !c->is_null()) {
      if (!c->is_number_integer()) return bad_field(i, "container", "integer");
      long long v = c->get<long long>();
      if (v < -1 || v >= static_cast<long long>(i)) return bad_field(i, "container", "an earlier index or -1");
      el.container = static_cast<int>(v);
    }
    snap.elements.push_back(std::move(el));
  }
  return snap;
}

}  // namespace crosslink
