// The cdkpp rules that answer cdk-nag's AwsSolutions rules on the resource
// types cdkpp's L2s make: each finds the non-compliant form, not the compliant
// one, shows its AwsSolutions id, and is suppressed by that id as by its own.
#include "security/other_tools.hpp"
#include "security/rule_pack.hpp"
#include "security/rules.hpp"
#include "synth/synthesizer.hpp"

#include <cdk/app.hpp>
#include <cdk/cfn_resource.hpp>
#include <cdk/security.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

using ::testing::Contains;
using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

namespace {

using cdk::detail::Json;

/// A resource to make: construct id, CloudFormation type, properties as JSON.
/// {"Ref": "X"} and {"Fn::GetAtt": ["X", "A"]} point at the resource made as X
/// (a pseudo parameter when there is none); other "Fn::" objects stay intrinsics.
struct Made {
  std::string id;
  std::string type;
  std::string properties = "{}";
};

struct Case {
  std::string name;  // for the test's name
  std::string rule;
  std::string aws_solutions;
  std::string type;
  std::string bad;   // properties of "Bad", which the rule finds
  std::string good;  // properties of "Good", which it does not
  std::vector<Made> before{};  // made first (what Bad and Good point at)
  std::vector<Made> after{};   // made last (what points at Bad or Good)
};

class Resources {
 public:
  explicit Resources(cdk::Stack& stack) : stack_(stack) {}

  cdk::CfnResource& make(const Made& m) {
    auto& r = stack_.add<cdk::CfnResource>(m.id, m.type, value(Json::parse(m.properties)));
    made_[m.id] = &r;
    return r;
  }

 private:
  cdk::Value value(const Json& j) {
    if (j.is_object() && j.size() == 1) {
      const auto& [key, arg] = *j.items().begin();
      if (key == "Ref") {
        auto it = made_.find(arg.get<std::string>());
        return it == made_.end() ? cdk::Value::pseudo(arg.get<std::string>()) : cdk::Value::ref(*it->second);
      }
      if (key == "Fn::GetAtt") return cdk::Value::get_att(*made_.at(arg[0].get<std::string>()), arg[1].get<std::string>());
      if (key.starts_with("Fn::")) return cdk::Value::intrinsic(key, value(arg));
    }
    if (j.is_object()) {
      cdk::Value::Map m;
      for (const auto& [k, v] : j.items()) m.emplace_back(k, value(v));
      return m;
    }
    if (j.is_array()) {
      cdk::Value::List l;
      for (const auto& v : j) l.push_back(value(v));
      return l;
    }
    if (j.is_string()) return j.get<std::string>();
    if (j.is_boolean()) return j.get<bool>();
    if (j.is_number_integer()) return j.get<std::int64_t>();
    if (j.is_number()) return j.get<double>();
    return {};
  }

  cdk::Stack& stack_;
  std::map<std::string, cdk::CfnResource*> made_;
};

struct Report {
  std::vector<cdk::Diagnostic> diagnostics;

