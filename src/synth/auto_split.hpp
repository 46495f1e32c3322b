#pragma once
// The automatic split of a stack that outgrows CloudFormation's 500
// resources (StackProps::auto_split). Internal.
#include <cdk/error.hpp>

#include <vector>

namespace cdk {
class App;
}  // namespace cdk

namespace cdk::detail {

class CrossStackReferences;

/// For each stack with auto_split over the resource limit: moves whole
/// constructs (direct children of the stack), from its end, into nested stacks
/// AutoSplit1, AutoSplit2, ... until the stack is back within the limit.
/// A construct moves only when no construct staying behind uses its values
/// (so that no value has to come back up) and it holds nothing but
/// resources without conditions. The constructs stay where they are in the
/// tree (paths and logical ids do not change); `refs` learns each moved
/// element's new home. Returns one info line per split stack saying what moved where.
std::vector<Diagnostic> split_oversized_stacks(App& app, CrossStackReferences& refs);

}  // namespace cdk::detail
