#include "snapshot.h"

#include <algorithm>
#include <cstring>

#include "text_scan.h"

namespace crosslink {
namespace {

constexpr const char* kRoleNames[] = {
    "", "button", "link", "switch", "checkbox", "radio", "menuitem", "menuitemcheckbox", "menuitemradio", "tab",
    "option", "listitem", "dialog", "alertdialog", "heading", "textbox", "searchbox", "combobox", "alert", "status"};
static_assert(sizeof kRoleNames / sizeof *kRoleNames == static_cast<int>(Role::Count), "one name per role");

// Bytes a string may hold as they are: not '"', '\\', a control character or non-ASCII.
struct PlainBytes {
  bool table[256];
  constexpr PlainBytes() : table() {
    for (int c = 0x20; c < 0x80; ++c) table[c] = c != '"' && c != '\\';
  }
};
constexpr PlainBytes kPlain{};

// A strict JSON reader over a private copy of the input; strings are unescaped in place.
class Reader {
 public:
  Reader(char* data, std::size_t size, const SnapshotLimits& limits) : p_(data), end_(data + size), limits_(limits) {}

  Error error;
  bool rewritten = false;  // an escape was unescaped in place: the text is no longer as given
  bool failed() const { return !error.name.empty(); }

  bool fail(const char* name, std::string detail) {
    if (!failed()) error = {name, std::move(detail)};
    return false;
  }
  // The detail stays the one the extension shows; where and what is for a debugger.
  bool syntax(const char*) { return fail("bad_json", "snapshot is not valid JSON"); }
  std::size_t offset() const { return static_cast<std::size_t>(p_ - begin_); }
  std::size_t remaining() const { return static_cast<std::size_t>(end_ - p_); }
  void set_begin(const char* b) { begin_ = b; }

  __attribute__((always_inline)) void ws() {
    char* p = p_;  // a local: the loop need not store the member each step
    while (p < end_ && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) ++p;
    p_ = p;
  }
  bool at_end() { ws(); return p_ == end_; }
  __attribute__((always_inline)) bool eat(char c) {
    ws();
    if (p_ < end_ && *p_ == c) { ++p_; return true; }
    return false;
  }
  __attribute__((always_inline)) char peek() { ws(); return p_ < end_ ? *p_ : '\0'; }

  // Reads a string (the opening quote is next) into a view of the buffer. The common
  // case, plain ASCII up to the closing quote, is one tight loop over a byte table.
  __attribute__((noinline)) bool string(std::string_view& out) {
    if (!eat('"')) return syntax("expected a string");
    char* start = p_;
    char* w = nullptr;  // write position once an escape was seen
    for (;;) {
      char* q = p_;
      while (q < end_ && kPlain.table[static_cast<unsigned char>(*q)]) ++q;
      if (w && q > p_) std::memmove(w, p_, static_cast<std::size_t>(q - p_)), w += q - p_;
      p_ = q;
      if (p_ == end_) return syntax("unterminated string");
      unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') break;
      if (c < 0x20) return syntax("control character in a string");
      if (c == '\\') {
        if (!w) w = p_;
        rewritten = true;
        if (!escape(w)) return false;
        continue;
      }
      std::size_t n = utf8_sequence_length(std::string_view(p_, static_cast<std::size_t>(end_ - p_)), 0);
      if (n == 0) return fail("bad_utf8", "byte offset " + std::to_string(offset()));
      if (w) std::memmove(w, p_, n), w += n;
      p_ += n;
    }
    std::size_t raw = static_cast<std::size_t>(p_ - start);
    if (raw > limits_.max_string)
      return fail("string_too_long", std::to_string(raw) + " bytes at offset " + std::to_string(start - begin_));
    out = std::string_view(start, static_cast<std::size_t>((w ? w : p_) - start));
    ++p_;
    return true;
  }

  // An integer without fraction or exponent; false (not an error yet) for any other number.
  bool integer(long long& out, bool& is_integer) {
    ws();
    const char* s = p_;
    bool neg = p_ < end_ && *p_ == '-';
    if (neg) ++p_;
    if (p_ == end_ || *p_ < '0' || *p_ > '9') return syntax("expected a number");
    long long v = 0;
    bool big = false;
    if (*p_ == '0') ++p_;
    else
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') {
        if (v > 100000000000000LL) big = true;  // not an index any more; keep scanning
        else v = v * 10 + (*p_ - '0');
        ++p_;
      }
    is_integer = !big;
    if (p_ < end_ && *p_ == '.') {
      is_integer = false;
      ++p_;
      if (p_ == end_ || *p_ < '0' || *p_ > '9') return syntax("expected a digit");
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      is_integer = false;
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || *p_ < '0' || *p_ > '9') return syntax("expected a digit");
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    (void)s;
    out = neg ? -v : v;
    return true;
  }