  /// Paths of the open findings of `rule`: warnings, and advice (info lines that carry a fix);
  /// an accepted (suppressed) finding is an info line without one.
  std::vector<std::string> paths(std::string_view rule) const {
    std::vector<std::string> out;
    for (const auto& d : diagnostics)
      if (d.rule == rule && (d.level == cdk::Diagnostic::Level::Warning || !d.hint.empty())) out.push_back(d.path);
    return out;
  }
  const cdk::Diagnostic* first(std::string_view rule, std::string_view path) const {
    for (const auto& d : diagnostics)
      if (d.rule == rule && d.path == path) return &d;
    return nullptr;
  }
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.rule; }

Report check(cdk::App& app) {
  return {cdk::detail::synthesize(app, {.plugins = {&cdk::detail::security::rule_pack_plugin()}}).diagnostics};
}

// Each rule with a form it finds and one it does not, under cdk-nag's conditions.
const std::vector<Case> kCases{
    {"SecurityGroupDescription", "SG-NO-DESCRIPTION", "AwsSolutions-EC27", "AWS::EC2::SecurityGroup",
     R"({"GroupDescription": "x"})", R"({"GroupDescription": "web servers"})"},
    {"InstanceMonitoring", "EC2-NO-DETAILED-MONITORING", "AwsSolutions-EC28", "AWS::EC2::Instance",
     R"({"ImageId": "ami-1", "DisableApiTermination": true})", R"({"ImageId": "ami-1", "Monitoring": true})"},
    {"InstanceTerminationProtection", "EC2-NO-TERMINATION-PROTECTION", "AwsSolutions-EC29", "AWS::EC2::Instance",
     R"({"ImageId": "ami-1", "DisableApiTermination": false})", R"({"ImageId": "ami-1", "DisableApiTermination": true})"},
    {"GroupCooldown", "ASG-NO-COOLDOWN", "AwsSolutions-AS1", "AWS::AutoScaling::AutoScalingGroup",
     R"({"MinSize": "1", "MaxSize": "2", "Cooldown": "0"})", R"({"MinSize": "1", "MaxSize": "2"})"},
    {"GroupGracePeriod", "ASG-ELB-NO-GRACE-PERIOD", "AwsSolutions-AS2", "AWS::AutoScaling::AutoScalingGroup",
     R"({"MinSize": "1", "MaxSize": "2", "HealthCheckType": "ELB"})",
     R"({"MinSize": "1", "MaxSize": "2", "HealthCheckType": "ELB", "HealthCheckGracePeriod": 300})"},
    {"GroupNotifications", "ASG-NO-NOTIFICATIONS", "AwsSolutions-AS3", "AWS::AutoScaling::AutoScalingGroup",
     R"({"MinSize": "1", "MaxSize": "2", "NotificationConfigurations": [{"TopicARN": "arn:aws:sns:us-east-1:123456789012:ops",
         "NotificationTypes": ["autoscaling:EC2_INSTANCE_LAUNCH", "autoscaling:EC2_INSTANCE_TERMINATE"]}]})",
     R"({"MinSize": "1", "MaxSize": "2", "NotificationConfigurations": [
         {"TopicARN": "arn:aws:sns:us-east-1:123456789012:ops", "NotificationTypes": ["autoscaling:EC2_INSTANCE_LAUNCH",
          "autoscaling:EC2_INSTANCE_TERMINATE"]},
         {"TopicARN": "arn:aws:sns:us-east-1:123456789012:pager", "NotificationTypes": [
          "autoscaling:EC2_INSTANCE_LAUNCH_ERROR", "autoscaling:EC2_INSTANCE_TERMINATE_ERROR"]}]})"},
    {"TaskEnvironment", "ECS-ENVIRONMENT-VARIABLES", "AwsSolutions-ECS2", "AWS::ECS::TaskDefinition",
     R"({"ContainerDefinitions": [{"Name": "web", "Image": "nginx", "Environment": [{"Name": "MODE", "Value": "prod"}]}]})",
     R"({"ContainerDefinitions": [{"Name": "web", "Image": "nginx", "Secrets": [{"Name": "MODE", "ValueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/mode"}]}]})"},
    {"ContainerInsights", "ECS-NO-CONTAINER-INSIGHTS", "AwsSolutions-ECS4", "AWS::ECS::Cluster",
     R"({"ClusterSettings": [{"Name": "containerInsights", "Value": "disabled"}]})",
     R"({"ClusterSettings": [{"Name": "containerInsights", "Value": "enhanced"}]})"},
    {"RepositoryPolicy", "ECR-OPEN-ACCESS", "AwsSolutions-ECR1", "AWS::ECR::Repository",
     R"({"RepositoryPolicyText": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["ecr:BatchGetImage"]}]}})",
     R"({"RepositoryPolicyText": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
         "Action": ["ecr:BatchGetImage"]}, {"Effect": "Deny", "Principal": "*", "Action": ["ecr:DeleteRepository"]}]}})"},
    {"LambdaRuntime", "LAMBDA-OLD-RUNTIME", "AwsSolutions-L1", "AWS::Lambda::Function",
     R"({"Runtime": "nodejs20.x", "Handler": "index.handler"})", R"({"Runtime": "nodejs26.x", "Handler": "index.handler"})"},
    {"BuildKey", "CODEBUILD-NO-KMS", "AwsSolutions-CB4", "AWS::CodeBuild::Project",
     R"({"EncryptionKey": "alias/aws/s3", "Environment": {"Image": "aws/codebuild/standard:7.0"}})",
     R"({"EncryptionKey": "arn:aws:kms:us-east-1:123456789012:key/1", "Environment": {"Image": "aws/codebuild/standard:7.0"}})"},
    {"BuildImage", "CODEBUILD-CUSTOM-IMAGE", "AwsSolutions-CB5", "AWS::CodeBuild::Project",
     R"({"Environment": {"Image": "node:20"}})", R"({"Environment": {"Image": "aws/codebuild/amazonlinux2-x86_64-standard:5.0"}})"},
    {"ManagedPolicy", "IAM-AWS-MANAGED-POLICY", "AwsSolutions-IAM4", "AWS::IAM::Role",
     R"({"ManagedPolicyArns": [{"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::aws:policy/ReadOnlyAccess"]]}]})",
     R"({"ManagedPolicyArns": ["arn:aws:iam::123456789012:policy/app-readers"]})"},
    {"MultiAz", "RDS-NO-MULTI-AZ", "AwsSolutions-RDS3", "AWS::RDS::DBInstance",
     R"({"Engine": "postgres", "Port": "5433"})", R"({"Engine": "postgres", "Port": "5433", "MultiAZ": true})"},
    {"IamAuth", "RDS-NO-IAM-AUTH", "AwsSolutions-RDS6", "AWS::RDS::DBCluster",
     R"({"Engine": "aurora-postgresql", "Port": 5433, "EnableIAMDatabaseAuthentication": false})",
     R"({"Engine": "aurora-postgresql", "Port": 5433, "EnableIAMDatabaseAuthentication": true})"},
    {"DatabasePort", "RDS-DEFAULT-PORT", "AwsSolutions-RDS11", "AWS::RDS::DBInstance",
     R"({"Engine": "mysql", "Port": "3306"})", R"({"Engine": "mysql", "Port": "3307"})"},
    {"Backtrack", "AURORA-NO-BACKTRACK", "AwsSolutions-RDS14", "AWS::RDS::DBCluster",
     R"({"Engine": "aurora-mysql", "Port": 3307, "BacktrackWindow": 0})",
     R"({"Engine": "aurora-mysql", "Port": 3307, "BacktrackWindow": 86400})"},
    {"ServerlessLogs", "AURORA-SERVERLESS-NO-LOGS", "AwsSolutions-RDS16", "AWS::RDS::DBCluster",
     R"({"Engine": "aurora-mysql", "EngineMode": "serverless", "EnableCloudwatchLogsExports": ["error"]})",
     R"({"Engine": "aurora-mysql", "EngineMode": "serverless",
         "EnableCloudwatchLogsExports": ["audit", "error", "general", "slowquery"]})"},
    {"CacheVpc", "ELASTICACHE-NO-VPC", "AwsSolutions-AEC1", "AWS::ElastiCache::ReplicationGroup",
     R"({"CacheSubnetGroupName": ""})", R"({"CacheSubnetGroupName": "cache-subnets"})"},
    {"CacheMultiAz", "ELASTICACHE-NO-MULTI-AZ", "AwsSolutions-AEC4", "AWS::ElastiCache::ReplicationGroup",
     R"({"MultiAZEnabled": false})", R"({"MultiAZEnabled": true, "AutomaticFailoverEnabled": true})"},
    {"CachePort", "ELASTICACHE-DEFAULT-PORT", "AwsSolutions-AEC5", "AWS::ElastiCache::ReplicationGroup",
     R"({"Engine": "redis", "Port": 6379})", R"({"Engine": "redis", "Port": 6380})"},
    {"CacheAuth", "ELASTICACHE-NO-AUTH", "AwsSolutions-AEC6", "AWS::ElastiCache::ReplicationGroup",
     R"({"TransitEncryptionEnabled": true})",
     R"({"TransitEncryptionEnabled": true, "AuthToken": "{{resolve:secretsmanager:cache-token}}"})"},
    // Logs, which receives Good's logs, counts as logged.
    {"BucketLogs", "S3-NO-ACCESS-LOGS", "AwsSolutions-S1", "AWS::S3::Bucket", "{}",
     R"({"LoggingConfiguration": {"DestinationBucketName": {"Ref": "Logs"}, "LogFilePrefix": "good/"}})",
     {{"Logs", "AWS::S3::Bucket"}}},
    {"WebsiteBucket", "S3-WEBSITE-NO-OAI", "AwsSolutions-S5", "AWS::S3::Bucket",
     R"({"WebsiteConfiguration": {"IndexDocument": "index.html"}})", R"({"WebsiteConfiguration": {"IndexDocument": "index.html"}})",
     {},
     {{"BadPolicy", "AWS::S3::BucketPolicy", R"({"Bucket": {"Ref": "Bad"}, "PolicyDocument": {"Statement": [
          {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Resource": "*"}]}})"},
      {"GoodPolicy", "AWS::S3::BucketPolicy", R"({"Bucket": {"Ref": "Good"}, "PolicyDocument": {"Statement": [
          {"Effect": "Allow", "Principal": {"CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},
           "Action": "s3:GetObject", "Resource": "*"}]}})"}}},
    // Dlq, which receives Good's dead letters, counts as having one.
    {"DeadLetters", "SQS-NO-DLQ", "AwsSolutions-SQS3", "AWS::SQS::Queue", "{}",
     R"({"RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": ["Dlq", "Arn"]}, "maxReceiveCount": 3}})",
     {{"Dlq", "AWS::SQS::Queue"}}},
    {"SecretRotation", "SECRET-NO-ROTATION", "AwsSolutions-SMG4", "AWS::SecretsManager::Secret", "{}", "{}", {},
     {{"BadRotation", "AWS::SecretsManager::RotationSchedule", R"({"SecretId": {"Ref": "Bad"}, "RotateImmediatelyOnUpdate": true})"},
      {"GoodRotation", "AWS::SecretsManager::RotationSchedule",
       R"({"SecretId": {"Ref": "Good"}, "RotationLambdaArn": "arn:aws:lambda:us-east-1:123456789012:function:rotate",
           "RotationRules": {"AutomaticallyAfterDays": 30}})"}}},
    {"GeoRestriction", "CLOUDFRONT-NO-GEO-RESTRICTION", "AwsSolutions-CFR1", "AWS::CloudFront::Distribution",
     R"({"DistributionConfig": {"Enabled": true, "Restrictions": {"GeoRestriction": {"RestrictionType": "none"}}}})",
     R"({"DistributionConfig": {"Enabled": true, "Restrictions": {"GeoRestriction": {"RestrictionType": "whitelist",
         "Locations": ["DE", "FR"]}}}})"},
    {"DistributionLogs", "CLOUDFRONT-NO-ACCESS-LOGS", "AwsSolutions-CFR3", "AWS::CloudFront::Distribution",
     R"({"DistributionConfig": {"Enabled": true}})",
     R"({"DistributionConfig": {"Enabled": true, "Logging": {"Bucket": "logs.s3.amazonaws.com"}}})"},
    {"OriginTls", "CLOUDFRONT-ORIGIN-TLS", "AwsSolutions-CFR5", "AWS::CloudFront::Distribution",
     R"({"DistributionConfig": {"Enabled": true, "Origins": [{"Id": "app", "DomainName": "app.example.com",
         "CustomOriginConfig": {"OriginProtocolPolicy": "https-only", "OriginSSLProtocols": ["TLSv1", "TLSv1.2"]}}]}})",
     R"({"DistributionConfig": {"Enabled": true, "Origins": [{"Id": "app", "DomainName": "app.example.com",
         "CustomOriginConfig": {"OriginProtocolPolicy": "https-only", "OriginSSLProtocols": ["TLSv1.2"]}}]}})"},
    {"OriginAccessControl", "CLOUDFRONT-S3-NO-OAC", "AwsSolutions-CFR7", "AWS::CloudFront::Distribution",
     R"({"DistributionConfig": {"Enabled": true, "Origins": [{"Id": "site",
         "DomainName": {"Fn::GetAtt": ["Site", "RegionalDomainName"]}, "S3OriginConfig": {}}]}})",
     R"({"DistributionConfig": {"Enabled": true, "Origins": [{"Id": "site",
         "DomainName": {"Fn::GetAtt": ["Site", "RegionalDomainName"]}, "S3OriginConfig": {},
         "OriginAccessControlId": {"Fn::GetAtt": ["Oac", "Id"]}}]}})",
     {{"Site", "AWS::S3::Bucket"}, {"Oac", "AWS::CloudFront::OriginAccessControl"}}},
};

