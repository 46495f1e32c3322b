#pragma once
// manifest.json of the cloud assembly: one artifact per stack (environment,
// template file, dependencies, metadata), one `cdk:cloud-assembly` artifact
// per Stage pointing at its nested assembly, and the tree. Internal.
#include "synth/synthesizer.hpp"

namespace cdk::detail {

/// Fills `assembly.manifest` (the app's stacks outside stages, its top-level
/// stages and the tree) and `assembly.nested` (each Stage's own manifest: its
/// stacks and the stages inside it); each stack's metadata is moved into them.
void make_manifests(const App& app, Assembly& assembly);

}  // namespace cdk::detail