  template <std::size_t N>
  bool literal(const char (&word)[N]) {
    constexpr std::size_t n = N - 1;
    ws();
    if (static_cast<std::size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return syntax("unexpected token");
    p_ += n;
    return true;
  }

  // Skips any value (fields the core does not use), within the nesting limit.
  bool skip(int depth) {
    char c = peek();
    if (c == '"') { std::string_view ignored; return string(ignored); }
    if (c == '{' || c == '[') {
      if (depth >= limits_.max_depth) return fail("too_deep", "nesting over " + std::to_string(limits_.max_depth));
      ++p_;
      char close = c == '{' ? '}' : ']';
      if (eat(close)) return true;
      do {
        if (c == '{') {
          std::string_view key;
          if (!string(key)) return false;
          if (!eat(':')) return syntax("expected ':'");
        }
        if (!skip(depth + 1)) return false;
      } while (eat(','));
      return eat(close) || syntax("expected ',' or a closing bracket");
    }
    if (c == 't') return literal("true");
    if (c == 'f') return literal("false");
    if (c == 'n') return literal("null");
    long long v = 0;
    bool is_int = false;
    return integer(v, is_int);
  }

  // null → keep default; true/false → value; anything else → wrong type.
  enum class Kind { Null, False, True, String, Number, Other };
  Kind kind() {
    switch (peek()) {
      case 'n': return Kind::Null;
      case 't': return Kind::True;
      case 'f': return Kind::False;
      case '"': return Kind::String;
      case '-': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
        return Kind::Number;
      default: return Kind::Other;
    }
  }

 private:
  bool escape(char*& w) {
    ++p_;  // the backslash
    if (p_ == end_) return syntax("unterminated string");
    char e = *p_++;
    switch (e) {
      case '"': *w++ = '"'; return true;
      case '\\': *w++ = '\\'; return true;
      case '/': *w++ = '/'; return true;
      case 'b': *w++ = '\b'; return true;
      case 'f': *w++ = '\f'; return true;
      case 'n': *w++ = '\n'; return true;
      case 'r': *w++ = '\r'; return true;
      case 't': *w++ = '\t'; return true;
      case 'u': break;
      default: return syntax("bad escape");
    }
    uint32_t cp = 0;
    if (!hex4(cp)) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      uint32_t lo = 0;
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return syntax("lone surrogate");
      p_ += 2;
      if (!hex4(lo) || lo < 0xDC00 || lo > 0xDFFF) return failed() ? false : syntax("lone surrogate");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return syntax("lone surrogate");
    }
    // The escape is 6 (or 12) bytes; its UTF-8 is at most 4: writing never overtakes reading.
    if (cp < 0x80) *w++ = static_cast<char>(cp);
    else if (cp < 0x800) *w++ = static_cast<char>(0xC0 | cp >> 6), *w++ = static_cast<char>(0x80 | (cp & 0x3F));
    else if (cp < 0x10000)
      *w++ = static_cast<char>(0xE0 | cp >> 12), *w++ = static_cast<char>(0x80 | (cp >> 6 & 0x3F)),
      *w++ = static_cast<char>(0x80 | (cp & 0x3F));
    else
      *w++ = static_cast<char>(0xF0 | cp >> 18), *w++ = static_cast<char>(0x80 | (cp >> 12 & 0x3F)),
      *w++ = static_cast<char>(0x80 | (cp >> 6 & 0x3F)), *w++ = static_cast<char>(0x80 | (cp & 0x3F));
    return true;
  }
  bool hex4(uint32_t& out) {
    if (end_ - p_ < 4) return syntax("bad \\u escape");
    out = 0;
    for (int k = 0; k < 4; ++k) {
      char h = *p_++;
      int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
      if (d < 0) return syntax("bad \\u escape");
      out = out << 4 | static_cast<uint32_t>(d);
    }
    return true;
  }

  char* p_;
  char* end_;
  const char* begin_ = nullptr;
  const SnapshotLimits& limits_;
};

Error bad_field(std::size_t i, const char* field, const char* expected) {
  return {"bad_snapshot", "elements[" + std::to_string(i) + "]" + (*field ? "." : "") + field + ": expected " + expected};
}

class SnapshotParser {
 public:
  SnapshotParser(Reader& r, Snapshot& snap, const SnapshotLimits& limits) : r_(r), snap_(snap), limits_(limits) {}

