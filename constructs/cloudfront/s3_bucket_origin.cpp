#include <cdk/cloudfront/s3_bucket_origin.hpp>

#include <cdk/annotations.hpp>
#include <cdk/cloudfront/cfn_origin_access_control.hpp>
#include <cdk/cloudfront/detail/origin_base.hpp>
#include <cdk/cloudfront/distribution.hpp>
#include <cdk/error.hpp>
#include <cdk/names.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/stack.hpp>

namespace cdk::cloudfront {

namespace {

constexpr std::size_t max_oac_name_length = 64;

// Same construct ids and settings as the AWS CDK's S3OriginAccessControl.
CfnOriginAccessControl& make_origin_access_control(Construct& origin_scope) {
  auto& oac = origin_scope.add<Construct>("S3OriginAccessControl");
  CfnOriginAccessControl::OriginAccessControlConfigProperty config;
  config.name = Names::unique_resource_name(oac, {.max_length = max_oac_name_length});
  config.origin_access_control_origin_type = "s3";
  config.signing_behavior = "always";
  config.signing_protocol = "sigv4";
  return oac.add<CfnOriginAccessControl>("Resource", CfnOriginAccessControl::Props{.origin_access_control_config = config});
}

}  // namespace

Origin S3BucketOrigin::with_origin_access_control(s3::Bucket& bucket, S3BucketOriginProps props) {
  return std::make_shared<S3BucketOrigin>(bucket, std::move(props));
}

void S3BucketOrigin::check_bucket(const OriginBindOptions& options) const {
  const std::string path = options.distribution.node().path();
  if (&Stack::of(*bucket_) != &Stack::of(options.distribution))
    throw Error(path, "bucket " + bucket_->node().path() + " is in another stack than the distribution",
                "make the bucket in the distribution's stack: its policy names the distribution, which names the "
                "bucket, and across stacks that is a cycle");
  if (bucket_->encryption() == s3::BucketEncryption::KmsManaged)
    throw Error(path, "bucket " + bucket_->node().path() + " is encrypted with the AWS managed key aws/s3, which CloudFront cannot use",
                "use BucketEncryption::S3Managed, or Kms with a key whose policy lets cloudfront.amazonaws.com decrypt");
  if (bucket_->encryption() == s3::BucketEncryption::Kms)
    Annotations::of(options.scope).add_warning(
        "bucket " + bucket_->node().path() + " is encrypted with a customer managed KMS key whose policy cdkpp does not "
        "edit: allow kms:Decrypt to the service principal cloudfront.amazonaws.com with condition StringEquals "
        "AWS:SourceArn = this distribution's ARN, or CloudFront gets 403 for every object");
}

CfnDistribution::OriginProperty S3BucketOrigin::bind(const OriginBindOptions& options) const {
  check_bucket(options);
  auto& oac = make_origin_access_control(options.scope);
  bucket_->add_to_resource_policy(
      {.actions = {"s3:GetObject"},
       .resources = {bucket_->arn_for_objects("*")},
       .principals = Value::map({{"Service", "cloudfront.amazonaws.com"}}),
       .conditions = Value::map({{"StringEquals", Value::map({{"AWS:SourceArn", options.distribution.distribution_arn()}})}}),
       .sid = "GrantCloudFrontOACAccessToS3Origin"});
  auto out = detail::render_origin(options, {.domain_name = bucket_->bucket_regional_domain_name(),
                                             .origin_path = props_.origin_path,
                                             .origin_id = props_.origin_id,
                                             .connection_attempts = props_.connection_attempts,
                                             .connection_timeout_seconds = props_.connection_timeout_seconds,
                                             .custom_headers = props_.custom_headers});
  // An empty origin access identity: the origin access control signs instead.
  out.s3_origin_config = CfnDistribution::S3OriginConfigProperty{.origin_access_identity = ""};
  out.origin_access_control_id = oac.attr_id();
  return out;
}

}  // namespace cdk::cloudfront
