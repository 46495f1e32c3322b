#pragma once
// Internal to cdk::pipelines: the bootstrap roles of a stack's environment
// that the pipeline's actions and projects act as.
#include <cdk/bootstrap.hpp>
#include <cdk/stack.hpp>

#include <string_view>

namespace cdk::pipelines::detail {

/// The ARN of the target environment's bootstrap role `role` ("deploy-role",
/// "cfn-exec-role", "file-publishing-role", "image-publishing-role"), with the
/// stack's account and region filled in.
inline Value bootstrap_role(const Stack& stack, std::string_view role) {
  return bootstrap::cfnify(bootstrap::specialize(bootstrap::role_arn(stack.bootstrap_qualifier(), role), stack));
}

}  // namespace cdk::pipelines::detail
