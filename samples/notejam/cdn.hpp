#pragma once
// The environment's static files (Django's collectstatic output, STATIC_URL
// /static/) in a private S3 bucket served by CloudFront.
//
// Two shapes, chosen by -c cdn_certificate_arn=:
// - with an ACM certificate in us-east-1 for the environment's domain,
//   CloudFront is the site: the domain points at the distribution (TLSv1.2_2021),
//   /static/* comes from the bucket and everything else from the load balancer
//   over HTTPS, uncached;
// - without one, CloudFront serves the bucket only, on its *.cloudfront.net
//   name (whose TLS policy CloudFront fixes), and the domain stays on the load
//   balancer.
#include "notejam.hpp"

#include <cdk/value.hpp>

namespace cdk::cloudfront {
class Distribution;
}
namespace cdk::ecs {
class FargateTaskDefinition;
}
namespace cdk::elbv2 {
class ApplicationLoadBalancer;
}
namespace cdk::s3 {
class Bucket;
}

namespace notejam {

/// What the distribution fronts.
struct CdnTargets {
  const Settings& settings;
  std::string domain;                            ///< the environment's name, e.g. dev.notejam.example.com
  cdk::elbv2::ApplicationLoadBalancer& load_balancer;
};

/// What the app needs to know and the stack to point at.
struct Cdn {
  cdk::s3::Bucket& bucket;                       ///< the static files, under static/
  cdk::cloudfront::Distribution& distribution;
  cdk::Value static_url;                         ///< https://<domain or distribution>/static/
  bool serves_site = false;                      ///< true when the domain should point at the distribution
};

/// The key prefix (and URL path) of the static files: Django's STATIC_URL.
inline constexpr std::string_view static_prefix = "static/";

/// Adds the bucket ("StaticFiles") and the distribution ("Cdn") to `stack`.
Cdn add_cdn(cdk::Stack& stack, const CdnTargets& targets);

/// Lets the app's tasks write the static files (collectstatic at start):
/// s3:PutObject and s3:GetObject on static/*, s3:ListBucket on the bucket.
void grant_collectstatic(const Cdn& cdn, cdk::ecs::FargateTaskDefinition& task);

}  // namespace notejam
