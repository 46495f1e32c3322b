#include <cdk/ec2/flow_log.hpp>

// Designated initializers leave the other L1 properties unset on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#include <cdk/cfn_resource.hpp>
#include <cdk/ec2/cfn_flow_log.hpp>
#include <cdk/error.hpp>
#include <cdk/iam/principal.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/logs/cfn_log_group.hpp>
#include <cdk/s3/cfn_bucket.hpp>

namespace cdk::ec2 {

namespace {
// The AWS CDK's default retention for a log group it creates (RetentionDays.TWO_YEARS).
constexpr int kDefaultRetentionDays = 731;

const char* traffic_type_name(FlowLogTrafficType t) {
  switch (t) {
    case FlowLogTrafficType::All: return "ALL";
    case FlowLogTrafficType::Accept: return "ACCEPT";
    case FlowLogTrafficType::Reject: return "REJECT";
  }
  return "ALL";
}
}  // namespace

FlowLog::FlowLog(Construct& scope, std::string_view id, const FlowLogProps& props) : Construct(scope, id) {
  if (props.resource_id.is_null()) throw Error(node().path(), "a flow log needs the id of what it watches", "set .resource_id");
  if (props.resource_type != "VPC" && props.resource_type != "Subnet" && props.resource_type != "NetworkInterface")
    throw Error(node().path(), "flow log resource type \"" + props.resource_type + "\" is not one CloudFormation knows",
                "use \"VPC\", \"Subnet\" or \"NetworkInterface\"");

  CfnFlowLog::Props l1{.resource_id = props.resource_id,
                       .resource_type = props.resource_type,
                       .traffic_type = traffic_type_name(props.traffic_type)};
  if (props.destination.kind() == FlowLogDestination::Kind::CloudWatchLogs) {
    // Same construct ids as the CDK: LogGroup/Resource, IAMRole/Resource, IAMRole/DefaultPolicy/Resource.
    auto& group_scope = add<Construct>("LogGroup");
    auto& group = group_scope.add<logs::CfnLogGroup>("Resource", {.retention_in_days = kDefaultRetentionDays});
    group.apply_removal_policy(RemovalPolicy::Retain);
    auto& role = add<iam::Role>("IAMRole", {.assumed_by = iam::ServicePrincipal("vpc-flow-logs.amazonaws.com")});
    role.add_to_policy({.actions = {"logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"},
                        .resources = {group.attr_arn()}});
    l1.deliver_logs_permission_arn = role.role_arn();
    l1.log_destination_type = "cloud-watch-logs";
    l1.log_group_name = group.ref();
  } else {
    Value arn = props.destination.bucket_arn();
    if (arn.is_null()) {
      using Bucket = s3::CfnBucket;
      auto& bucket_scope = add<Construct>("Bucket");
      auto& bucket = bucket_scope.add<Bucket>(
          "Resource",
          {.bucket_encryption = Bucket::BucketEncryptionProperty{.server_side_encryption_configuration = {
                                     {.server_side_encryption_by_default =
                                          Bucket::ServerSideEncryptionByDefaultProperty{.sse_algorithm = "AES256"}}}},
           .public_access_block_configuration = Bucket::PublicAccessBlockConfigurationProperty{
               .block_public_acls = true,
               .block_public_policy = true,
               .ignore_public_acls = true,
               .restrict_public_buckets = true}});
      bucket.apply_removal_policy(RemovalPolicy::Retain);
      arn = bucket.attr_arn();
    }
    l1.log_destination = arn;
    l1.log_destination_type = "s3";
  }
  resource_ = &add<CfnFlowLog>("FlowLog", std::move(l1));
}

Value FlowLog::flow_log_id() const { return resource_->ref(); }

}  // namespace cdk::ec2
