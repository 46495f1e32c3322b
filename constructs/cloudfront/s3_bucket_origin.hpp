#pragma once
/// cdk::cloudfront::S3BucketOrigin: a private S3 bucket served through
/// CloudFront with an origin access control (the AWS CDK's
/// S3BucketOrigin.withOriginAccessControl):
///
///   auto& assets = stack.add<cdk::s3::Bucket>("Assets");
///   stack.add<cdk::cloudfront::Distribution>("Cdn", {.default_behavior = {
///       .origin = cdk::cloudfront::S3BucketOrigin::with_origin_access_control(assets)}});
///
/// Binding it to a distribution makes an AWS::CloudFront::OriginAccessControl
/// (Distribution/Origin<N>/S3OriginAccessControl/Resource, signing every
/// request with SigV4) and adds to the bucket's policy a statement that lets
/// the CloudFront service read objects (s3:GetObject) for requests of that
/// distribution only (AWS:SourceArn), with the AWS CDK's Sid
/// GrantCloudFrontOACAccessToS3Origin. The bucket stays private.
///
/// Limits: the bucket and the distribution must be in one stack (the policy
/// names the distribution, the distribution the bucket: across stacks that is
/// a cycle). A bucket encrypted with the AWS managed key aws/s3 is an error
/// (its key policy cannot let CloudFront decrypt); with a customer managed
/// key (BucketEncryption::Kms) cdkpp cannot edit the key's policy, so the
/// origin adds a warning that names the statement the key policy needs. Read
/// access only (the AWS CDK's AccessLevel.READ).
#include <cdk/cloudfront/origin.hpp>
#include <cdk/optional.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace cdk::s3 {
class Bucket;
}

namespace cdk::cloudfront {

struct S3BucketOriginProps {
  std::string origin_path{};                   ///< a folder of the bucket, "/site"; default none
  Optional<std::int64_t> connection_attempts{};              ///< 1-3; default not set (3)
  Optional<std::int64_t> connection_timeout_seconds{};       ///< 1-10; default not set (10)
  std::map<std::string, std::string> custom_headers{};      ///< at most 10; default none
  std::string origin_id{};                     ///< default the unique id of Distribution/Origin<N>
};

class S3BucketOrigin : public IOrigin {
 public:
  static Origin with_origin_access_control(s3::Bucket& bucket, S3BucketOriginProps props = {});

  S3BucketOrigin(s3::Bucket& bucket, S3BucketOriginProps props) : bucket_(&bucket), props_(std::move(props)) {}
  [[nodiscard]] CfnDistribution::OriginProperty bind(const OriginBindOptions& options) const override;
  [[nodiscard]] s3::Bucket& bucket() const noexcept { return *bucket_; }

 private:
  void check_bucket(const OriginBindOptions& options) const;
  s3::Bucket* bucket_;
  S3BucketOriginProps props_;
};

}  // namespace cdk::cloudfront
