#include "json_text.hpp"

#include <cdk/fn.hpp>
#include <cdk/json_escape.hpp>

#include <charconv>
#include <vector>

namespace cdk::events::detail {

namespace {

class Writer {
 public:
  void write(const Value& v);
  Value result() {
    flush();
    if (parts_.empty()) return Value(std::string());
    if (parts_.size() == 1 && parts_.front().kind() == Value::Kind::String) return parts_.front();
    return Fn::join("", std::move(parts_));
  }

 private:
  void flush() {
    if (!literal_.empty()) parts_.emplace_back(std::move(literal_));
    literal_.clear();
  }
  void token(const Value& v) {
    flush();
    parts_.push_back(v);
  }
  // A token in a string: its literal pieces (of a Join) escaped, as aws-cdk-lib's deepQuoteStringLiterals.
  void quoted_token(const Value& v);
  void write_number(double d);
  std::string literal_;
  Value::List parts_;
};

void Writer::quoted_token(const Value& v) {
  literal_ += '"';
  const bool join = v.kind() == Value::Kind::Intrinsic && v.name() == "Fn::Join" &&
                    v.argument().kind() == Value::Kind::List && v.argument().as_list().size() == 2 &&
                    v.argument().as_list()[0].kind() == Value::Kind::String &&
                    v.argument().as_list()[0].as_string().empty() &&
                    v.argument().as_list()[1].kind() == Value::Kind::List;
  if (join) {
    for (const auto& part : v.argument().as_list()[1].as_list()) {
      if (part.kind() == Value::Kind::String) append_json_escaped(literal_, part.as_string());
      else token(part);
    }
  } else {
    token(v);
  }
  literal_ += '"';
}

void Writer::write_number(double d) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  literal_.append(buf, ec == std::errc() ? end : buf);
}

void Writer::write(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null: literal_ += "null"; return;
    case Value::Kind::Bool: literal_ += v.as_bool() ? "true" : "false"; return;
    case Value::Kind::Int: literal_ += std::to_string(v.as_int()); return;
    case Value::Kind::Double: write_number(v.as_double()); return;
    case Value::Kind::String:
      literal_ += '"';
      append_json_escaped(literal_, v.as_string());
      literal_ += '"';
      return;
    case Value::Kind::List: {
      literal_ += '[';
      bool first = true;
      for (const auto& item : v.as_list()) {
        if (!first) literal_ += ',';
        first = false;
        write(item);
      }
      literal_ += ']';
      return;
    }
    case Value::Kind::Map: {
      literal_ += '{';
      bool first = true;
      for (const auto& [key, item] : v.as_map()) {
        if (!first) literal_ += ',';
        first = false;
        literal_ += '"';
        append_json_escaped(literal_, key);
        literal_ += "\":";
        write(item);
      }
      literal_ += '}';
      return;
    }
    default: quoted_token(v); return;
  }
}

}  // namespace

Value json_text(const Value& value) {
  Writer w;
  w.write(value);
  return w.result();
}

std::optional<std::size_t> literal_length(const Value& text) {
  if (text.kind() != Value::Kind::String) return std::nullopt;
  return text.as_string().size();
}

}  // namespace cdk::events::detail
