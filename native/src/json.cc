// See json.h. A recursive-descent reader over a byte range; every read is bounds-checked.
#include "json.h"

#include <cmath>
#include <cstdlib>

namespace tvm {
namespace {

constexpr int kMaxDepth = 64;
constexpr size_t kMaxValues = 1000000;  // a header is small; this bounds the parse's memory

class Reader {
 public:
  Reader(const char* text, size_t length) : s_(text), n_(length) {}

  Json document() {
    Json v = value(0);
    space();
    if (i_ != n_) fail("trailing characters");
    return v;
  }

 private:
  const char* s_;
  size_t n_;
  size_t i_ = 0;
  size_t values_ = 0;

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("JSON " + what + " at byte " + std::to_string(i_));
  }
  void space() {
    while (i_ < n_ && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) i_++;
  }
  bool literal(const char* word) {
    size_t k = 0;
    while (word[k]) {
      if (i_ + k >= n_ || s_[i_ + k] != word[k]) return false;
      k++;
    }
    i_ += k;
    return true;
  }

  Json value(int depth) {
    if (depth > kMaxDepth) fail("nested too deeply");
    if (++values_ > kMaxValues) fail("has more than " + std::to_string(kMaxValues) + " values");
    space();
    if (i_ >= n_) fail("ends early");
    Json v;
    char c = s_[i_];
    if (c == '{') {
      v.type = Json::Type::Object;
      i_++;
      space();
      if (i_ < n_ && s_[i_] == '}') return i_++, v;
      for (;;) {
        space();
        if (i_ >= n_ || s_[i_] != '"') fail("expects a field name");
        std::string key = string();
        space();
        if (i_ >= n_ || s_[i_] != ':') fail("expects ':'");
        i_++;
        v.fields[key] = value(depth + 1);
        space();
        if (i_ < n_ && s_[i_] == ',') { i_++; continue; }
        if (i_ < n_ && s_[i_] == '}') { i_++; return v; }
        fail("expects ',' or '}'");
      }
    }
    if (c == '[') {
      v.type = Json::Type::Array;
      i_++;
      space();
      if (i_ < n_ && s_[i_] == ']') return i_++, v;
      for (;;) {
        v.items.push_back(value(depth + 1));
        space();
        if (i_ < n_ && s_[i_] == ',') { i_++; continue; }
        if (i_ < n_ && s_[i_] == ']') { i_++; return v; }
        fail("expects ',' or ']'");
      }
    }
    if (c == '"') {
      v.type = Json::Type::String;
      v.string = string();
      return v;
    }
    if (literal("true")) { v.type = Json::Type::Bool; v.boolean = true; return v; }
    if (literal("false")) { v.type = Json::Type::Bool; return v; }
    if (literal("null")) return v;
    if (c == '-' || (c >= '0' && c <= '9')) {
      v.type = Json::Type::Number;
      v.number = number();
      return v;
    }
    fail("unexpected character");
  }

  double number() {
    size_t start = i_;
    if (s_[i_] == '-') i_++;
    // JSON has no leading zeros ("01"), as JavaScript's JSON.parse, which the TypeScript reader uses.
    if (i_ + 1 < n_ && s_[i_] == '0' && s_[i_ + 1] >= '0' && s_[i_ + 1] <= '9') fail("malformed number");
    auto digits = [&] {
      size_t k = i_;
      while (i_ < n_ && s_[i_] >= '0' && s_[i_] <= '9') i_++;
      if (i_ == k) fail("malformed number");
    };
    digits();
    if (i_ < n_ && s_[i_] == '.') { i_++; digits(); }
    if (i_ < n_ && (s_[i_] == 'e' || s_[i_] == 'E')) {
      i_++;
      if (i_ < n_ && (s_[i_] == '+' || s_[i_] == '-')) i_++;
      digits();
    }
    std::string text(s_ + start, i_ - start);
    // Beyond the double range this is ±Infinity, as in JSON.parse: the field checks refuse it.
    return std::strtod(text.c_str(), nullptr);
  }

  unsigned hex4() {
    if (i_ + 4 > n_) fail("truncated \\u escape");
    unsigned u = 0;
    for (int k = 0; k < 4; k++) {
      char h = s_[i_++];
      u <<= 4;
      if (h >= '0' && h <= '9') u |= h - '0';
      else if (h >= 'a' && h <= 'f') u |= h - 'a' + 10;
      else if (h >= 'A' && h <= 'F') u |= h - 'A' + 10;
      else fail("bad \\u escape");
    }
    return u;
  }

  static void utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) out += char(cp);
    else if (cp < 0x800) out += char(0xc0 | (cp >> 6)), out += char(0x80 | (cp & 0x3f));
    else if (cp < 0x10000)
      out += char(0xe0 | (cp >> 12)), out += char(0x80 | ((cp >> 6) & 0x3f)), out += char(0x80 | (cp & 0x3f));
    else
      out += char(0xf0 | (cp >> 18)), out += char(0x80 | ((cp >> 12) & 0x3f)),
          out += char(0x80 | ((cp >> 6) & 0x3f)), out += char(0x80 | (cp & 0x3f));
  }

  std::string string() {
    i_++;  // opening quote
    std::string out;
    for (;;) {
      if (i_ >= n_) fail("unterminated string");
      char c = s_[i_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in string");
      if (c != '\\') { out += c; continue; }
      if (i_ >= n_) fail("unterminated escape");
      char e = s_[i_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp = hex4();
          // A pair is one code point; a lone surrogate is kept (as JSON.parse keeps it, encoded
          // the WTF-8 way), so that both readers accept the same headers; no field takes one.
          if (cp >= 0xd800 && cp < 0xdc00 && i_ + 6 <= n_ && s_[i_] == '\\' && s_[i_ + 1] == 'u') {
            const size_t back = i_;
            i_ += 2;
            const unsigned low = hex4();
            if (low >= 0xdc00 && low < 0xe000) cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
            else i_ = back;
          }
          utf8(out, cp);
          break;
        }
        default: fail("bad escape");
      }
    }
  }
};

}  // namespace

Json parseJson(const char* text, size_t length) { return Reader(text, length).document(); }

}  // namespace tvm
