#pragma once
// A custom (non-S3) origin: HttpOrigin and LoadBalancerV2Origin. Internal.
#include <cdk/cloudfront/distribution.hpp>
#include <cdk/cloudfront/http_origin.hpp>

namespace cdk::cloudfront::detail {

/// The origin with its CustomOriginConfig, props checked.
CfnDistribution::OriginProperty render_custom_origin(const OriginBindOptions& options, const Value& domain_name,
                                                     const HttpOriginProps& props);

}  // namespace cdk::cloudfront::detail
