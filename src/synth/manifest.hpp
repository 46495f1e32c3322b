#pragma once
// manifest.json of the cloud assembly: one artifact per stack (environment,
// template file, dependencies, metadata) and the tree. Internal.
#include "synth/synthesizer.hpp"

namespace cdk::detail {

/// The manifest of `assembly`'s stacks; each stack's metadata is moved into it.
Json make_manifest(Assembly& assembly);

}  // namespace cdk::detail