struct AwsSolutionsRuleTest : ::testing::TestWithParam<Case> {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Sec");
  Resources resources{stack};
  cdk::CfnResource* bad = nullptr;

  void SetUp() override {
    const Case& c = GetParam();
    for (const auto& m : c.before) resources.make(m);
    bad = &resources.make({"Bad", c.type, c.bad});
    resources.make({"Good", c.type, c.good});
    for (const auto& m : c.after) resources.make(m);
  }
};

TEST_P(AwsSolutionsRuleTest, FindsTheNonCompliantFormOnlyAndNamesItsAwsSolutionsId) {
  const Case& c = GetParam();
  const auto report = check(app);
  const auto found = report.paths(c.rule);
  EXPECT_THAT(found, Contains("Sec/Bad"));
  EXPECT_THAT(found, Each("Sec/Bad"));  // not Good, nor what Bad and Good point at
  const auto* d = report.first(c.rule, "Sec/Bad");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("[" + c.rule + " "));
  EXPECT_THAT(d->message, HasSubstr("(" + c.aws_solutions + ")"));
  EXPECT_FALSE(d->hint.empty());
}

TEST_P(AwsSolutionsRuleTest, IsSuppressedByItsAwsSolutionsIdAsByItsOwn) {
  const Case& c = GetParam();
  cdk::security::suppress(*bad, c.aws_solutions, "accepted for this test's resource");
  const auto report = check(app);
  EXPECT_THAT(report.paths(c.rule), IsEmpty());
  const auto* d = report.first(c.rule, "Sec/Bad");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->level, cdk::Diagnostic::Level::Info);
  EXPECT_THAT(d->message, HasSubstr("reason: accepted for this test's resource"));

  cdk::App other;
  auto& s = other.add<cdk::Stack>("Sec");
  Resources more(s);
  for (const auto& m : c.before) more.make(m);
  cdk::security::suppress(more.make({"Bad", c.type, c.bad}), c.rule, "accepted for this test's resource");
  EXPECT_THAT(check(other).paths(c.rule), Not(Contains("Sec/Bad")));
}

