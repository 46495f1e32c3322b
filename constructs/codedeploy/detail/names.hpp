#pragma once
// Internal: the name rules CodeDeploy applies to applications, deployment
// groups and deployment configurations, and the ARNs it gives them.
#include <cdk/value.hpp>

#include <string>

namespace cdk {
class Construct;
}

namespace cdk::codedeploy::detail {

/// Throws a cdk::Error at `path` unless `name` is empty or at most 100
/// characters of letters, digits and . _ + = , @ -.
void check_name(const std::string& path, const char* what, const std::string& name);

/// arn:<partition>:codedeploy:<region>:<account>:<resource>:<name> in the stack of `scope`.
Value codedeploy_arn(const Construct& scope, const char* resource, const Value& name);

}  // namespace cdk::codedeploy::detail
