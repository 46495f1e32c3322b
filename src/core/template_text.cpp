#include "core/template_text.hpp"

#include <fmt/format.h>

#include <cctype>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

namespace cdk::detail {
namespace {

using nlohmann::json;

struct Line {
  int number;       ///< 1-based, for messages
  int indent;       ///< leading spaces
  std::string text; ///< without indentation and comments, right-trimmed
};

std::string rtrim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

/// Removes a comment: '#' at the start or after whitespace, outside quotes.
std::string strip_comment(const std::string& s) {
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) {
        if (quote == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
          ++i;
        } else {
          quote = 0;
        }
      } else if (c == '\\' && quote == '"') {
        ++i;
      }
    } else if (c == '"' || c == '\'') {
      if (i == 0 || s[i - 1] == ' ' || s[i - 1] == '[' || s[i - 1] == '{' || s[i - 1] == ',' || s[i - 1] == ':' ||
          s[i - 1] == '-') {
        quote = c;
      }
    } else if (c == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
      return s.substr(0, i);
    }
  }
  return s;
}

class Parser {
 public:
  explicit Parser(std::string_view text) {
    std::string raw;
    int number = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      raw.assign(text.substr(pos, end - pos));
      if (!raw.empty() && raw.back() == '\r') raw.pop_back();
      ++number;
      raw_lines_.push_back(raw);
      pos = end + 1;
      if (end == text.size()) break;
    }
    for (size_t i = 0; i < raw_lines_.size(); ++i) {
      const std::string& r = raw_lines_[i];
      int indent = 0;
      while (indent < static_cast<int>(r.size()) && r[indent] == ' ') ++indent;
      if (indent < static_cast<int>(r.size()) && r[indent] == '\t') fail(static_cast<int>(i + 1), "tab indentation");
      std::string body = rtrim(strip_comment(r.substr(indent)));
      if (body.empty() || body == "---") continue;
      if (body == "..." || body.rfind("%", 0) == 0) continue;
      lines_.push_back({static_cast<int>(i + 1), indent, body});
    }
  }

  json parse() {
    if (lines_.empty()) return nullptr;
    json v = node(lines_[0].indent);
    if (at_ < lines_.size()) fail(lines_[at_].number, "unexpected content (a second document or bad indentation)");
    return v;
  }

 private:
  [[noreturn]] static void fail(int line, const std::string& what) {
    throw std::runtime_error(fmt::format("YAML line {}: {}", line, what));
  }

  static bool is_sequence_item(const std::string& t) { return t == "-" || t.rfind("- ", 0) == 0; }

  /// Position of the ':' that ends a mapping key, or npos.
  static size_t key_colon(const std::string& t) {
    size_t i = 0;
    if (!t.empty() && (t[0] == '"' || t[0] == '\'')) {
      char q = t[0];
      for (i = 1; i < t.size(); ++i) {
        if (t[i] == '\\' && q == '"') {
          ++i;
        } else if (t[i] == q) {
          if (q == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
            ++i;
            continue;
          }
          break;
        }
      }
      ++i;
      if (i < t.size() && t[i] == ':' && (i + 1 == t.size() || t[i + 1] == ' ')) return i;
      return std::string::npos;
    }
    if (!t.empty() && (t[0] == '[' || t[0] == '{' || t[0] == '!' || t[0] == '|' || t[0] == '>')) {
      return std::string::npos;
    }
    for (i = 0; i < t.size(); ++i) {
      if (t[i] == ':' && (i + 1 == t.size() || t[i + 1] == ' ')) return i;
    }
    return std::string::npos;
  }

  json node(int indent) {
    const Line& l = lines_[at_];
    if (is_sequence_item(l.text)) return sequence(l.indent);
    if (key_colon(l.text) != std::string::npos) return mapping(l.indent);
    // A lone scalar as the whole node.
    std::string text = l.text;
    int number = l.number;
    ++at_;
    return inline_value(text, number, indent);
  }

  json mapping(int indent) {
    json m = json::object();
    while (at_ < lines_.size() && lines_[at_].indent == indent && !is_sequence_item(lines_[at_].text)) {
      const Line l = lines_[at_];
      size_t colon = key_colon(l.text);
      if (colon == std::string::npos) fail(l.number, "expected 'key: value'");
      std::string key = scalar_string(l.text.substr(0, colon), l.number);
      std::string rest = colon + 1 < l.text.size() ? l.text.substr(colon + 2) : "";
      ++at_;
      m[key] = value_after(rest, l.number, indent, /*sequence_may_share_indent=*/true);
    }
    if (at_ < lines_.size() && lines_[at_].indent > indent) fail(lines_[at_].number, "bad indentation");
    return m;
  }

  json sequence(int indent) {
    json s = json::array();
    while (at_ < lines_.size() && lines_[at_].indent == indent && is_sequence_item(lines_[at_].text)) {
      Line l = lines_[at_];
      std::string rest = l.text.size() > 2 ? l.text.substr(2) : "";
      size_t extra = 0;
      while (extra < rest.size() && rest[extra] == ' ') ++extra;
      rest = rest.substr(extra);
      if (!rest.empty() && (key_colon(rest) != std::string::npos || is_sequence_item(rest))) {
        // "- key: value" opens a mapping (or "- - x" a sequence) whose items sit at the column of "key".
        lines_[at_].indent = indent + 2 + static_cast<int>(extra);
        lines_[at_].text = rest;
        s.push_back(node(lines_[at_].indent));
        continue;
      }
      ++at_;
      s.push_back(value_after(rest, l.number, indent, false));
    }
    return s;
  }

  /// The value after "key:" or "- ": inline, or a nested block on the next lines.
  json value_after(const std::string& rest, int number, int indent, bool sequence_may_share_indent) {
    if (rest.empty()) {
      if (at_ < lines_.size() && lines_[at_].indent > indent) return node(lines_[at_].indent);
      if (sequence_may_share_indent && at_ < lines_.size() && lines_[at_].indent == indent &&
          is_sequence_item(lines_[at_].text)) {
        return sequence(indent);
      }
      return nullptr;
    }
    return inline_value(rest, number, indent);
  }

  json inline_value(std::string text, int number, int indent) {
    if (text[0] == '!') {
      size_t space = text.find(' ');
      std::string tag = text.substr(1, space == std::string::npos ? std::string::npos : space - 1);
      std::string rest = space == std::string::npos ? "" : text.substr(space + 1);
      json inner = value_after(rest, number, indent, false);
      return intrinsic(tag, std::move(inner), number);
    }
    if (text[0] == '|' || text[0] == '>') return block_scalar(text, number, indent);
    if (text[0] == '[' || text[0] == '{') {
      // Flow collections may span lines.
      while (!balanced(text) && at_ < lines_.size()) text += " " + lines_[at_++].text;
      size_t pos = 0;
      json v = flow(text, pos, number);
      skip_spaces(text, pos);
      if (pos != text.size()) fail(number, "unexpected text after a flow collection");
      return v;
    }
    if (text[0] == '"' || text[0] == '\'') {
      char q = text[0];
      // A quoted scalar may continue on following lines (folded).
      while (!closed_quote(text, q) && at_ < lines_.size()) {
        std::string next = raw_lines_[lines_[at_].number - 1];
        ++at_;
        size_t first = next.find_first_not_of(' ');
        text += " " + (first == std::string::npos ? std::string() : next.substr(first));
      }
      return scalar(text, number);
    }
    // A plain scalar continues on more-indented lines that are not new structure.
    while (at_ < lines_.size() && lines_[at_].indent > indent && key_colon(lines_[at_].text) == std::string::npos &&
           !is_sequence_item(lines_[at_].text)) {
      text += " " + lines_[at_++].text;
    }
    return scalar(text, number);
  }

  json block_scalar(const std::string& header, int header_number, int indent) {
    bool literal = header[0] == '|';
    char chomp = header.find('-') != std::string::npos ? '-' : header.find('+') != std::string::npos ? '+' : ' ';
    // Block scalars keep their raw lines ('#' and blank lines included): read
    // them from the raw text, starting right after the header line.
    int raw = header_number;  // 0-based index of the line after the header
    int block_indent = -1;
    for (int r = raw; r < static_cast<int>(raw_lines_.size()); ++r) {
      size_t first = raw_lines_[r].find_first_not_of(' ');
      if (first == std::string::npos) continue;
      if (static_cast<int>(first) > indent) block_indent = static_cast<int>(first);
      break;
    }
    std::vector<std::string> content;
    if (block_indent >= 0) {
      for (; raw < static_cast<int>(raw_lines_.size()); ++raw) {
        const std::string& r = raw_lines_[raw];
        size_t first = r.find_first_not_of(' ');
        if (first == std::string::npos) {
          content.emplace_back();
          continue;
        }
        if (static_cast<int>(first) < block_indent) break;
        content.push_back(r.substr(block_indent));
      }
      while (at_ < lines_.size() && lines_[at_].number <= raw) ++at_;
    }
    size_t trailing = 0;
    while (!content.empty() && content.back().empty()) {
      content.pop_back();
      ++trailing;
    }
    std::string out;
    for (size_t i = 0; i < content.size(); ++i) {
      if (i > 0) {
        bool fold = !literal && !content[i].empty() && !content[i - 1].empty() && content[i][0] != ' ';
        out += fold ? " " : "\n";
      }
      out += content[i];
    }
    if (chomp != '-' && !content.empty()) out += "\n";
    if (chomp == '+') out += std::string(trailing, '\n');
    return out;
  }

  static bool closed_quote(const std::string& t, char q) {
    for (size_t i = 1; i < t.size(); ++i) {
      if (q == '"' && t[i] == '\\') {
        ++i;
      } else if (t[i] == q) {
        if (q == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
          ++i;
          continue;
        }
        return true;
      }
    }
    return false;
  }

  static bool balanced(const std::string& t) {
    int depth = 0;
    char quote = 0;
    for (size_t i = 0; i < t.size(); ++i) {
      char c = t[i];
      if (quote) {
        if (quote == '"' && c == '\\') {
          ++i;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[' || c == '{') {
        ++depth;
      } else if (c == ']' || c == '}') {
        --depth;
      }
    }
    return depth <= 0 && quote == 0;
  }

  static void skip_spaces(const std::string& t, size_t& pos) {
    while (pos < t.size() && t[pos] == ' ') ++pos;
  }

  json flow(const std::string& t, size_t& pos, int number) {
    skip_spaces(t, pos);
    if (pos >= t.size()) fail(number, "unexpected end of a flow collection");
    char open = t[pos];
    if (open == '[' || open == '{') {
      char close = open == '[' ? ']' : '}';
      json out = open == '[' ? json::array() : json::object();
      ++pos;
      for (;;) {
        skip_spaces(t, pos);
        if (pos < t.size() && t[pos] == close) {
          ++pos;
          return out;
        }
        if (open == '[') {
          out.push_back(flow(t, pos, number));
        } else {
          json key = flow_scalar(t, pos, number, true);
          skip_spaces(t, pos);
          if (pos >= t.size() || t[pos] != ':') fail(number, "expected ':' in a flow mapping");
          ++pos;
          out[key.is_string() ? key.get<std::string>() : key.dump()] = flow(t, pos, number);
        }
        skip_spaces(t, pos);
        if (pos < t.size() && t[pos] == ',') {
          ++pos;
          continue;
        }
        if (pos < t.size() && t[pos] == close) {
          ++pos;
          return out;
        }
        fail(number, "expected ',' or a closing bracket");
      }
    }
    if (open == '!') {
      size_t end = t.find(' ', pos);
      std::string tag = t.substr(pos + 1, end - pos - 1);
      pos = end;
      return intrinsic(tag, flow(t, pos, number), number);
    }
    return flow_scalar(t, pos, number, false);
  }

  json flow_scalar(const std::string& t, size_t& pos, int number, bool key) {
    skip_spaces(t, pos);
    size_t start = pos;
    if (t[pos] == '"' || t[pos] == '\'') {
      char q = t[pos++];
      while (pos < t.size()) {
        if (q == '"' && t[pos] == '\\') {
          pos += 2;
          continue;
        }
        if (t[pos] == q) {
          if (q == '\'' && pos + 1 < t.size() && t[pos + 1] == '\'') {
            pos += 2;
            continue;
          }
          break;
        }
        ++pos;
      }
      ++pos;
      return scalar(t.substr(start, pos - start), number);
    }
    while (pos < t.size() && t[pos] != ',' && t[pos] != ']' && t[pos] != '}' &&
           !(key && t[pos] == ':' && (pos + 1 == t.size() || t[pos + 1] == ' '))) {
      if (!key && t[pos] == ':' && pos + 1 < t.size() && t[pos + 1] == ' ') break;
      ++pos;
    }
    return scalar(rtrim(t.substr(start, pos - start)), number);
  }

  static json intrinsic(const std::string& tag, json inner, int number) {
    if (tag == "Ref" || tag == "Condition") return json{{tag, std::move(inner)}};
    if (tag == "GetAtt" && inner.is_string()) {
      std::string s = inner.get<std::string>();
      size_t dot = s.find('.');
      if (dot == std::string::npos) fail(number, "!GetAtt needs Resource.Attribute");
      return json{{"Fn::GetAtt", json::array({s.substr(0, dot), s.substr(dot + 1)})}};
    }
    static const std::regex known("Base64|Cidr|FindInMap|GetAtt|GetAZs|ImportValue|Join|Select|Split|Sub|Transform|"
                                  "And|Equals|If|Not|Or|Length|ToJsonString");
    if (!std::regex_match(tag, known)) fail(number, "unsupported tag !" + tag);
    return json{{"Fn::" + tag, std::move(inner)}};
  }

  static std::string scalar_string(const std::string& text, int number) {
    json v = scalar(text, number);
    return v.is_string() ? v.get<std::string>() : text;
  }

  static json scalar(const std::string& text, int number) {
    if (text.empty()) return nullptr;
    if (text[0] == '\'') {
      if (text.size() < 2 || text.back() != '\'') fail(number, "unterminated single-quoted string");
      std::string out;
      for (size_t i = 1; i + 1 < text.size(); ++i) {
        out += text[i];
        if (text[i] == '\'') ++i;  // '' is one quote
      }
      return out;
    }
    if (text[0] == '"') {
      if (text.size() < 2 || text.back() != '"') fail(number, "unterminated double-quoted string");
      std::string out;
      for (size_t i = 1; i + 1 < text.size(); ++i) {
        char c = text[i];
        if (c != '\\') {
          out += c;
          continue;
        }
        char e = text[++i];
        switch (e) {
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          case 'r': out += '\r'; break;
          case '0': out += '\0'; break;
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case ' ': out += ' '; break;
          case 'u': {
            unsigned code = std::stoul(text.substr(i + 1, 4), nullptr, 16);
            i += 4;
            if (code < 0x80) {
              out += static_cast<char>(code);
            } else if (code < 0x800) {
              out += static_cast<char>(0xC0 | (code >> 6));
              out += static_cast<char>(0x80 | (code & 0x3F));
            } else {
              out += static_cast<char>(0xE0 | (code >> 12));
              out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
              out += static_cast<char>(0x80 | (code & 0x3F));
            }
            break;
          }
          default: out += e;
        }
      }
      return out;
    }
    if (text == "true" || text == "True" || text == "TRUE") return true;
    if (text == "false" || text == "False" || text == "FALSE") return false;
    if (text == "null" || text == "Null" || text == "NULL" || text == "~") return nullptr;
    static const std::regex integer("[-+]?(0|[1-9][0-9]*)");
    static const std::regex real("[-+]?([0-9]*\\.[0-9]+|[0-9]+\\.[0-9]*)([eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+");
    if (std::regex_match(text, integer)) {
      try {
        return std::stoll(text);
      } catch (const std::out_of_range&) {
        return text;
      }
    }
    if (std::regex_match(text, real)) return std::stod(text);
    return text;
  }

  std::vector<std::string> raw_lines_;
  std::vector<Line> lines_;
  size_t at_ = 0;
};

}  // namespace

json parse_yaml_subset(std::string_view text) { return Parser(text).parse(); }

json read_template_text(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  json v = first != std::string_view::npos && text[first] == '{' ? json::parse(text) : parse_yaml_subset(text);
  if (!v.is_object()) throw std::runtime_error("the text is not a JSON or YAML object");
  return v;
}

std::optional<json> parse_template_text(std::string_view text) {
  try {
    return read_template_text(text);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace cdk::detail