INSTANTIATE_TEST_SUITE_P(EachRule, AwsSolutionsRuleTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) { return info.param.name; });

// The AwsSolutions rules (cdk-nag 3.0) that check resource types cdkpp's L2s
// make: all of them are cdkpp rules now.
TEST(AwsSolutionsCoverage, EveryAwsSolutionsRuleOnCdkppsResourceTypesIsACdkppRule) {
  const std::set<std::string> applicable{
      "AS1",  "AS2",  "AS3",   "AEC1",  "AEC3",  "AEC4", "AEC5", "AEC6", "CB4",  "CB5",  "CFR1", "CFR2", "CFR3",
      "CFR4", "CFR5", "CFR7",  "EC23",  "EC26",  "EC27", "EC28", "EC29", "ECR1", "ECS2", "ECS4", "ECS7", "EFS1",
      "ELB2", "IAM4", "IAM5",  "KMS5",  "L1",    "RDS2", "RDS3", "RDS6", "RDS10", "RDS11", "RDS13", "RDS14", "RDS16",
      "S1",   "S2",   "S5",    "S10",   "SMG4",  "SNS3", "SQS2", "SQS3", "SQS4", "VPC7"};
  ASSERT_EQ(applicable.size(), 49u);
  std::set<std::string> covered;
  for (const auto& rule : cdk::detail::security::rules())
    for (const auto* e : cdk::detail::security::equivalents(rule.id)) {
      std::string_view ids = e->cdk_nag;
      for (std::size_t at = 0; at < ids.size();) {
        const auto end = std::min(ids.find(' ', at), ids.size());
        if (auto id = ids.substr(at, end - at); id.starts_with("AwsSolutions-")) covered.emplace(id.substr(13));
        at = end + 1;
      }
    }
  for (const auto& id : applicable) EXPECT_TRUE(covered.contains(id)) << "AwsSolutions-" << id;
}

struct AwsSolutionsEdgeTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Sec");
  Resources resources{stack};
  cdk::CfnResource& make(const std::string& id, const std::string& type, const std::string& props = "{}") {
    return resources.make({id, type, props});
  }
};

TEST_F(AwsSolutionsEdgeTest, ASuppressionNarrowedToOneFindingLeavesTheOthers) {
  auto& role = make("Role", "AWS::IAM::Role", R"({"ManagedPolicyArns": ["arn:aws:iam::aws:policy/ReadOnlyAccess",
      "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"]})");
  cdk::security::suppress(role, "AwsSolutions-IAM4", "Session Manager needs exactly this policy",
                          {.applies_to = {"Policy::arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"}});
  const auto report = check(app);
  EXPECT_THAT(report.paths("IAM-AWS-MANAGED-POLICY"), ElementsAre("Sec/Role"));
  int accepted = 0;
  for (const auto& d : report.diagnostics) accepted += d.rule == "IAM-AWS-MANAGED-POLICY" && d.hint.empty() ? 1 : 0;
  EXPECT_EQ(accepted, 1) << "the Session Manager policy's finding is accepted";
  EXPECT_THAT(report.first("IAM-AWS-MANAGED-POLICY", "Sec/Role")->message, HasSubstr("ReadOnlyAccess"));
}

