// Rule ids of cdk-nag (AwsSolutions pack), cfn_nag, checkov and cfn-guard
// (AWS Guard Rules Registry) for the findings cdkpp's rules make, each read
// from that tool's own rule sources (cdk-nag 2.37 and 3.0, cfn_nag's
// custom_rules, checkov's CloudFormation checks, the registry's rules/aws).
// DB-PUBLIC-SUBNET has no equivalent in any of them.
#include "security/other_tools.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

namespace cdk::detail::security {

namespace {

constexpr std::string_view kSecurityGroups = "AWS::EC2::SecurityGroup AWS::EC2::SecurityGroupIngress";

// Where a tool's rule is broader than cdkpp's (EC23 and W2 fire on any port
// open to the world), a suppression of cdkpp's rule on a resource still
// answers it there: the reason given covers the resource's exposure.
constexpr std::array kEquivalents{
    Equivalents{"SG-WORLD-ADMIN", kSecurityGroups, "AwsSolutions-EC23", "W2 W9", "CKV_AWS_24 CKV_AWS_25",
                "EC2_SECURITY_GROUP_INGRESS_OPEN_TO_WORLD_RULE"},
    Equivalents{"SG-WORLD-ADMIN", "AWS::EC2::SecurityGroup", "", "", "", "INCOMING_SSH_DISABLED"},
    Equivalents{"SG-WORLD-ALL", kSecurityGroups, "AwsSolutions-EC23", "W42 W2 W27", "",
                "SECURITY_GROUP_INGRESS_ALL_PROTOCOLS_RULE EC2_SECURITY_GROUP_INGRESS_OPEN_TO_WORLD_RULE"},
    Equivalents{"DB-PUBLICLY-ACCESSIBLE", "AWS::RDS::DBInstance", "", "F22", "CKV_AWS_17",
                "RDS_INSTANCE_PUBLIC_ACCESS_CHECK"},
    Equivalents{"RDS-UNENCRYPTED", "AWS::RDS::DBInstance", "AwsSolutions-RDS2", "F27", "CKV_AWS_16",
                "RDS_STORAGE_ENCRYPTED"},
    Equivalents{"RDS-UNENCRYPTED", "AWS::RDS::DBCluster", "AwsSolutions-RDS2", "F26", "CKV_AWS_96", ""},
    Equivalents{"EFS-UNENCRYPTED", "AWS::EFS::FileSystem", "AwsSolutions-EFS1", "F32", "CKV_AWS_42",
                "EFS_ENCRYPTED_CHECK"},
    // cfn-guard's in-transit rule looks at Engine redis only; the others at any group.
    Equivalents{"ELASTICACHE-UNENCRYPTED", "AWS::ElastiCache::ReplicationGroup", "AwsSolutions-AEC3", "F25 F33",
                "CKV_AWS_29 CKV_AWS_30",
                "ELASTICACHE_REPLICATION_GROUP_ENCRYPTION_AT_REST ELASTICACHE_REPLICATION_GROUP_ENCRYPTION_IN_TRANSIT"},
    // cdk-nag reports launch-template block devices on the instance or group using the template.
    Equivalents{"EBS-UNENCRYPTED", "AWS::EC2::Volume", "AwsSolutions-EC26", "F1", "CKV_AWS_3",
                "ENCRYPTED_VOLUMES EC2_EBS_ENCRYPTION_BY_DEFAULT"},
    Equivalents{"EBS-UNENCRYPTED", "AWS::EC2::Instance AWS::AutoScaling::AutoScalingGroup", "AwsSolutions-EC26", "",
                "", ""},
    Equivalents{"S3-PUBLIC-ACCESS", "AWS::S3::Bucket", "AwsSolutions-S2", "",
                "CKV_AWS_53 CKV_AWS_54 CKV_AWS_55 CKV_AWS_56", "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED"},
    Equivalents{"S3-NO-TLS", "AWS::S3::Bucket", "AwsSolutions-S10", "", "", ""},
    Equivalents{"S3-NO-TLS", "AWS::S3::BucketPolicy", "AwsSolutions-S10", "", "", "S3_BUCKET_SSL_REQUESTS_ONLY"},
    Equivalents{"SQS-UNENCRYPTED", "AWS::SQS::Queue", "AwsSolutions-SQS2", "W48", "CKV_AWS_27",
                "SQS_QUEUE_KMS_MASTER_KEY_ID_RULE"},
    Equivalents{"SNS-NO-TLS", "AWS::SNS::Topic", "AwsSolutions-SNS3", "", "", ""},
    Equivalents{"SQS-NO-TLS", "AWS::SQS::Queue", "AwsSolutions-SQS4", "", "", ""},
    Equivalents{"CODEBUILD-PRIVILEGED", "AWS::CodeBuild::Project", "AwsSolutions-CB3", "", "", ""},
    Equivalents{"LAMBDA-URL-NO-AUTH", "AWS::Lambda::Url", "", "", "CKV_AWS_258", ""},
    Equivalents{"VPC-NO-FLOW-LOGS", "AWS::EC2::VPC", "AwsSolutions-VPC7", "W60", "", ""},
    Equivalents{"LB-NO-ACCESS-LOGS", "AWS::ElasticLoadBalancingV2::LoadBalancer", "AwsSolutions-ELB2", "W52",
                "CKV_AWS_91", "ELBV2_ACCESS_LOGGING_RULE"},
    Equivalents{"LB-HTTP-NO-REDIRECT", "AWS::ElasticLoadBalancingV2::Listener", "", "W56", "CKV_AWS_2",
                "ELBV2_LISTENER_PROTOCOL_RULE"},
    Equivalents{"LB-HTTP-NO-REDIRECT", "AWS::ElasticLoadBalancingV2::LoadBalancer", "", "", "CKV2_AWS_20", ""},
    // cdk-nag's IAM5 is narrowed to the resource's own wildcard actions (see suppression_metadata.cpp).
    Equivalents{"IAM-WILDCARD-ACTION", "AWS::IAM::Policy", "AwsSolutions-IAM5", "F4", "CKV_AWS_63", ""},
    Equivalents{"IAM-WILDCARD-ACTION", "AWS::IAM::ManagedPolicy", "AwsSolutions-IAM5", "F5", "",
                "IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS"},
    Equivalents{"IAM-WILDCARD-ACTION", "AWS::IAM::Role", "AwsSolutions-IAM5", "F3", "CKV_AWS_63",
                "IAM_ROLE_NO_WILDCARD_ACTIONS_ON_PERMISSIONS"},
    Equivalents{"IAM-WILDCARD-ACTION", "AWS::IAM::User AWS::IAM::Group", "AwsSolutions-IAM5", "", "CKV_AWS_63", ""},
    Equivalents{"SECRET-IN-ENV", "AWS::Lambda::Function", "", "", "CKV_AWS_45", ""},
    Equivalents{"SECRET-IN-ENV", "AWS::CodeBuild::Project", "", "", "", "CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK"},
    Equivalents{"DB-NO-DELETION-PROTECTION", "AWS::RDS::DBInstance", "AwsSolutions-RDS10", "F80", "",
                "RDS_INSTANCE_DELETION_PROTECTION_ENABLED"},
    Equivalents{"DB-NO-DELETION-PROTECTION", "AWS::RDS::DBCluster", "AwsSolutions-RDS10", "", "", ""},
    Equivalents{"CLOUDFRONT-HTTP", "AWS::CloudFront::Distribution", "", "", "CKV_AWS_34",
                "CLOUDFRONT_VIEWER_POLICY_HTTPS"},
    Equivalents{"CLOUDFRONT-OLD-TLS", "AWS::CloudFront::Distribution", "AwsSolutions-CFR4", "W70", "CKV_AWS_174",
                "CLOUDFRONT_MINIMUM_PROTOCOL_VERSION_RULE"},
    Equivalents{"ECS-NO-LOGS", "AWS::ECS::TaskDefinition", "AwsSolutions-ECS7", "", "", ""},
    Equivalents{"KMS-NO-ROTATION", "AWS::KMS::Key", "AwsSolutions-KMS5", "F19", "CKV_AWS_7", ""},
    Equivalents{"RDS-NO-BACKUPS", "AWS::RDS::DBInstance", "AwsSolutions-RDS13", "", "", ""},
    // The load balancer side has no equivalent in the four tools.
    Equivalents{"PUBLIC-NO-WAF", "AWS::CloudFront::Distribution", "AwsSolutions-CFR2", "", "CKV_AWS_68", ""},
    // cdk-nag's AwsSolutions rules that are cdkpp rules of the same condition;
    // the other tools' ids for these findings are not mapped yet.
    Equivalents{"SG-NO-DESCRIPTION", "AWS::EC2::SecurityGroup", "AwsSolutions-EC27", "", "", ""},
    Equivalents{"EC2-NO-DETAILED-MONITORING", "AWS::EC2::Instance AWS::AutoScaling::LaunchConfiguration", "AwsSolutions-EC28", "", "", ""},
    Equivalents{"EC2-NO-TERMINATION-PROTECTION", "AWS::EC2::Instance", "AwsSolutions-EC29", "", "", ""},
    Equivalents{"ASG-NO-COOLDOWN", "AWS::AutoScaling::AutoScalingGroup", "AwsSolutions-AS1", "", "", ""},
    Equivalents{"ASG-ELB-NO-GRACE-PERIOD", "AWS::AutoScaling::AutoScalingGroup", "AwsSolutions-AS2", "", "", ""},
    Equivalents{"ASG-NO-NOTIFICATIONS", "AWS::AutoScaling::AutoScalingGroup", "AwsSolutions-AS3", "", "", ""},
    Equivalents{"ECS-ENVIRONMENT-VARIABLES", "AWS::ECS::TaskDefinition", "AwsSolutions-ECS2", "", "", ""},
    Equivalents{"ECS-NO-CONTAINER-INSIGHTS", "AWS::ECS::Cluster", "AwsSolutions-ECS4", "", "", ""},
    Equivalents{"ECR-OPEN-ACCESS", "AWS::ECR::Repository AWS::ECR::RegistryPolicy", "AwsSolutions-ECR1", "", "", ""},
    Equivalents{"LAMBDA-OLD-RUNTIME", "AWS::Lambda::Function", "AwsSolutions-L1", "", "", ""},
    Equivalents{"CODEBUILD-NO-KMS", "AWS::CodeBuild::Project", "AwsSolutions-CB4", "", "", ""},
    Equivalents{"CODEBUILD-CUSTOM-IMAGE", "AWS::CodeBuild::Project", "AwsSolutions-CB5", "", "", ""},
    Equivalents{"IAM-AWS-MANAGED-POLICY", "AWS::IAM::Role AWS::IAM::User AWS::IAM::Group", "AwsSolutions-IAM4", "", "", ""},
    Equivalents{"RDS-NO-MULTI-AZ", "AWS::RDS::DBInstance", "AwsSolutions-RDS3", "", "", ""},
    Equivalents{"RDS-NO-IAM-AUTH", "AWS::RDS::DBCluster", "AwsSolutions-RDS6", "", "", ""},
    Equivalents{"RDS-DEFAULT-PORT", "AWS::RDS::DBInstance AWS::RDS::DBCluster", "AwsSolutions-RDS11", "", "", ""},
    Equivalents{"AURORA-NO-BACKTRACK", "AWS::RDS::DBCluster", "AwsSolutions-RDS14", "", "", ""},
    Equivalents{"AURORA-SERVERLESS-NO-LOGS", "AWS::RDS::DBCluster", "AwsSolutions-RDS16", "", "", ""},
    Equivalents{"ELASTICACHE-NO-VPC", "AWS::ElastiCache::CacheCluster AWS::ElastiCache::ReplicationGroup", "AwsSolutions-AEC1", "", "", ""},
    Equivalents{"ELASTICACHE-NO-MULTI-AZ", "AWS::ElastiCache::ReplicationGroup", "AwsSolutions-AEC4", "", "", ""},
    Equivalents{"ELASTICACHE-DEFAULT-PORT", "AWS::ElastiCache::CacheCluster AWS::ElastiCache::ReplicationGroup", "AwsSolutions-AEC5", "", "", ""},
    Equivalents{"ELASTICACHE-NO-AUTH", "AWS::ElastiCache::ReplicationGroup", "AwsSolutions-AEC6", "", "", ""},
    Equivalents{"S3-NO-ACCESS-LOGS", "AWS::S3::Bucket", "AwsSolutions-S1", "", "", ""},
    Equivalents{"S3-WEBSITE-NO-OAI", "AWS::S3::Bucket", "AwsSolutions-S5", "", "", ""},
    Equivalents{"SQS-NO-DLQ", "AWS::SQS::Queue", "AwsSolutions-SQS3", "", "", ""},
    Equivalents{"SECRET-NO-ROTATION", "AWS::SecretsManager::Secret", "AwsSolutions-SMG4", "", "", ""},
    Equivalents{"CLOUDFRONT-NO-GEO-RESTRICTION", "AWS::CloudFront::Distribution", "AwsSolutions-CFR1", "", "", ""},
    Equivalents{"CLOUDFRONT-NO-ACCESS-LOGS", "AWS::CloudFront::Distribution AWS::CloudFront::StreamingDistribution", "AwsSolutions-CFR3", "", "", ""},
    Equivalents{"CLOUDFRONT-ORIGIN-TLS", "AWS::CloudFront::Distribution", "AwsSolutions-CFR5", "", "", ""},
    Equivalents{"CLOUDFRONT-S3-NO-OAC", "AWS::CloudFront::Distribution", "AwsSolutions-CFR7", "", "", ""},
};

bool has_word(std::string_view list, std::string_view word) {
  for (std::size_t at = 0; at < list.size();) {
    const auto end = std::min(list.find(' ', at), list.size());
    if (list.substr(at, end - at) == word) return true;
    at = end + 1;
  }
  return false;
}

}  // namespace

std::optional<Tool> tool_of(std::string_view id) {
  static const std::regex cdk_nag(R"((AwsSolutions|HIPAA\.Security|NIST\.800\.53\.R[45]|PCI\.DSS\.321|Serverless)-[A-Za-z0-9]+)");
  static const std::regex cfn_nag(R"([FW][0-9]+)");
  static const std::regex checkov(R"(CKV2?_[A-Z0-9_]+)");
  static const std::regex guard(R"([A-Z][A-Z0-9]*(_[A-Z0-9]+)+)");
  const std::string s(id);
  if (std::regex_match(s, cdk_nag)) return Tool::CdkNag;
  if (std::regex_match(s, cfn_nag)) return Tool::CfnNag;
  if (std::regex_match(s, checkov)) return Tool::Checkov;
  if (std::regex_match(s, guard)) return Tool::Guard;
  return std::nullopt;
}

std::vector<const Equivalents*> equivalents(std::string_view rule, std::string_view type) {
  std::vector<const Equivalents*> out;
  for (const auto& e : kEquivalents)
    if (e.rule == rule && has_word(e.types, type)) out.push_back(&e);
  return out;
}

std::vector<const Equivalents*> equivalents(std::string_view rule) {
  std::vector<const Equivalents*> out;
  for (const auto& e : kEquivalents)
    if (e.rule == rule) out.push_back(&e);
  return out;
}

std::vector<std::string_view> equivalent_ids(std::string_view rule) {
  std::vector<std::string_view> out;
  for (const auto* e : equivalents(rule))
    for (std::string_view list : {e->cdk_nag, e->cfn_nag, e->checkov, e->guard})
      for (std::size_t at = 0; at < list.size();) {
        const auto end = std::min(list.find(' ', at), list.size());
        if (end > at && std::find(out.begin(), out.end(), list.substr(at, end - at)) == out.end())
          out.push_back(list.substr(at, end - at));
        at = end + 1;
      }
  return out;
}

std::string cdk_nag_ids(std::string_view rule, std::string_view type) {
  auto rows = equivalents(rule, type);
  if (std::none_of(rows.begin(), rows.end(), [](const Equivalents* e) { return !e->cdk_nag.empty(); }))
    rows = equivalents(rule);
  std::string out;
  for (const auto* e : rows)
    for (std::size_t at = 0; at < e->cdk_nag.size();) {
      const auto end = std::min(e->cdk_nag.find(' ', at), e->cdk_nag.size());
      const auto id = e->cdk_nag.substr(at, end - at);
      if (!id.empty() && !has_word(out, id)) {
        if (!out.empty()) out.push_back(' ');
        out.append(id);
      }
      at = end + 1;
    }
  return out;
}

std::string nag_form(const Json& node) {
  if (node.is_string()) {
    std::string out;
    for (char c : node.get_ref<const std::string&>()) {
      if (c == '}') out += '>';
      else out += c;
    }
    for (std::size_t at = out.find("${"); at != std::string::npos; at = out.find("${", at)) out.replace(at, 2, "<");
    return out;
  }
  if (node.is_object() && node.size() == 1) {
    const std::string& key = node.begin().key();
    const Json& arg = node.begin().value();
    if (key == "Fn::Join" && arg.is_array() && arg.size() == 2 && arg[0].is_string() && arg[1].is_array()) {
      std::string out;
      for (std::size_t i = 0; i < arg[1].size(); ++i) out += (i > 0 ? arg[0].get<std::string>() : "") + nag_form(arg[1][i]);
      return out;
    }
    if (key == "Fn::Sub" || key == "Fn::ImportValue") return nag_form(arg);
    if (key == "Fn::GetAtt" && arg.is_array() && arg.size() == 2) return "<" + nag_form(arg[0]) + "." + nag_form(arg[1]) + ">";
    if (key == "Ref") return "<" + nag_form(arg) + ">";
  }
  return node.dump();
}


}  // namespace cdk::detail::security
