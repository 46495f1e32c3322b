#include <cdk/route53/cloudfront_target.hpp>

#include <cdk/cloudfront/distribution.hpp>

namespace cdk::route53 {

AliasTargetConfig CloudFrontTarget::alias_target() const {
  return {.dns_name = distribution_->distribution_domain_name(), .hosted_zone_id = hosted_zone_id};
}

}  // namespace cdk::route53
