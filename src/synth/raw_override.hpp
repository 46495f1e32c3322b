#pragma once
// Raw overrides (CfnResource::add_override): the escape hatch that edits a
// rendered resource at a dotted path. Internal.
#include "synth/resolve.hpp"

#include <string>

namespace cdk::detail {

/// Sets `value` at the dotted `path` inside `target`, creating objects on the
/// way; a null `value` deletes what is there (and adds nothing).
void apply_override(Json& target, const std::string& path, const Json* value);

}  // namespace cdk::detail
