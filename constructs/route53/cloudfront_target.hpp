#pragma once
/// cdk::route53::CloudFrontTarget: a CloudFront distribution as the target of
/// an alias record (the AWS CDK's route53-targets CloudFrontTarget).
///
///   stack.add<cdk::route53::ARecord>("Www", {.zone = zone, .record_name = "www",
///       .target = cdk::route53::RecordTarget::alias(cdk::route53::CloudFrontTarget(cdn))});
///
/// The record name must be one of the distribution's domain_names. Every
/// distribution shares CloudFront's hosted zone id Z2FDTNDATAQYW2 (the aws
/// partition; the AWS CDK picks aws-cn's through a mapping, cdkpp does not).
#include <cdk/route53/alias_target.hpp>

namespace cdk::cloudfront {
class Distribution;
}

namespace cdk::route53 {

class CloudFrontTarget : public IAliasRecordTarget {
 public:
  /// CloudFront's hosted zone id for alias records.
  static constexpr const char* hosted_zone_id = "Z2FDTNDATAQYW2";

  explicit CloudFrontTarget(const cloudfront::Distribution& distribution) : distribution_(&distribution) {}
  [[nodiscard]] AliasTargetConfig alias_target() const override;

 private:
  const cloudfront::Distribution* distribution_;
};

}  // namespace cdk::route53
