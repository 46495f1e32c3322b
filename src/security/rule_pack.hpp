#pragma once
// The security rule pack as a validation plugin: what a caller of
// synthesize() passes in SynthOptions::plugins to have the rules run. Internal.
#include "synth/validation.hpp"

namespace cdk::detail::security {

/// The plugin running every rule of the pack (check_stack) over each stack.
const ValidationPlugin& rule_pack_plugin();

}  // namespace cdk::detail::security
