#pragma once
/// Name rules of Elastic Load Balancing v2 resources.
///
/// Load balancer and target group names are at most 32 characters of letters,
/// digits and hyphens, and neither start nor end with a hyphen; a load balancer
/// name also may not start with "internal-". An explicit name that breaks a
/// rule is an error naming the construct path. Without an explicit name the
/// Name property is left out and CloudFormation generates one, like the AWS CDK.
#include <cstddef>
#include <string>
#include <string_view>

namespace cdk::elbv2 {

/// Longest load balancer or target group name AWS accepts.
inline constexpr std::size_t max_name_length = 32;

namespace detail {
/// Throws cdk::Error(path, ...) when `name` is not a valid name for `what`
/// ("load balancer" or "target group"). Empty names are accepted (generated).
void check_name(const std::string& path, std::string_view what, std::string_view name);
}  // namespace detail

}  // namespace cdk::elbv2
