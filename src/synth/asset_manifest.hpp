#pragma once
// What synthesis writes for the assets of a stack, in the AWS CDK's cloud
// assembly format: `<Stack>.assets.json` (the asset manifest schema), the
// `cdk:asset-manifest` artifact and the stack artifact's bootstrap properties
// (as aws-cdk-lib's DefaultStackSynthesizer writes them), and the
// BootstrapVersion parameter with the CheckBootstrapVersion rule in the
// template. Stacks without assets get none of it. Internal.
#include "synth/synthesizer.hpp"

namespace cdk {
class App;
}

namespace cdk::detail {

/// Adds the BootstrapVersion parameter and CheckBootstrapVersion rule to every
/// stack that holds an asset (once: a second synthesis finds them there).
void add_bootstrap_version_checks(App& app);

/// The `<Stack>.assets.json` document of a stack with assets.
Json make_asset_manifest(const StackArtifact& artifact);

/// The id of the asset manifest artifact: "<stack artifact id>.assets".
std::string asset_manifest_id(const Stack& stack);

/// Adds to `artifacts` the asset manifest artifact of `artifact`'s stack, and to
/// its stack artifact `props` and `dependencies` what deploying it needs.
void add_asset_artifacts(const StackArtifact& artifact, Json& artifacts, Json& props, Json& dependencies);

}  // namespace cdk::detail
