#pragma once
/// cdk::cloudfront::LoadBalancerV2Origin: an internet-facing Application or
/// Network Load Balancer as origin (the AWS CDK's LoadBalancerV2Origin).
///
///   .default_behavior = {.origin = cdk::cloudfront::LoadBalancerV2Origin::of(alb),
///                        .allowed_methods = cdk::cloudfront::AllowedMethods::All,
///                        .cache_policy = cdk::cloudfront::CachePolicy::caching_disabled(),
///                        .origin_request_policy = cdk::cloudfront::OriginRequestPolicy::all_viewer()}
///
/// HTTPS only with TLS 1.2 by default (the secure choice, and the AWS CDK's):
/// the load balancer then needs an HTTPS listener whose certificate matches
/// the name CloudFront asks for. CloudFront connects to the load balancer's
/// DNS name (*.elb.amazonaws.com), for which ACM issues no certificate, so
/// forward the viewer's Host header (OriginRequestPolicy::all_viewer()) and
/// give the listener a certificate for the distribution's domain names.
/// protocol_policy = OriginProtocolPolicy::HttpOnly sends traffic between
/// CloudFront and the load balancer in clear text.
///
/// An internal load balancer is an error: CloudFront reaches origins over the
/// internet (VPC origins are not supported here).
#include <cdk/cloudfront/http_origin.hpp>

namespace cdk::elbv2 {
class BaseLoadBalancer;
}

namespace cdk::cloudfront {

class LoadBalancerV2Origin : public IOrigin {
 public:
  static Origin of(const elbv2::BaseLoadBalancer& load_balancer, HttpOriginProps props = {});

  LoadBalancerV2Origin(const elbv2::BaseLoadBalancer& load_balancer, HttpOriginProps props)
      : load_balancer_(&load_balancer), props_(std::move(props)) {}
  [[nodiscard]] CfnDistribution::OriginProperty bind(const OriginBindOptions& options) const override;
  [[nodiscard]] const elbv2::BaseLoadBalancer& load_balancer() const noexcept { return *load_balancer_; }

 private:
  const elbv2::BaseLoadBalancer* load_balancer_;
  HttpOriginProps props_;
};

}  // namespace cdk::cloudfront
