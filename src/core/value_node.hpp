#pragma once
// The storage behind cdk::Value. Internal.
#include <cdk/value.hpp>

#include <atomic>
#include <cstdint>
#include <string>
#include <variant>

namespace cdk::detail {

// One node per Value that is not null, shared by its copies (which it counts)
// and never changed once made. Kept small (64 bytes): a large tree holds
// millions of them.
struct ValueNode {
  mutable std::atomic<std::uint32_t> refs{1};  // the Values that share it
  Value::Kind kind = Value::Kind::Null;
  bool literal = true;  // no token anywhere inside
  union {
    const CfnElement* target;  // Ref/GetAtt/LogicalId of an element; first, so that {} makes it null
    bool b;
    std::int64_t i;
    double d;
  } scalar{};
  // String (the string), Ref (a pseudo parameter's name), GetAtt (the
  // attribute), Intrinsic (the function's name): the string; List, Map: theirs.
  std::variant<std::string, Value::List, Value::Map> payload;
  Value argument;  // Intrinsic

  [[nodiscard]] const std::string& text() const { return std::get<std::string>(payload); }
  [[nodiscard]] const CfnElement* element() const noexcept {
    const bool refers = kind == Value::Kind::Ref || kind == Value::Kind::GetAtt || kind == Value::Kind::LogicalId;
    return refers ? scalar.target : nullptr;
  }
};

}  // namespace cdk::detail
