#include <cdk/codepipeline/cross_region_support_stack.hpp>

#include "detail/artifacts_key_policy.hpp"

#include <cdk/error.hpp>
#include <cdk/fn.hpp>
#include <cdk/iam/policy_statement.hpp>
#include <cdk/kms/cfn_alias.hpp>
#include <cdk/kms/cfn_key.hpp>
#include <cdk/names.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/s3/bucket_actions.hpp>
#include <cdk/s3/cfn_bucket.hpp>
#include <cdk/security.hpp>

#include <algorithm>

namespace cdk::codepipeline {

namespace {

constexpr std::string_view alias_prefix = "alias/";
// The AWS CDK keeps alias names of generated keys to 50 characters.
constexpr std::size_t max_alias_length = 50;

StackProps stack_props(const CrossRegionSupportStackProps& p) {
  return {.env = p.env, .stack_name = p.pipeline_stack_name + "-support-" + p.env.region};
}

Value arn(const std::string& service, const std::string& region, const std::string& account, const std::string& resource) {
  return Value("arn:") + Aws::partition() + Value(":" + service + ":" + region + ":" + account + ":" + resource);
}

}  // namespace

std::string CrossRegionSupportStack::id_for(const Environment& env) {
  return "cross-region-stack-" + env.account + ":" + env.region;
}

CrossRegionSupportStack::CrossRegionSupportStack(Construct& scope, std::string_view id, const CrossRegionSupportStackProps& props)
    : Stack(scope, id, stack_props(props)) {
  if (props.env.account.empty() || props.env.region.empty())
    throw Error(node().path(), "a cross-region support stack needs a concrete account and region",
                "give the pipeline's stack .env = {.account, .region}");
  auto& scope_default = add<Construct>("Default");
  if (props.create_kms_key) {
    auto& key_scope = scope_default.add<Construct>("CrossRegionCodePipelineReplicationBucketEncryptionKey");
    key_ = &key_scope.add<kms::CfnKey>("Resource", kms::CfnKey::Props{.enable_key_rotation = true});
    key_->apply_removal_policy(RemovalPolicy::Delete);
    render_key_policy();
    auto& alias_scope = scope_default.add<Construct>("CrossRegionCodePipelineReplicationBucketEncryptionAlias");
    auto name = Names::physical_name(alias_scope);
    const std::size_t keep = max_alias_length - alias_prefix.size();
    if (name.size() > keep) name = name.substr(name.size() - keep);
    alias_ = std::string(alias_prefix) + name;
    auto& alias = alias_scope.add<kms::CfnAlias>("Resource", kms::CfnAlias::Props{.alias_name = alias_, .target_key_id = key_->ref()});
    alias.apply_removal_policy(RemovalPolicy::Delete);
  }
  s3::BucketProps bucket_props;
  if (key_ != nullptr) {
    bucket_props.encryption = s3::BucketEncryption::Kms;
    bucket_props.encryption_key_arn = key_->attr_arn();
  }
  bucket_ = &scope_default.add<s3::Bucket>("CrossRegionCodePipelineReplicationBucket", std::move(bucket_props));
  security::suppress(*bucket_, "S3-NO-ACCESS-LOGS",
                     "copies of pipeline artifacts for the actions of one region: CodePipeline's execution history and "
                     "CloudTrail record who ran what (cross_region_replication_buckets takes a bucket that logs)");
  bucket_name_ = Names::physical_name(*bucket_);
  bucket_->cfn_bucket().props().bucket_name = bucket_name_;
}

CrossRegionSupportStack::~CrossRegionSupportStack() = default;

ArtifactStore CrossRegionSupportStack::store() const {
  const auto& e = env();
  ArtifactStore out{.region = e.region, .account = e.account, .bucket_name = Value(bucket_name_),
                    .bucket_arn = Value("arn:") + Aws::partition() + Value(":s3:::" + bucket_name_)};
  if (key_ != nullptr) {
    out.key_id = arn("kms", e.region, e.account, alias_);
    out.key_arn = arn("kms", e.region, e.account, "key/*");
    out.key_alias = alias_;
  }
  return out;
}

void CrossRegionSupportStack::grant_read_to(const Value& role_arn) {
  if (std::find(readers_.begin(), readers_.end(), role_arn) != readers_.end()) return;
  readers_.push_back(role_arn);
  bucket_->add_to_resource_policy({.actions = s3::actions::read(),
                                   .resources = {bucket_->bucket_arn(), bucket_->arn_for_objects("*")},
                                   .principals = Value::map({{"AWS", role_arn}})});
  if (key_ != nullptr) render_key_policy();
}

void CrossRegionSupportStack::render_key_policy() {
  key_->props().key_policy = detail::artifacts_key_policy(readers_);
}

}  // namespace cdk::codepipeline