TEST_F(AwsSolutionsEdgeTest, ANarrowedIam5SuppressionAnswersTheWildcardActionItNames) {
  auto& policy = make("Policy", "AWS::IAM::Policy", R"({"PolicyName": "p", "Roles": ["r"], "PolicyDocument": {"Statement": [
      {"Effect": "Allow", "Action": ["s3:*", "sqs:*"], "Resource": "*"}]}})");
  cdk::security::suppress(policy, "AwsSolutions-IAM5", "the tool manages buckets of every kind",
                          {.applies_to = {"Action::s3:*", "Resource::*"}});
  const auto report = check(app);
  EXPECT_THAT(report.paths("IAM-WILDCARD-ACTION"), ElementsAre("Sec/Policy"));
  for (const auto& d : report.diagnostics)
    if (d.rule == "IAM-WILDCARD-ACTION")
      EXPECT_THAT(d.message, HasSubstr(d.level == cdk::Diagnostic::Level::Info ? "\"s3:*\"" : "\"sqs:*\""));
}

TEST_F(AwsSolutionsEdgeTest, ASuppressionOfAnotherRuleOrAnotherToolsUnrelatedIdDoesNotAnswer) {
  auto& db = make("Db", "AWS::RDS::DBInstance", R"({"Engine": "postgres", "Port": "5433"})");
  cdk::security::suppress(db, "AwsSolutions-RDS11", "the port is not the question here");
  cdk::security::suppress(db, "RDS-DEFAULT-PORT", "nor is it here, under cdkpp's id");
  EXPECT_THAT(check(app).paths("RDS-NO-MULTI-AZ"), ElementsAre("Sec/Db"));
}

TEST_F(AwsSolutionsEdgeTest, ACdkppSuppressionIsWrittenAsItsAwsSolutionsId) {
  auto& queue = make("Jobs", "AWS::SQS::Queue");
  cdk::security::suppress(queue, "SQS-NO-DLQ", "jobs are idempotent and retried by their producer");
  auto assembly = cdk::detail::synthesize(app, {.plugins = {&cdk::detail::security::rule_pack_plugin()}});
  const Json& entry = assembly.stacks.at(0).template_json["Resources"][stack.logical_id(queue)];
  EXPECT_EQ(entry["Metadata"]["cdk_nag"]["rules_to_suppress"],
            Json::array({{{"id", "AwsSolutions-SQS3"}, {"reason", "jobs are idempotent and retried by their producer"}}}));
}

