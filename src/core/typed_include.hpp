#pragma once
// CfnInclude's way to the typed L1 classes: declared here so core does not
// include the L1 layer's headers; implemented by it (src/l1/include_reader.cpp,
// with the generated readers), in the same library.
#include <cdk/cfn_resource.hpp>
#include <cdk/value.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cdk::detail {

/// A resource of `type` added to `scope` as its typed L1 class; nullptr when
/// the build reads no typed props for the type (CDKPP_L1_INCLUDE_SERVICES).
CfnResource* add_typed_resource(Construct& scope, std::string_view id, std::string_view type);

/// Fills the typed props of a resource add_typed_resource made from a
/// template's Properties map; returns the names of the entries that did not
/// fit (unknown, or of another shape), in the map's order.
std::vector<std::string> read_typed_properties(CfnResource& resource, const Value& properties);

}  // namespace cdk::detail
