#pragma once
// Stage 2 of cfngen, for CfnInclude: per resource type, code that fills the
// typed Props of its L1 class from a template's Properties (a cdk::Value), and
// a table of those functions by CloudFormation type name. Kept apart from the
// rendering code (emit.cpp) so the L1 classes compile without it.
#include "emit.hpp"
#include "model.hpp"

#include <vector>

namespace cfngen {

/// src/l1/include_NN.cpp (`shards` files, the readers of the selected types)
/// and src/l1/include_types.cpp (the table CfnInclude looks types up in).
std::vector<File> generate_include_readers(const Spec& spec, const Options& options);

}  // namespace cfngen