// Where cdk-nag's conditions stop short, so do the rules: they answer its findings.
TEST_F(AwsSolutionsEdgeTest, EngineDefaultsFollowCdkNagsConditions) {
  make("AuroraMember", "AWS::RDS::DBInstance", R"({"Engine": "aurora-mysql", "DBClusterIdentifier": "c"})");
  make("NoPort", "AWS::RDS::DBInstance", R"({"Engine": "postgres", "MultiAZ": true})");
  make("Oracle", "AWS::RDS::DBInstance", R"({"Engine": "oracle-ee", "Port": "1521", "MultiAZ": true})");
  make("Mysql", "AWS::RDS::DBCluster", R"({"Engine": "aurora-mysql", "Port": 3306})");
  // A provisioned Aurora PostgreSQL cluster is asked about 3306 only.
  make("Postgres", "AWS::RDS::DBCluster", R"({"Engine": "aurora-postgresql", "Port": 5432})");
  make("ServerlessPg", "AWS::RDS::DBCluster", R"({"Engine": "aurora-postgresql", "EngineMode": "serverless", "Port": 5432})");
  make("Memcached", "AWS::ElastiCache::CacheCluster", R"({"Engine": "memcached", "Port": 11211, "CacheNodeType": "cache.t4g.micro",
      "NumCacheNodes": 1, "CacheSubnetGroupName": "g"})");
  make("Valkey", "AWS::ElastiCache::ReplicationGroup", R"({"Engine": "valkey", "Port": 6379})");
  const auto report = check(app);
  EXPECT_THAT(report.paths("RDS-DEFAULT-PORT"),
              ElementsAre("Sec/NoPort", "Sec/Oracle", "Sec/Mysql", "Sec/ServerlessPg"));
  EXPECT_THAT(report.paths("RDS-NO-MULTI-AZ"), IsEmpty());
  EXPECT_THAT(report.paths("ELASTICACHE-DEFAULT-PORT"), ElementsAre("Sec/Memcached"));
}

TEST_F(AwsSolutionsEdgeTest, RuntimesWithoutALanguageVersionAndValuesFromElsewhereAreLeftAlone) {
  make("Custom", "AWS::Lambda::Function", R"({"Runtime": "provided.al2", "Handler": "bootstrap"})");
  make("Image", "AWS::Lambda::Function", R"({"PackageType": "Image"})");
  make("Old", "AWS::Lambda::Function", R"({"Runtime": "python3.12", "Handler": "index.handler"})");
  make("Db", "AWS::RDS::DBInstance", R"({"Engine": "postgres", "Port": {"Fn::ImportValue": "db-port"},
      "MultiAZ": {"Fn::ImportValue": "multi-az"}})");
  const auto report = check(app);
  EXPECT_THAT(report.paths("LAMBDA-OLD-RUNTIME"), ElementsAre("Sec/Old"));
  EXPECT_THAT(report.paths("RDS-DEFAULT-PORT"), Not(Contains("Sec/Db")));
  EXPECT_THAT(report.paths("RDS-NO-MULTI-AZ"), Not(Contains("Sec/Db")));
}

TEST_F(AwsSolutionsEdgeTest, DeadLetterAndLogBucketsCountWhenAFunctionOrANamedBucketSendsToThem) {
  make("FunctionDlq", "AWS::SQS::Queue", R"({"QueueName": "fn-dlq"})");
  make("Fn", "AWS::Lambda::Function", R"({"Runtime": "python3.15", "Handler": "i.h",
      "DeadLetterConfig": {"TargetArn": {"Fn::Join": [":", ["arn:aws:sqs:us-east-1:123456789012", "fn-dlq"]]}}})");
  make("Logs", "AWS::S3::Bucket", R"({"BucketName": "shop-logs"})");
  make("Data", "AWS::S3::Bucket", R"({"LoggingConfiguration": {"DestinationBucketName": "shop-logs"}})");
  const auto report = check(app);
  EXPECT_THAT(report.paths("SQS-NO-DLQ"), IsEmpty());
  EXPECT_THAT(report.paths("S3-NO-ACCESS-LOGS"), IsEmpty());
}

TEST_F(AwsSolutionsEdgeTest, AScheduleThroughTheSecretsDatabaseAttachmentCounts) {
  make("Secret", "AWS::SecretsManager::Secret");
  make("Attachment", "AWS::SecretsManager::SecretTargetAttachment",
       R"({"SecretId": {"Ref": "Secret"}, "TargetId": "db", "TargetType": "AWS::RDS::DBInstance"})");
  make("Rotation", "AWS::SecretsManager::RotationSchedule",
       R"j({"SecretId": {"Ref": "Attachment"}, "HostedRotationLambda": {"RotationType": "PostgreSQLSingleUser"},
           "RotationRules": {"ScheduleExpression": "rate(30 days)"}})j");
  make("Lonely", "AWS::SecretsManager::Secret");
  EXPECT_THAT(check(app).paths("SECRET-NO-ROTATION"), ElementsAre("Sec/Lonely"));
}

}  // namespace
