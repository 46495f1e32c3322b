#include "json_text.hpp"

#include <cdk/fn.hpp>
#include <cdk/json_escape.hpp>

#include <charconv>
#include <string>
#include <utility>

namespace cdk::codebuild::detail {

namespace {

// Collects literal text and tokens in order; tokens become parts of an Fn::Join.
class Writer {
 public:
  Writer(int indent, const std::vector<Value>& key_tokens) : indent_(indent), key_tokens_(key_tokens) {}

  void write(const Value& v, int depth) {
    switch (v.kind()) {
      case Value::Kind::Null: text_ += "null"; return;
      case Value::Kind::Bool: text_ += v.as_bool() ? "true" : "false"; return;
      case Value::Kind::Int: text_ += std::to_string(v.as_int()); return;
      case Value::Kind::Double: text_ += number(v.as_double()); return;
      case Value::Kind::String: text_ += quoted(v.as_string()); return;
      case Value::Kind::List: write_list(v.as_list(), depth); return;
      case Value::Kind::Map: write_map(v.as_map(), depth); return;
      default: write_token(v); return;
    }
  }

  Value result() {
    flush();
    if (parts_.size() == 1 && parts_.front().kind() == Value::Kind::String) return parts_.front();
    return Fn::join("", std::move(parts_));
  }

 private:
  // The shortest text that reads back as the same double, as JavaScript
  // writes numbers (0.1, not %.17g's 0.10000000000000001).
  static std::string number(double d) {
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
    return ec == std::errc() ? std::string(buffer, end) : std::string("0");
  }

  static std::string quoted(const std::string& s) { return "\"" + json_escaped(s) + "\""; }

  // Indent 0 is compact JSON, as JSON.stringify without an indent writes it.
  void newline(int depth) {
    if (indent_ > 0) text_ += "\n" + std::string(static_cast<std::size_t>(depth * indent_), ' ');
  }

  void write_list(const Value::List& items, int depth) {
    if (items.empty()) {
      text_ += "[]";
      return;
    }
    text_ += "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i > 0) text_ += ",";
      newline(depth + 1);
      write(items[i], depth + 1);
    }
    newline(depth);
    text_ += "]";
  }

  void write_map(const Value::Map& entries, int depth) {
    if (entries.empty()) {
      text_ += "{}";
      return;
    }
    text_ += "{";
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (i > 0) text_ += ",";
      newline(depth + 1);
      write_key(entries[i].first);
      text_ += indent_ > 0 ? ": " : ":";
      write(entries[i].second, depth + 1);
    }
    newline(depth);
    text_ += "}";
  }

  void write_key(const std::string& key) {
    if (key.size() > 1 && key.front() == '\x01') {
      const auto n = std::stoul(key.substr(1));
      if (n < key_tokens_.size()) {
        write(key_tokens_[n], 0);
        return;
      }
    }
    text_ += quoted(key);
  }

  // A token stands for a string known at deploy time: quote it.
  void write_token(const Value& token) {
    text_ += "\"";
    flush();
    parts_.push_back(token);
    text_ += "\"";
  }

  void flush() {
    if (text_.empty()) return;
    parts_.emplace_back(std::move(text_));
    text_.clear();
  }

  int indent_;
  const std::vector<Value>& key_tokens_;
  std::string text_;
  Value::List parts_;
};

}  // namespace

Value json_text(const Value& value, int indent, const std::vector<Value>& key_tokens) {
  Writer w(indent, key_tokens);
  w.write(value, 0);
  return w.result();
}

}  // namespace cdk::codebuild::detail
