#include "restrict_default_security_group.hpp"

#include <cdk/cfn_resource.hpp>
#include <cdk/construct.hpp>
#include <cdk/fn.hpp>
#include <cdk/iam/cfn_role.hpp>
#include <cdk/lambda/cfn_function.hpp>
#include <cdk/security.hpp>
#include <cdk/stack.hpp>

#include <string>

namespace cdk::ec2::detail {

namespace {

constexpr const char* kProviderId = "Custom::VpcRestrictDefaultSGCustomResourceProvider";

// Inline code (ZipFile), so CloudFormation provides cfnresponse and no asset is
// needed. Create/Update revoke the default group's two rules (all traffic from
// the group itself, all traffic out); Delete puts them back, as a VPC has them.
constexpr const char* kHandler = R"(import boto3
import cfnresponse
from botocore.exceptions import ClientError

ec2 = boto3.client("ec2")
# Already gone when revoking; already there, or the group gone with its VPC, when restoring.
IGNORED_ON_REVOKE = {"InvalidPermission.NotFound"}
IGNORED_ON_RESTORE = {"InvalidPermission.Duplicate", "InvalidGroup.NotFound"}


def default_rules(group, account):
    ingress = [{"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": group, "UserId": account}]}]
    egress = [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]
    return ingress, egress


def apply(group, account, restore):
    ingress, egress = default_rules(group, account)
    if restore:
        calls = ((ec2.authorize_security_group_ingress, ingress), (ec2.authorize_security_group_egress, egress))
    else:
        calls = ((ec2.revoke_security_group_ingress, ingress), (ec2.revoke_security_group_egress, egress))
    ignored = IGNORED_ON_RESTORE if restore else IGNORED_ON_REVOKE
    for call, permissions in calls:
        try:
            call(GroupId=group, IpPermissions=permissions)
        except ClientError as e:
            if e.response["Error"]["Code"] not in ignored:
                raise


def handler(event, context):
    props = event["ResourceProperties"]
    group = props["DefaultSecurityGroupId"]
    try:
        apply(group, props["Account"], restore=event["RequestType"] == "Delete")
        cfnresponse.send(event, context, cfnresponse.SUCCESS, {}, group)
    except Exception as e:
        cfnresponse.send(event, context, cfnresponse.FAILED, {}, group, reason=str(e))
)";

Value group_arn(const Stack& stack, const Value& group_id) {
  return Value("arn:") + Aws::partition() + Value(":ec2:") + stack.region() + Value(":") + stack.account() +
         Value(":security-group/") + group_id;
}

Value group_statement(const Value& group_arn_value) {
  return Value::Map{{"Effect", "Allow"},
                    {"Action", Value::List{"ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress",
                                           "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress"}},
                    {"Resource", Value::List{group_arn_value}}};
}

Value policy_document(Value::List statements) {
  return Value::Map{{"Version", "2012-10-17"}, {"Statement", std::move(statements)}};
}

iam::CfnRole& make_role(Construct& provider) {
  iam::CfnRole::Props p;
  p.assume_role_policy_document = policy_document(
      {Value::Map{{"Action", "sts:AssumeRole"}, {"Effect", "Allow"}, {"Principal", Value::Map{{"Service", "lambda.amazonaws.com"}}}}});
  p.managed_policy_arns = {Value("arn:") + Aws::partition() +
                           Value(":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")};
  p.policies.push_back({.policy_document = policy_document({}), .policy_name = "Inline"});
  auto& role = provider.add<iam::CfnRole>("Role", std::move(p));
  security::suppress(role, "AwsSolutions-IAM4", "AWSLambdaBasicExecutionRole only lets the function write its own logs",
                     {.applies_to = {"Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"}});
  return role;
}

void make_handler(Construct& provider, iam::CfnRole& role) {
  lambda::CfnFunction::Props p;
  p.code = lambda::CfnFunction::CodeProperty{.zip_file = kHandler};
  p.description = "Lambda function for removing all inbound/outbound rules from the VPC default security group";
  p.handler = "index.handler";
  p.memory_size = 128;
  p.role = Fn::get_att(role, "Arn");
  p.runtime = "python3.14";
  p.timeout = 900;
  // aws-cdk-lib also writes DependsOn the role, which the GetAtt already implies (cfn-lint W3005).
  auto& handler = provider.add<lambda::CfnFunction>("Handler", std::move(p));
  security::suppress(handler, "AwsSolutions-L1",
                     "python3.14 is the newest Python runtime the template linters accept; cdkpp moves it with its releases, "
                     "and the function runs only when its VPC is created, updated or deleted");
}

// The stack's one provider, made by its first VPC; each VPC adds a statement
// for its own group to the role's policy. Returns the handler function.
CfnResource& provider_for(Stack& stack, const Value& group_arn_value) {
  Construct* provider = stack.node().try_find_child(kProviderId);
  if (!provider) {
    provider = &stack.add<Construct>(kProviderId);
    make_handler(*provider, make_role(*provider));
  }
  auto& role = static_cast<iam::CfnRole&>(provider->node().find_child("Role"));
  auto& document = role.props().policies.front().policy_document;
  Value::List statements = document.as_map().back().second.as_list();
  statements.push_back(group_statement(group_arn_value));
  document = policy_document(std::move(statements));
  return static_cast<CfnResource&>(provider->node().find_child("Handler"));
}

}  // namespace

void restrict_default_security_group(Construct& vpc, const Value& default_group_id) {
  auto& stack = Stack::of(vpc);
  auto& handler = provider_for(stack, group_arn(stack, default_group_id));
  auto& holder = vpc.add<Construct>("RestrictDefaultSecurityGroupCustomResource");
  auto& resource = holder.add<CfnResource>(
      "Default", "Custom::VpcRestrictDefaultSG",
      Value::Map{{"ServiceToken", Fn::get_att(handler, "Arn")},
                 {"DefaultSecurityGroupId", default_group_id},
                 {"Account", stack.account()}});
  resource.apply_removal_policy(RemovalPolicy::Delete);
}

}  // namespace cdk::ec2::detail
