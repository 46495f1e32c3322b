#pragma once
/// cdk::cloudfront::IOrigin: where a distribution fetches what it serves.
/// Origins are values made by factories and shared between behaviours; the
/// same Origin used twice is one origin of the distribution:
///
///   auto assets = cdk::cloudfront::S3BucketOrigin::with_origin_access_control(bucket);
///   auto app = cdk::cloudfront::LoadBalancerV2Origin::of(alb);
///   auto& cdn = stack.add<cdk::cloudfront::Distribution>("Cdn", {.default_behavior = {.origin = app}});
///   cdn.add_behavior("/static/*", assets);
#include <cdk/cloudfront/cfn_distribution.hpp>
#include <cdk/construct.hpp>

#include <memory>
#include <string>

namespace cdk::cloudfront {

class Distribution;

/// Where an origin is being added: the distribution, the construct it made
/// for the origin (Distribution/Origin<N>, where the origin's own resources
/// go, as in the AWS CDK) and the id it gave the origin.
struct OriginBindOptions {
  Distribution& distribution;
  Construct& scope;
  std::string origin_id;
};

class IOrigin {
 public:
  virtual ~IOrigin() = default;
  /// Makes what the origin needs (an origin access control, a bucket policy
  /// statement) and returns the origin as the distribution lists it.
  [[nodiscard]] virtual CfnDistribution::OriginProperty bind(const OriginBindOptions& options) const = 0;
};

/// An origin as behaviours hold it.
using Origin = std::shared_ptr<const IOrigin>;

}  // namespace cdk::cloudfront
