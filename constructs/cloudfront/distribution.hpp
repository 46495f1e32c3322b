#pragma once
/// cdk::cloudfront::Distribution: a CloudFront distribution (the AWS CDK's
/// Distribution) with a default behaviour and more per path pattern.
///
///   auto& cdn = stack.add<cdk::cloudfront::Distribution>("Cdn", {
///       .default_behavior = {.origin = cdk::cloudfront::LoadBalancerV2Origin::of(alb),
///                            .allowed_methods = cdk::cloudfront::AllowedMethods::All,
///                            .cache_policy = cdk::cloudfront::CachePolicy::caching_disabled(),
///                            .origin_request_policy = cdk::cloudfront::OriginRequestPolicy::all_viewer()},
///       .certificate = cert.certificate_arn(),   // an ACM certificate in us-east-1
///       .domain_names = {"www.example.com"},
///       .web_acl_id = cloudfront_acl.attr_arn()});
///   cdn.add_behavior("/static/*", cdk::cloudfront::S3BucketOrigin::with_origin_access_control(assets));
///   stack.add<cdk::route53::ARecord>("Www", {.zone = zone, .record_name = "www",
///       .target = cdk::route53::RecordTarget::alias(cdk::route53::CloudFrontTarget(cdn))});
///
/// Construct ids and defaults follow the AWS CDK (Distribution/Resource,
/// Distribution/Origin<N> with origin ids from their unique ids, HTTP/2, IPv6
/// on, CachingOptimized, compression, GET/HEAD, SNI), except, for security:
/// - behaviours redirect HTTP to HTTPS (the AWS CDK's default is allow-all,
///   which serves pages and cookies in clear text);
/// - with a certificate the viewer policy is TLSv1.2_2021 (the AWS CDK's
///   default without its feature flag is TLSv1.2_2019). Without a certificate
///   the *.cloudfront.net name uses CloudFront's fixed policy, which still
///   accepts TLS 1.0, so give public sites a certificate.
///
/// Checked at construction, each a one-line error naming the path: the
/// certificate's region (us-east-1, as CloudFront requires), domain names
/// without a certificate and a certificate without domain names, the web ACL's
/// scope (CLOUDFRONT), duplicate or '*' path patterns, more behaviours than
/// the account's quota (25 by default), error responses, the comment, the
/// default root object, and the log bucket (ACLs on, SSE-S3).
///
/// Not supported: origin groups (failover), Lambda@Edge and CloudFront
/// Functions, geo restrictions, trusted key groups (signed URLs), VPC origins,
/// real-time logs.
#include <cdk/cloudfront/behavior_options.hpp>
#include <cdk/cloudfront/error_response.hpp>
#include <cdk/cloudfront/price_class.hpp>
#include <cdk/construct.hpp>
#include <cdk/iam/grantable.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace cdk::s3 {
class Bucket;
}

namespace cdk::cloudfront {

struct DistributionProps {
  BehaviorOptions default_behavior{};             ///< every path no other behaviour matches; required (its origin)
  Value certificate{};                            ///< ACM certificate ARN in us-east-1 (cert.certificate_arn() or a literal); default none (*.cloudfront.net)
  List<std::string> domain_names{};               ///< aliases, at most 100, need a certificate; default none
  SecurityPolicyProtocol minimum_protocol_version = SecurityPolicyProtocol::TlsV1_2_2021;  ///< with a certificate; default TLSv1.2_2021
  Optional<PriceClass> price_class{};             ///< default not set (PriceClass_All)
  std::string default_root_object{};              ///< object served for "/", e.g. "index.html"; default none
  HttpVersion http_version = HttpVersion::Http2;  ///< default HTTP/2
  bool enable_ipv6 = true;                        ///< default true
  bool enabled = true;                            ///< default true
  std::string comment{};                          ///< at most 128 characters; default none
  Value web_acl_id{};                             ///< a CLOUDFRONT-scoped WAFv2 web ACL's ARN (acl.attr_arn()); default none
  List<ErrorResponse> error_responses{};          ///< default none
  bool enable_logging = false;                    ///< standard access logs; default false (a LoggingBucket is made when log_bucket is not set)
  Ptr<s3::Bucket> log_bucket{};                   ///< where logs go (turns logging on); needs ACLs (ObjectOwnership not BucketOwnerEnforced) and SSE-S3; default none
  std::string log_file_prefix{};                  ///< default none
  bool log_includes_cookies = false;              ///< default false
  std::size_t behavior_quota = 25;                ///< the account's cache behaviours per distribution quota; default 25 (AWS's default)
};

class Distribution : public Construct {
 public:
  using Props = DistributionProps;
  Distribution(Construct& scope, std::string_view id, const DistributionProps& props);

  /// Adds a behaviour for requests matching `path_pattern` ("/static/*"),
  /// tried in the order added. '*' and a pattern already used are errors.
  void add_behavior(const std::string& path_pattern, const Origin& origin, AddBehaviorOptions options = {});

  /// {"Ref": distribution}: its id ("E2QWRUHAPOMQZL").
  [[nodiscard]] Value distribution_id() const;
  /// Fn::GetAtt DomainName ("d111111abcdef8.cloudfront.net").
  [[nodiscard]] Value distribution_domain_name() const;
  /// arn:<partition>:cloudfront::<account>:distribution/<id>.
  [[nodiscard]] Value distribution_arn() const;
  /// cloudfront:CreateInvalidation on this distribution.
  void grant_create_invalidation(iam::IGrantable& grantee) const;

  /// The ids of the origins, in the order they were added.
  [[nodiscard]] const std::vector<std::string>& origin_ids() const noexcept { return origin_ids_; }
  [[nodiscard]] CfnDistribution& cfn_distribution() noexcept { return *resource_; }

 private:
  struct BoundOrigin {
    const IOrigin* origin;
    std::string id;
  };
  void check(const DistributionProps& props) const;
  void make_resource(const DistributionProps& props);
  std::optional<CfnDistribution::LoggingProperty> make_logging(const DistributionProps& props);
  std::string add_origin(const Origin& origin);
  CfnDistribution::DistributionConfigProperty& config();

  std::vector<BoundOrigin> bound_;
  std::vector<Origin> origins_;  // keeps the origins alive for identity checks
  std::vector<std::string> origin_ids_;
  std::vector<std::string> path_patterns_;
  std::size_t behavior_quota_ = 0;
  CfnDistribution* resource_ = nullptr;
};

}  // namespace cdk::cloudfront
