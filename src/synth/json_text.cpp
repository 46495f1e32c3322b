#include "synth/json_text.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>

namespace cdk::detail {
namespace {

// 0: copied as is; 1: a character with a short escape; 2: \u00XX;
// 3: a byte of a multi-byte UTF-8 sequence (checked by Json::dump).
constexpr std::array<unsigned char, 256> kClass = [] {
  std::array<unsigned char, 256> c{};
  for (int i = 0; i < 0x20; ++i) c[i] = 2;
  for (char e : {'\b', '\t', '\n', '\f', '\r', '"', '\\'}) c[static_cast<unsigned char>(e)] = 1;
  for (int i = 0x80; i < 0x100; ++i) c[i] = 3;
  return c;
}();

char short_escape(char ch) {
  switch (ch) {
    case '\b': return 'b';
    case '\t': return 't';
    case '\n': return 'n';
    case '\f': return 'f';
    case '\r': return 'r';
    default: return ch;  // '"' and '\\'
  }
}

// Whether any of the 8 bytes of `w` is a control character, '"', '\\' or
// non-ASCII: a word of plain text is then passed over without a look at each
// byte.
bool needs_attention(std::uint64_t w) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  auto has_zero = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
  const std::uint64_t below_space = (w - ones * 0x20) & ~w & highs;  // exact for ASCII bytes
  return ((w & highs) | below_space | has_zero(w ^ (ones * '"')) | has_zero(w ^ (ones * '\\'))) != 0;
}

// The length of the start of `s` that is written as it is.
std::size_t plain_prefix(std::string_view s) {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (needs_attention(w)) break;
  }
  while (i < s.size() && kClass[static_cast<unsigned char>(s[i])] == 0) ++i;
  return i;
}

// Appends `head`, `s` and `tail` with one append when they are short (most
// keys and values are): one append costs about as much as three.
void append_around(std::string& out, std::string_view head, std::string_view s, std::string_view tail) {
  char buf[192];
  if (head.size() + s.size() + tail.size() <= sizeof buf) {
    char* p = buf;
    std::memcpy(p, head.data(), head.size());
    p += head.size();
    std::memcpy(p, s.data(), s.size());
    p += s.size();
    std::memcpy(p, tail.data(), tail.size());
    p += tail.size();
    out.append(buf, static_cast<std::size_t>(p - buf));
  } else {
    out.append(head);
    out.append(s);
    out.append(tail);
  }
}

constexpr std::string_view kSpaces = "                                                                ";

void append_indent(std::string& out, std::size_t n) {
  for (; n > kSpaces.size(); n -= kSpaces.size()) out.append(kSpaces);
  out.append(kSpaces.data(), n);
}

// Appends `s` quoted, escaping from position `from` on (what is before it
// needs no escape).
void append_escaped(std::string& out, std::string_view s, std::size_t from) {
  const std::size_t start = out.size();
  out += '"';
  out.append(s.data(), from);
  std::size_t run = from;  // start of the characters of s not yet appended
  for (std::size_t i = from; i < s.size(); ++i) {
    const auto ch = static_cast<unsigned char>(s[i]);
    const unsigned char cls = kClass[ch];
    if (cls == 0) continue;
    if (cls == 3) {
      // Non-ASCII text: Json::dump validates the UTF-8 and says where it is
      // broken; the whole string is left to it.
      out.resize(start);
      out += Json(std::string(s)).dump();
      return;
    }
    out.append(s.data() + run, i - run);
    out += '\\';
    if (cls == 1) {
      out += short_escape(static_cast<char>(ch));
    } else {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "u00";
      out += kHex[ch >> 4];
      out += kHex[ch & 0xF];
    }
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  const std::size_t plain = plain_prefix(s);
  if (plain == s.size())
    append_around(out, "\"", s, "\"");
  else
    append_escaped(out, s, plain);
}

void append_member_key(std::string& out, std::size_t indent, std::string_view key) {
  append_indent(out, indent);
  const std::size_t plain = plain_prefix(key);
  if (plain == key.size()) {
    append_around(out, "\"", key, "\": ");
  } else {
    append_escaped(out, key, plain);
    out += ": ";
  }
}

void append_json(std::string& out, const Json& j, int indent, int level) {
  const auto step = static_cast<std::size_t>(indent);
  const std::size_t inner = step * static_cast<std::size_t>(level + 1);
  switch (j.type()) {
    case Json::value_t::object: {
      if (j.empty()) {
        out += "{}";
        return;
      }
      out += "{\n";
      bool first = true;
      for (const auto& [key, value] : j.get_ref<const Json::object_t&>()) {
        if (!first) out += ",\n";
        first = false;
        append_member_key(out, inner, key);
        append_json(out, value, indent, level + 1);
      }
      out += '\n';
      append_indent(out, inner - step);
      out += '}';
      return;
    }
    case Json::value_t::array: {
      if (j.empty()) {
        out += "[]";
        return;
      }
      out += "[\n";
      bool first = true;
      for (const auto& value : j.get_ref<const Json::array_t&>()) {
        if (!first) out += ",\n";
        first = false;
        append_indent(out, inner);
        append_json(out, value, indent, level + 1);
      }
      out += '\n';
      append_indent(out, inner - step);
      out += ']';
      return;
    }
    case Json::value_t::string:
      append_json_string(out, j.get_ref<const std::string&>());
      return;
    case Json::value_t::boolean:
      out += j.get<bool>() ? "true" : "false";
      return;
    case Json::value_t::null:
      out += "null";
      return;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: {
      char buf[24];
      const auto r = j.is_number_unsigned() ? std::to_chars(buf, buf + sizeof buf, j.get<std::uint64_t>())
                                            : std::to_chars(buf, buf + sizeof buf, j.get<std::int64_t>());
      out.append(buf, r.ptr);
      return;
    }
    default:  // floating point numbers (and binary values): rare, as Json::dump writes them
      out += j.dump();
      return;
  }
}

}  // namespace cdk::detail
