#include "core/value_node.hpp"

#include <cdk/cfn_element.hpp>
#include <cdk/error.hpp>

#include <fmt/format.h>

#include <cmath>

namespace cdk {
namespace {

using detail::ValueNode;

std::unique_ptr<ValueNode> make(Value::Kind kind) {
  auto n = std::make_unique<ValueNode>();
  n->kind = kind;
  n->literal = kind <= Value::Kind::Map;
  return n;
}

// Never freed: the count it starts with is not given to any Value.
const ValueNode* bool_node(bool b) {
  auto n = make(Value::Kind::Bool);
  n->scalar.b = b;
  return n.release();
}

void release(const ValueNode* n) noexcept {
  if (n != nullptr && n->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete n;
}

const char* kind_name(Value::Kind k) {
  switch (k) {
    case Value::Kind::Null: return "null";
    case Value::Kind::Bool: return "bool";
    case Value::Kind::Int: return "integer";
    case Value::Kind::Double: return "number";
    case Value::Kind::String: return "string";
    case Value::Kind::List: return "list";
    case Value::Kind::Map: return "map";
    case Value::Kind::Ref: return "Ref";
    case Value::Kind::GetAtt: return "Fn::GetAtt";
    case Value::Kind::LogicalId: return "logical id";
    case Value::Kind::Intrinsic: return "intrinsic function";
  }
  return "?";
}

[[noreturn]] void wrong_kind(Value::Kind want, Value::Kind have) {
  throw Error("", fmt::format("value is a {}, not a {}", kind_name(have), kind_name(want)),
              "check the value's kind() before reading it");
}

const Value::List kEmptyList;
const Value::Map kEmptyMap;
const std::string kEmptyString;
const Value kNull;

void append_json_string(std::string& out, const std::string& s) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

}  // namespace

Value::Value(const ValueNode* node) noexcept : node_(node) {}

Value::Value(const Value& other) noexcept : node_(other.node_) {
  if (node_ != nullptr) node_->refs.fetch_add(1, std::memory_order_relaxed);
}

Value& Value::operator=(const Value& other) noexcept {
  if (other.node_ != nullptr) other.node_->refs.fetch_add(1, std::memory_order_relaxed);
  release(node_);
  node_ = other.node_;
  return *this;
}

Value& Value::operator=(Value&& other) noexcept {
  if (this != &other) {
    release(node_);
    node_ = std::exchange(other.node_, nullptr);
  }
  return *this;
}

Value::~Value() { release(node_); }

// true and false are two shared nodes: a bool costs no allocation.
Value::Value(bool b) {
  static const ValueNode* const kTrue = bool_node(true);
  static const ValueNode* const kFalse = bool_node(false);
  node_ = b ? kTrue : kFalse;
  node_->refs.fetch_add(1, std::memory_order_relaxed);
}

Value Value::from_int(std::int64_t i) {
  auto n = make(Kind::Int);
  n->scalar.i = i;
  return Value(n.release());
}

Value::Value(double d) {
  // Whole numbers stay integers so templates show 80, not 80.0.
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15) {
    *this = from_int(static_cast<std::int64_t>(d));
    return;
  }
  auto n = make(Kind::Double);
  n->scalar.d = d;
  node_ = n.release();
}

Value::Value(const char* s) : Value(std::string(s ? s : "")) {}
Value::Value(std::string_view s) : Value(std::string(s)) {}
Value::Value(std::string s) {
  auto n = make(Kind::String);
  n->payload = std::move(s);
  node_ = n.release();
}

Value::Value(List items) {
  auto n = make(Kind::List);
  for (const auto& v : items) n->literal = n->literal && v.is_literal();
  n->payload = std::move(items);
  node_ = n.release();
}

Value::Value(Map entries) {
  auto n = make(Kind::Map);
  for (const auto& e : entries) n->literal = n->literal && e.second.is_literal();
  n->payload = std::move(entries);
  node_ = n.release();
}

Value Value::list(std::initializer_list<Value> items) { return Value(List(items)); }
Value Value::map(std::initializer_list<Entry> entries) { return Value(Map(entries)); }

Value Value::ref(const CfnElement& target) {
  auto n = make(Kind::Ref);
  n->scalar.target = &target;
  return Value(n.release());
}

Value Value::pseudo(std::string_view name) {
  auto n = make(Kind::Ref);
  n->payload = std::string(name);
  return Value(n.release());
}

Value Value::get_att(const CfnElement& target, std::string_view attribute) {
  auto n = make(Kind::GetAtt);
  n->scalar.target = &target;
  n->payload = std::string(attribute);
  return Value(n.release());
}

Value Value::logical_id(const CfnElement& target) {
  auto n = make(Kind::LogicalId);
  n->scalar.target = &target;
  return Value(n.release());
}

Value Value::intrinsic(std::string_view name, Value argument) {
  auto n = make(Kind::Intrinsic);
  n->payload = std::string(name);
  n->argument = std::move(argument);
  return Value(n.release());
}

Value::Kind Value::kind() const noexcept { return node_ ? node_->kind : Kind::Null; }
bool Value::is_literal() const noexcept { return !node_ || node_->literal; }
bool Value::is_token() const noexcept { return node_ && node_->kind > Kind::Map; }

bool Value::as_bool() const {
  if (kind() != Kind::Bool) wrong_kind(Kind::Bool, kind());
  return node_->scalar.b;
}
std::int64_t Value::as_int() const {
  if (kind() != Kind::Int) wrong_kind(Kind::Int, kind());
  return node_->scalar.i;
}
double Value::as_double() const {
  if (kind() == Kind::Int) return static_cast<double>(node_->scalar.i);
  if (kind() != Kind::Double) wrong_kind(Kind::Double, kind());
  return node_->scalar.d;
}
const std::string& Value::as_string() const {
  if (kind() != Kind::String) wrong_kind(Kind::String, kind());
  return node_->text();
}
const Value::List& Value::as_list() const {
  if (kind() == Kind::Null) return kEmptyList;
  if (kind() != Kind::List) wrong_kind(Kind::List, kind());
  return std::get<List>(node_->payload);
}
const Value::Map& Value::as_map() const {
  if (kind() == Kind::Null) return kEmptyMap;
  if (kind() != Kind::Map) wrong_kind(Kind::Map, kind());
  return std::get<Map>(node_->payload);
}
const Value* Value::find(std::string_view key) const {
  if (kind() != Kind::Map) return nullptr;
  for (const auto& [k, v] : std::get<Map>(node_->payload))
    if (k == key) return &v;
  return nullptr;
}
const CfnElement* Value::target() const noexcept { return node_ ? node_->element() : nullptr; }
const std::string& Value::name() const {
  return node_ && std::holds_alternative<std::string>(node_->payload) ? node_->text() : kEmptyString;
}
const Value& Value::argument() const { return node_ ? node_->argument : kNull; }

void Value::visit_targets(void (*f)(const CfnElement*, void*), void* ctx) const {
  if (!node_ || node_->literal) return;
  if (const CfnElement* e = node_->element()) f(e, ctx);
  if (const auto* list = std::get_if<List>(&node_->payload))
    for (const auto& v : *list) v.visit_targets(f, ctx);
  if (const auto* map = std::get_if<Map>(&node_->payload))
    for (const auto& e : *map) e.second.visit_targets(f, ctx);
  node_->argument.visit_targets(f, ctx);
}

namespace {
// Numbers and booleans concatenate as their text ("port-" + 80 is "port-80"),
// null as nothing:
// Fn::Join takes strings only.
Value as_text(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Int: return Value(std::to_string(v.as_int()));
    case Value::Kind::Double: return Value(fmt::format("{}", v.as_double()));
    case Value::Kind::Bool: return Value(v.as_bool() ? "true" : "false");
    case Value::Kind::Null: return Value(std::string());  // absent adds nothing
    default: return v;
  }
}

// Parts of a concatenation: the arguments of an Fn::Join "" or the value itself.
void append_parts(Value::List& parts, const Value& value) {
  const Value v = as_text(value);
  if (v.kind() == Value::Kind::Intrinsic && v.name() == "Fn::Join") {
    const auto& args = v.argument().as_list();
    if (args.size() == 2 && args[0].kind() == Value::Kind::String && args[0].as_string().empty()) {
      for (const auto& p : args[1].as_list()) append_parts(parts, p);
      return;
    }
  }
  if (v.kind() == Value::Kind::String && !parts.empty() && parts.back().kind() == Value::Kind::String) {
    parts.back() = Value(parts.back().as_string() + v.as_string());
    return;
  }
  if (v.kind() == Value::Kind::String && v.as_string().empty()) return;
  parts.push_back(v);
}
}  // namespace

