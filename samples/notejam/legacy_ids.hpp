#pragma once
// The environments were top-level stacks (NotejamDev, ...) before they became
// stages (Dev/Notejam, ...). Logical ids come from the path below the stack,
// so most stay; but an id made from another construct's unique id (the
// security group rules' "from<group's unique id>:3306") changes with the path
// above the stack. CloudFormation would then create each such rule anew
// before deleting the old one, and EC2 refuses a second identical rule, so the
// update would fail. keep_ids_from_before_stages gives those elements their
// ids of before, so an existing environment updates in place.
#include <cdk/stack.hpp>

#include <string_view>

namespace notejam {

/// Overrides the logical id of every element of `stack` whose id embeds the
/// unique id of a construct of the stack, with the id it had when the stack
/// was the top-level stack `old_stack_id`. Returns how many were overridden.
int keep_ids_from_before_stages(cdk::Stack& stack, std::string_view old_stack_id);

}  // namespace notejam
