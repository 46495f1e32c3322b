#include "code.hpp"

#include "naming.hpp"

#include <cctype>
#include <cstdint>
#include <cstdio>

namespace migrate {

namespace {
constexpr std::size_t kWidth = 110;  // the project's line length
constexpr std::size_t kStep = 2;
constexpr std::string_view kRawDelimiter = "cdk";

bool plain_printable(unsigned char c) { return c >= 0x20 && c != 0x7f; }

/// A raw literal keeps scripts and policies readable; only for text whose
/// bytes a raw literal carries unchanged.
bool raw_literal_fits(std::string_view s) {
  constexpr std::size_t kShortest = 40;  // short text reads better escaped
  if (s.size() < kShortest || s.find('\n') == std::string_view::npos) return false;
  if (s.find(std::string(")") + std::string(kRawDelimiter) + "\"") != std::string_view::npos) return false;
  for (unsigned char c : s)
    if (!plain_printable(c) && c != '\n' && c != '\t') return false;
  return true;
}
}  // namespace

std::string Code::inline_text() const {
  std::string out = prefix + text;
  if (group) {
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i].inline_text();
    out += close;
  }
  return out + suffix;
}

bool Code::hugs_last_item() const {
  const Code& last = items.back();
  if (!last.group || last.items.empty() || !last.text.ends_with('{')) return false;
  for (std::size_t i = 0; i + 1 < items.size(); ++i)
    if (items[i].group) return false;
  // One item only as a call's argument: `set_update_policy(cdk::Value::map({`.
  return items.size() >= 2 || text.ends_with('(');
}

std::string Code::layout(std::size_t indent) const {
  std::string flat = inline_text();
  if (!group || items.empty() || (indent + flat.size() <= kWidth && flat.find('\n') == std::string::npos))
    return flat;
  // The last item a group opens on this line, the rest of it below: `add<T>("Id", {` ... `})`.
  if (hugs_last_item()) {
    std::string head = prefix + text;
    for (std::size_t i = 0; i + 1 < items.size(); ++i) head += items[i].inline_text() + ", ";
    Code last = items.back();
    if (indent + head.size() + last.prefix.size() + last.text.size() <= kWidth && head.find('\n') == std::string::npos) {
      last.prefix = head + last.prefix;
      last.suffix += close + suffix;
      return last.layout(indent);
    }
  }
  std::string inner(indent + kStep, ' ');
  std::string out = prefix + text + "\n";
  for (std::size_t i = 0; i < items.size(); ++i)
    out += inner + items[i].layout(indent + kStep) + (i + 1 < items.size() ? ",\n" : "");
  return out + "\n" + std::string(indent, ' ') + close + suffix;
}

std::string string_literal(std::string_view s) {
  if (raw_literal_fits(s)) return "R\"" + std::string(kRawDelimiter) + "(" + std::string(s) + ")" +
                                 std::string(kRawDelimiter) + "\"";
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (plain_printable(c) || c >= 0x80) {
          out += static_cast<char>(c);
        } else {  // three octal digits always end the escape
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\%03o", c);
          out += buf;
        }
    }
  }
  return out + "\"";
}

std::string entry_open(std::string_view key) {
  std::string out = "{";
  out += string_literal(key);
  out += ", ";
  return out;
}

std::string scalar_literal(const nlohmann::json& j) {
  if (j.is_boolean()) return j.get<bool>() ? "true" : "false";
  if (j.is_number_unsigned() && j.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
    return std::to_string(j.get<double>());
  if (j.is_number_integer()) {
    const auto v = j.get<std::int64_t>();
    if (v > INT32_MAX || v < INT32_MIN) return std::to_string(v) + "LL";
    return std::to_string(v);
  }
  std::string text = j.dump();  // shortest text that reads back the same double
  if (text.find_first_of(".eE") == std::string::npos) text += ".0";
  return text;
}

std::string identifier(std::string_view logical_id) {
  // The AWS CDK's ids end in 8 hex digits of a hash: the name reads better without.
  constexpr std::size_t kHash = 8;
  if (logical_id.size() > kHash) {
    const auto tail = logical_id.substr(logical_id.size() - kHash);
    bool hash = tail.find_first_of("0123456789") != std::string_view::npos;
    for (char c : tail) hash = hash && (std::isdigit(static_cast<unsigned char>(c)) || (c >= 'A' && c <= 'F'));
    if (hash) logical_id.remove_suffix(kHash);
  }
  std::string name = cfngen::snake_case(logical_id);
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) name = "e_" + name;
  return cfngen::escape_identifier(name);
}

}  // namespace migrate
