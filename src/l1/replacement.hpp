#pragma once
/// What CloudFormation does to a resource when one of its top-level properties
/// changes, from the pinned resource specification (spec/): the table is
/// generated with the L1 classes (generated/src/l1/replacing_properties.cpp)
/// and covers every type of the spec, whichever services the build generates.
#include <span>
#include <string_view>

namespace cdk::l1 {

enum class Replacement {
  Never,        ///< updated in place
  Conditional,  ///< replaced for some changes ("maybe" in the spec: e.g. a DB engine's major version)
  Always,       ///< replaced by a new physical resource
};

struct ReplacingProperty {
  std::string_view type;      ///< "AWS::RDS::DBInstance"
  std::string_view property;  ///< "DBSubnetGroupName"
  Replacement replacement;
};

/// Every property that replaces (always or conditionally), sorted by type,
/// then property. Generated.
std::span<const ReplacingProperty> replacing_properties();

/// What changing `property` of a `type` resource does. Never for a type or
/// property the spec does not mark (custom resources are updated in place).
Replacement replacement_of(std::string_view type, std::string_view property);

}  // namespace cdk::l1
