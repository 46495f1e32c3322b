#include <cdk/cloudfront/load_balancer_v2_origin.hpp>

#include <cdk/cloudfront/detail/custom_origin.hpp>
#include <cdk/elbv2/base_load_balancer.hpp>
#include <cdk/error.hpp>

namespace cdk::cloudfront {

Origin LoadBalancerV2Origin::of(const elbv2::BaseLoadBalancer& load_balancer, HttpOriginProps props) {
  return std::make_shared<LoadBalancerV2Origin>(load_balancer, std::move(props));
}

CfnDistribution::OriginProperty LoadBalancerV2Origin::bind(const OriginBindOptions& options) const {
  if (!load_balancer_->internet_facing())
    throw Error(options.distribution.node().path(),
                "load balancer " + load_balancer_->node().path() + " is internal, and CloudFront reaches origins over the internet",
                "make it internet_facing = true (and let only CloudFront in), or serve it without CloudFront");
  return detail::render_custom_origin(options, load_balancer_->dns_name(), props_);
}

}  // namespace cdk::cloudfront
