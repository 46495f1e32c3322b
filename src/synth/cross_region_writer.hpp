#pragma once
// What a stack adds to write values into SSM parameters of other regions
// (cross-region references, StackProps::cross_region_references). Internal.
#include "synth/references.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cdk::detail {

/// The resources, by logical id, that write `exports` (parameter name and
/// value, by region) from the producing stack: a log group, a role allowed to write
/// /cdkpp/xregion/* in those regions only, a Python function, and per region
/// a custom resource holding the values (an update rewrites the parameters;
/// a delete removes them).
std::vector<std::pair<std::string, Json>> cross_region_writer(
    const std::map<std::string, std::vector<NamedValue>>& exports);

}  // namespace cdk::detail