  bool document() {
    if (!r_.eat('{')) return r_.peek() ? top_level_type() : r_.syntax("empty input");
    bool have_url = false, have_elements = false;
    if (!r_.eat('}')) {
      do {
        std::string_view key;
        if (!r_.string(key) || !(r_.eat(':') || r_.syntax("expected ':'"))) return false;
        if (key == "url" || key == "lang" || key == "title") {
          std::string& out = key == "url" ? snap_.url : key == "lang" ? snap_.lang : snap_.title;
          if (!optional_string(out, key)) return false;
          if (key == "url") have_url = true;
        } else if (key == "readable") {
          Reader::Kind k = r_.kind();
          if (k != Reader::Kind::True && k != Reader::Kind::False && k != Reader::Kind::Null)
            return late(Error{"bad_snapshot", "readable: expected boolean"}) && r_.skip(1);
          if (!(k == Reader::Kind::True ? r_.literal("true") : k == Reader::Kind::False ? r_.literal("false") : r_.literal("null"))) return false;
          snap_.readable = k != Reader::Kind::False;
        } else if (key == "elements") {
          have_elements = true;
          if (!elements()) return false;
        } else if (!r_.skip(1)) {
          return false;
        }
      } while (r_.eat(','));
      if (!r_.eat('}')) return r_.syntax("expected ',' or '}'");
    }
    if (!r_.at_end()) return r_.syntax("text after the snapshot");
    if (shape_.name.empty()) {
      if (snap_.url.empty() && snap_.readable) shape_ = {"bad_snapshot", have_url ? "url: empty" : "url: missing"};
      else if (!have_elements) shape_ = {"bad_snapshot", "elements: missing"};
    }
    return true;
  }

  // The first shape problem; reported only if the text is otherwise well-formed JSON.
  Error shape_;

 private:
  bool top_level_type() {
    if (!r_.skip(0)) return false;
    if (!r_.at_end()) return r_.syntax("text after the value");
    return late(Error{"bad_snapshot", "top level: expected object"});
  }
  // Records a shape error but keeps reading, so a later syntax error still wins.
  bool late(Error e) {
    if (shape_.name.empty()) shape_ = std::move(e);
    return true;
  }
  bool optional_string(std::string& out, std::string_view key) {
    Reader::Kind k = r_.kind();
    if (k == Reader::Kind::Null) return r_.literal("null");
    if (k != Reader::Kind::String) return late(Error{"bad_snapshot", std::string(key) + ": expected string"}) && r_.skip(1);
    std::string_view v;
    if (!r_.string(v)) return false;
    out.assign(v.data(), v.size());
    return true;
  }
  bool elements() {
    snap_.elements.clear();
    if (r_.peek() != '[') return late(Error{"bad_snapshot", "elements: expected array"}) && r_.skip(1);
    r_.eat('[');
    if (r_.eat(']')) return true;
    snap_.elements.reserve(std::min<std::size_t>(limits_.max_elements, r_.remaining() / 48 + 1));
    do {
      if (snap_.elements.size() == limits_.max_elements)
        return r_.fail("too_many_elements", "more than " + std::to_string(limits_.max_elements) + " elements");
      if (!element()) return false;
    } while (r_.eat(','));
    return r_.eat(']') || r_.syntax("expected ',' or ']'");
  }
  bool element() {
    std::size_t i = snap_.elements.size();
    snap_.elements.emplace_back();
    Element& el = snap_.elements.back();
    el.index = static_cast<int>(i);
    if (r_.peek() != '{') return late(bad_field(i, "", "object")) && r_.skip(2);
    r_.eat('{');
    bool have_i = false, have_role = false;
    if (!r_.eat('}')) {
      do {
        std::string_view key;
        if (!r_.string(key) || !(r_.eat(':') || r_.syntax("expected ':'"))) return false;
        if (!field(i, el, key, have_i, have_role)) return false;
      } while (r_.eat(','));
      if (!r_.eat('}')) return r_.syntax("expected ',' or '}'");
    }
    if (!have_i) late(bad_field(i, "i", "its position in the list"));
    if (!have_role) late(bad_field(i, "role", "string"));
    return true;
  }
  enum Key { I, Container, Checked, Disabled, RoleKey, Name, Text, Href, Other };
  // Which element field a key is: compared by size and bytes, no string building (hot path).
  static Key key_of(std::string_view k) {
    auto is = [&](const char* w, std::size_t n) { return k.size() == n && std::memcmp(k.data(), w, n) == 0; };
    switch (k.size()) {
      case 1: return k[0] == 'i' ? I : Other;
      case 4: return is("role", 4) ? RoleKey : is("name", 4) ? Name : is("text", 4) ? Text : is("href", 4) ? Href : Other;
      case 7: return is("checked", 7) ? Checked : Other;
      case 8: return is("disabled", 8) ? Disabled : Other;
      case 9: return is("container", 9) ? Container : Other;
      default: return Other;
    }
  }