Value operator+(const Value& a, const Value& b) {
  Value::List parts;
  append_parts(parts, a);
  append_parts(parts, b);
  if (parts.empty()) return Value(std::string());
  if (parts.size() == 1) return parts[0];  // "" + ref is the ref itself, not a one-part join
  return Value::intrinsic("Fn::Join", Value::list({"", Value(std::move(parts))}));
}

bool operator==(const Value& a, const Value& b) {
  if (a.node_ == b.node_) return true;
  if (a.kind() != b.kind()) {
    if ((a.kind() == Value::Kind::Int || a.kind() == Value::Kind::Double) &&
        (b.kind() == Value::Kind::Int || b.kind() == Value::Kind::Double))
      return a.as_double() == b.as_double();
    return false;
  }
  const auto& x = *a.node_;
  const auto& y = *b.node_;
  switch (x.kind) {
    case Value::Kind::Null: return true;
    case Value::Kind::Bool: return x.scalar.b == y.scalar.b;
    case Value::Kind::Int: return x.scalar.i == y.scalar.i;
    case Value::Kind::Double: return x.scalar.d == y.scalar.d;
    case Value::Kind::String:
    case Value::Kind::List:
    case Value::Kind::Map: return x.payload == y.payload;
    case Value::Kind::Ref:
    case Value::Kind::GetAtt:
    case Value::Kind::LogicalId: return x.scalar.target == y.scalar.target && x.payload == y.payload;
    case Value::Kind::Intrinsic: return x.payload == y.payload && x.argument == y.argument;
  }
  return false;
}

