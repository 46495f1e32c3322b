#pragma once
// A behaviour as CloudFormation lists it, its policies resolved (managed
// names to their fixed ids) and its methods checked. Internal.
#include <cdk/cloudfront/behavior_options.hpp>

#include <string>

namespace cdk::cloudfront::detail {

CfnDistribution::DefaultCacheBehaviorProperty render_default_behavior(const std::string& path, const std::string& origin_id,
                                                                      const AddBehaviorOptions& options);
CfnDistribution::CacheBehaviorProperty render_behavior(const std::string& path, const std::string& origin_id,
                                                       const std::string& path_pattern, const AddBehaviorOptions& options);
/// The default behaviour's options without its origin.
AddBehaviorOptions options_of(const BehaviorOptions& behavior);

}  // namespace cdk::cloudfront::detail