  bool field(std::size_t i, Element& el, std::string_view key_text, bool& have_i, bool& have_role) {
    Reader::Kind k = r_.kind();
    const Key key = key_of(key_text);
    if (key == I || key == Container) {
      bool is_i = key == I;
      if (is_i) have_i = true;
      if (k == Reader::Kind::Null && !is_i) return r_.literal("null");
      if (k != Reader::Kind::Number)
        return late(is_i ? bad_field(i, "i", "its position in the list") : bad_field(i, "container", "integer")) && r_.skip(3);
      long long v = 0;
      bool is_int = false;
      if (!r_.integer(v, is_int)) return false;
      if (is_i) {
        if (!is_int || v != static_cast<long long>(i)) late(bad_field(i, "i", "its position in the list"));
      } else if (!is_int) {
        late(bad_field(i, "container", "integer"));
      } else if (v < -1 || v >= static_cast<long long>(i)) {
        late(bad_field(i, "container", "an earlier index or -1"));
      } else {
        el.container = static_cast<int>(v);
      }
      return true;
    }
    if (key == Checked || key == Disabled) {
      if (k == Reader::Kind::Null) return r_.literal("null");
      if (k != Reader::Kind::True && k != Reader::Kind::False) return late(bad_field(i, key == Checked ? "checked" : "disabled", "boolean")) && r_.skip(3);
      bool v = k == Reader::Kind::True;
      if (!(v ? r_.literal("true") : r_.literal("false"))) return false;
      if (key == Checked) el.checked = v ? 1 : 0;
      else el.disabled = v;
      return true;
    }
    std::string_view* target = key == RoleKey ? &el.role_text : key == Name ? &el.name : key == Text ? &el.text
                               : key == Href ? &el.href : nullptr;
    if (!target) return r_.skip(3);
    if (key == RoleKey) have_role = true;
    if (k == Reader::Kind::Null && key != RoleKey) return r_.literal("null");
    if (k != Reader::Kind::String) {
      const char* f = key == RoleKey ? "role" : key == Name ? "name" : key == Text ? "text" : "href";
      return late(bad_field(i, f, "string")) && r_.skip(3);
    }
    if (!r_.string(*target)) return false;
    if (key == RoleKey) el.role = role_from_name(el.role_text);
    return true;
  }

  Reader& r_;
  Snapshot& snap_;
  const SnapshotLimits& limits_;
};

}  // namespace

Role role_from_name(std::string_view name) {
  if (name.empty()) return Role::Other;
  for (int r = 1; r < static_cast<int>(Role::Count); ++r) {
    const char* n = kRoleNames[r];
    if (n[0] == name[0] && std::strlen(n) == name.size() && std::memcmp(n, name.data(), name.size()) == 0)
      return static_cast<Role>(r);
  }
  return Role::Other;
}

const char* role_name(Role role) { return kRoleNames[static_cast<int>(role)]; }

namespace {

// original: the text as given, for naming a worse problem after a syntax error (empty
// when the buffer is the only copy: then only while it was not rewritten).
Expected<Snapshot> parse_buffer(Snapshot snap, char* data, std::size_t size, std::string_view original,
                                const SnapshotLimits& limits) {
  if (size > limits.max_bytes) return Error{"too_large", std::to_string(size) + " bytes"};
  Reader reader(data, size, limits);
  reader.set_begin(data);
  SnapshotParser parser(reader, snap, limits);
  if (!parser.document() || reader.failed()) {
    // A syntax error may come before a worse problem further on: name the worse one.
    if (original.empty() && !reader.rewritten) original = std::string_view(data, size);
    if (reader.error.name == "bad_json" && !original.empty())
      if (auto scan = scan_json_text(original, limits.max_depth, limits.max_string); !scan.ok()) return scan.error();
    return reader.error;
  }
  if (!parser.shape_.name.empty()) return parser.shape_;
  return snap;
}

}  // namespace

Expected<Snapshot> parse_snapshot(std::string_view text, const SnapshotLimits& limits) {
  if (text.size() > limits.max_bytes) return Error{"too_large", std::to_string(text.size()) + " bytes"};
  Snapshot snap;
  snap.storage.reset(new char[text.size() + 1]);
  std::memcpy(snap.storage.get(), text.data(), text.size());
  char* data = snap.storage.get();
  return parse_buffer(std::move(snap), data, text.size(), text, limits);
}

Expected<Snapshot> parse_snapshot_in_place(char* text, std::size_t size, const SnapshotLimits& limits) {
  return parse_buffer(Snapshot{}, text, size, {}, limits);
}

}  // namespace crosslink
