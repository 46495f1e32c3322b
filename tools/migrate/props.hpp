#pragma once
// A resource's Properties as the Props aggregate of its typed L1 class
// (designated initializers, nested XxxProperty structs, tags), or, where the
// typed props cannot hold a property exactly, that property set raw.
#include "code.hpp"
#include "context.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace migrate {

struct ResourceProps {
  bool typed = false;  ///< false: the resource is written as cdk::CfnResource
  /// Typed: the Props initializer ("{.cidr_block = ...}"), empty group when
  /// none; untyped: the properties map.
  std::optional<Code> props;
  /// Typed only: properties set with set_property(name, value), as written.
  std::vector<std::pair<std::string, Code>> raw;
};

/// Converts `e`'s Properties with its type's plan (nullptr: no typed class);
/// records every fallback in ctx.
ResourceProps resource_props(Context& ctx, const Element& e, const cfngen::plan::ResourcePlan* plan);

}  // namespace migrate
