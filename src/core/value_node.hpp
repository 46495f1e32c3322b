#pragma once
// The storage behind cdk::Value. Internal.
#include <cdk/value.hpp>

#include <variant>

namespace cdk::detail {

struct ValueNode {
  Value::Kind kind;
  // Bool/Int/Double use `scalar`; String/Ref(pseudo)/GetAtt(attribute)/
  // Intrinsic(function name) use `text`.
  union {
    bool b;
    std::int64_t i;
    double d;
  } scalar{};
  std::string text;
  Value::List list;
  Value::Map map;
  Value argument;                     // Intrinsic
  const CfnElement* target = nullptr; // Ref/GetAtt/LogicalId of an element
  bool literal = true;                // no token anywhere inside
};

}  // namespace cdk::detail
