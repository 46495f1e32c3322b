#pragma once
// The dependency graph of a synthesized app, for `graph` and deploy order. Internal.
#include "synth/synthesizer.hpp"

#include <string>

namespace cdk::detail {

/// Graphviz DOT of the app: one cluster per stack with its resources, arrows
/// from a resource to what it references or depends on, dashed arrows from a
/// stack to the stacks it depends on.
std::string assembly_to_dot(const Assembly& assembly);

}  // namespace cdk::detail