std::string Value::to_string() const {
  std::string out;
  switch (kind()) {
    case Kind::Null: return "null";
    case Kind::Bool: return node_->scalar.b ? "true" : "false";
    case Kind::Int: return std::to_string(node_->scalar.i);
    case Kind::Double: return fmt::format("{}", node_->scalar.d);
    case Kind::String: append_json_string(out, node_->text()); return out;
    case Kind::List: {
      out = "[";
      const auto& list = as_list();
      for (std::size_t i = 0; i < list.size(); ++i) {
        if (i) out += ",";
        out += list[i].to_string();
      }
      return out + "]";
    }
    case Kind::Map: {
      out = "{";
      const auto& map = as_map();
      for (std::size_t i = 0; i < map.size(); ++i) {
        if (i) out += ",";
        append_json_string(out, map[i].first);
        out += ":" + map[i].second.to_string();
      }
      return out + "}";
    }
    case Kind::Ref:
      return fmt::format("{{\"Ref\":\"{}\"}}", target() ? target()->node().path() : name());
    case Kind::GetAtt:
      return fmt::format("{{\"Fn::GetAtt\":[\"{}\",\"{}\"]}}", target()->node().path(), name());
    case Kind::LogicalId: return fmt::format("\"<logical id of {}>\"", target()->node().path());
    case Kind::Intrinsic: return fmt::format("{{\"{}\":{}}}", name(), argument().to_string());
  }
  return out;
}

}  // namespace cdk
