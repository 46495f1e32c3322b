#include "keyedin/keyedin.hpp"
#include "sample_checks.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

using cdk::assertions::Match;
using samples::Json;

namespace {

using Context = std::map<std::string, std::string>;

struct Keyedin {
  explicit Keyedin(Context context = {})
      : app(cdk::AppProps{.context = std::move(context)}),
        stack(keyedin::build(app, keyedin::settings_from_context(app))),
        t(Json::parse(samples::template_text(stack))) {}
  cdk::App app;
  cdk::Stack& stack;
  Json t;
};

// The logical id a GroupId-like value points at (Fn::GetAtt or Ref), else "".
std::string logical_id(const Json& v) {
  if (v.is_object() && v.contains("Fn::GetAtt")) return v["Fn::GetAtt"][0].get<std::string>();
  if (v.is_object() && v.contains("Ref")) return v["Ref"].get<std::string>();
  return {};
}

std::vector<std::string> ids_of_type(const Json& t, const std::string& type) {
  std::vector<std::string> out;
  for (const auto& [id, r] : t["Resources"].items())
    if (r["Type"] == type) out.push_back(id);
  return out;
}

const Json& only(const Json& t, const std::string& type) {
  const auto ids = ids_of_type(t, type);
  if (ids.size() != 1) throw std::runtime_error("expected one " + type + ", found " + std::to_string(ids.size()));
  return t["Resources"][ids[0]];
}

// An ingress rule with its source, which samples::Ingress leaves out.
struct Rule {
  std::string group;         // receiving security group
  std::string cidr;          // CidrIp or CidrIpv6, or ""
  std::string source_group;  // SourceSecurityGroupId's logical id, or ""
  long from = -1;
  long to = -1;
};

std::vector<Rule> rules(const Json& t) {
  std::vector<Rule> out;
  auto add = [&](const std::string& group, const Json& p) {
    std::string cidr = p.value("CidrIp", p.value("CidrIpv6", std::string()));
    out.push_back({group, cidr, p.contains("SourceSecurityGroupId") ? logical_id(p["SourceSecurityGroupId"]) : "",
                   p.value("FromPort", -1L), p.value("ToPort", -1L)});
  };
  for (const auto& [id, r] : t["Resources"].items()) {
    if (r["Type"] == "AWS::EC2::SecurityGroup")
      for (const auto& p : r["Properties"].value("SecurityGroupIngress", Json::array())) add(id, p);
    if (r["Type"] == "AWS::EC2::SecurityGroupIngress") add(logical_id(r["Properties"]["GroupId"]), r["Properties"]);
  }
  return out;
}

// The logical id of the resource at this construct path ("Keyedin/PrivateReleases/Resource").
std::string id_at(const Json& t, const std::string& path) {
  for (const auto& [id, r] : t["Resources"].items())
    if (r.contains("Metadata") && r["Metadata"].value("aws:cdk:path", std::string()) == path) return id;
  throw std::runtime_error("no resource at " + path);
}

// The security groups of a launch template or an instance.
std::set<std::string> groups_of(const Json& t, const std::string& launch_template_or_instance_id) {
  const auto& r = t["Resources"][launch_template_or_instance_id];
  const Json& ids = r["Type"] == "AWS::EC2::LaunchTemplate" ? r["Properties"]["LaunchTemplateData"]["SecurityGroupIds"]
                                                             : r["Properties"]["SecurityGroupIds"];
  std::set<std::string> out;
  for (const auto& v : ids) out.insert(logical_id(v));
  return out;
}

std::set<std::string> subnets_of_asg(const Json& t) {
  return samples::refs_in(only(t, "AWS::AutoScaling::AutoScalingGroup")["Properties"]["VPCZoneIdentifier"]);
}

}  // namespace

TEST(Keyedin, MatchesItsGoldenTemplateAndLints) {
  cdk::App app;
  auto& stack = keyedin::build(app, keyedin::Settings{});
  samples::expect_matches_golden("keyedin", stack);
  cdk::testing::keep_for_lint(stack);
}

TEST(Keyedin, PassesTheSecurityRulesWithReasonedSuppressions) {
  Keyedin k;
  EXPECT_THAT(samples::security_findings(k.app), ::testing::IsEmpty());
}

TEST(Keyedin, SynthesisIsDeterministic) {
  Keyedin a;
  Keyedin b;
  EXPECT_EQ(samples::template_text(a.stack), samples::template_text(b.stack));
}

TEST(Keyedin, VpcHasThreePublicAndThreePrivateSubnetsAndNoNatByDefault) {
  Keyedin k;
  EXPECT_EQ(ids_of_type(k.t, "AWS::EC2::Subnet").size(), 6u);
  EXPECT_EQ(samples::public_subnets(k.t).size(), 3u);
  EXPECT_TRUE(ids_of_type(k.t, "AWS::EC2::NatGateway").empty());
  EXPECT_TRUE(ids_of_type(k.t, "AWS::EC2::EIP").empty()) << "no Elastic IP to pay for";
  // Without NAT the private subnets have no route out at all.
  for (const auto& [id, r] : k.t["Resources"].items())
    if (r["Type"] == "AWS::EC2::Route") EXPECT_THAT(id, ::testing::HasSubstr("public"));
}

TEST(Keyedin, DatabaseIsAuroraMysqlPrivateEncryptedAndProtected) {
  Keyedin k;
  const auto public_ids = samples::public_subnets(k.t);
  const auto& group = only(k.t, "AWS::RDS::DBSubnetGroup");
  const auto subnets = samples::refs_in(group["Properties"]["SubnetIds"]);
  EXPECT_EQ(subnets.size(), 3u);
  for (const auto& subnet : subnets) {
    EXPECT_FALSE(public_ids.contains(subnet)) << subnet << " is public";
    EXPECT_THAT(subnet, ::testing::HasSubstr("private"));
  }
  const auto& cluster = only(k.t, "AWS::RDS::DBCluster");
  EXPECT_EQ(cluster["Properties"]["Engine"], "aurora-mysql");
  EXPECT_EQ(cluster["Properties"].value("StorageEncrypted", false), true);
  EXPECT_EQ(cluster["Properties"].value("DeletionProtection", false), true);
  EXPECT_EQ(cluster.value("DeletionPolicy", std::string()), "Snapshot");
  EXPECT_FALSE(cluster["Properties"].contains("MasterUserPassword")) << "no password in the template, not even a reference";
  EXPECT_EQ(cluster["Properties"].value("ManageMasterUserPassword", false), true) << "RDS keeps and rotates the password";
  const auto instances = ids_of_type(k.t, "AWS::RDS::DBInstance");
  EXPECT_EQ(instances.size(), 1u) << "one writer, no replica yet";
  for (const auto& id : instances)
    EXPECT_EQ(k.t["Resources"][id]["Properties"].value("PubliclyAccessible", true), false);
}

TEST(Keyedin, DatabaseIsReachableOnlyFromTheAppAndTheBastion) {
  Keyedin k;
  const auto& cluster = only(k.t, "AWS::RDS::DBCluster");
  ASSERT_EQ(cluster["Properties"]["VpcSecurityGroupIds"].size(), 1u);
  const std::string db_group = logical_id(cluster["Properties"]["VpcSecurityGroupIds"][0]);
  const auto app_groups = groups_of(k.t, ids_of_type(k.t, "AWS::EC2::LaunchTemplate").at(0));
  const auto bastion_groups = groups_of(k.t, ids_of_type(k.t, "AWS::EC2::Instance").at(0));
  ASSERT_EQ(app_groups.size(), 1u);
  ASSERT_EQ(bastion_groups.size(), 1u);

  std::set<std::string> sources;
  for (const auto& rule : rules(k.t)) {
    if (rule.group != db_group) continue;
    EXPECT_TRUE(rule.cidr.empty()) << "the database is open to " << rule.cidr;
    EXPECT_EQ(rule.from, 3306);
    EXPECT_EQ(rule.to, 3306);
    sources.insert(rule.source_group);
  }
  EXPECT_EQ(sources, (std::set<std::string>{*app_groups.begin(), *bastion_groups.begin()}));
}

TEST(Keyedin, OnlyTheLoadBalancerIsOpenToTheWorldOnHttpAndHttps) {
  Keyedin k;
  const auto& lb = only(k.t, "AWS::ElasticLoadBalancingV2::LoadBalancer");
  EXPECT_EQ(lb["Properties"]["Scheme"], "internet-facing");
  std::set<std::string> lb_groups;
  for (const auto& g : lb["Properties"]["SecurityGroups"]) lb_groups.insert(logical_id(g));
  std::set<long> world_ports;
  for (const auto& rule : rules(k.t)) {
    if (rule.cidr != "0.0.0.0/0" && rule.cidr != "::/0") continue;
    EXPECT_TRUE(lb_groups.contains(rule.group)) << rule.group << " is open to the world on " << rule.from;
    EXPECT_EQ(rule.from, rule.to);
    world_ports.insert(rule.from);
  }
  EXPECT_EQ(world_ports, (std::set<long>{80, 443}));
  // No SSH anywhere unless addresses are listed.
  for (const auto& rule : rules(k.t)) EXPECT_NE(rule.from, 22) << rule.group;
}

TEST(Keyedin, HttpRedirectsToHttpsAndHttpsForwardsToTheApp) {
  Keyedin k;
  auto t = cdk::assertions::Template::from_stack(k.stack);
  t.resource_count_is("AWS::ElasticLoadBalancingV2::Listener", 2);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::Listener", Match::object_like({
      {"Port", 80}, {"Protocol", "HTTP"},
      {"DefaultActions", Match::array_equals({Match::object_like({
          {"Type", "redirect"},
          {"RedirectConfig", Match::object_like({{"Protocol", "HTTPS"}, {"Port", "443"}, {"StatusCode", "HTTP_301"}})}})})}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::Listener", Match::object_like({
      {"Port", 443}, {"Protocol", "HTTPS"},
      {"Certificates", Match::array_with({Match::object_like({{"CertificateArn", Match::any_value()}})})},
      {"DefaultActions", Match::array_equals({Match::object_like({{"Type", "forward"}})})}}));
  t.has_resource_properties("AWS::CertificateManager::Certificate", Match::object_like({
      {"DomainName", "example.com"}, {"ValidationMethod", "DNS"}}));
}

TEST(Keyedin, AppRunsOneOnDemandInstanceAndScalesOutOnSpotByRequestCount) {
  Keyedin k;
  const auto& asg = only(k.t, "AWS::AutoScaling::AutoScalingGroup")["Properties"];
  EXPECT_EQ(asg["MinSize"], "1");
  EXPECT_EQ(asg["MaxSize"], "4");
  const auto& mixed = asg["MixedInstancesPolicy"];
  EXPECT_EQ(mixed["InstancesDistribution"]["OnDemandBaseCapacity"], 1);
  EXPECT_EQ(mixed["InstancesDistribution"]["OnDemandPercentageAboveBaseCapacity"], 0);
  std::vector<std::string> types;
  for (const auto& o : mixed["LaunchTemplate"]["Overrides"]) types.push_back(o["InstanceType"].get<std::string>());
  EXPECT_THAT(types, ::testing::ElementsAre("t3.small", "t3a.small", "t2.small"));
  EXPECT_EQ(asg["HealthCheckType"], "ELB");
  // The boot script downloads packages: instances launch only once the routes out exist.
  const auto& asg_depends = only(k.t, "AWS::AutoScaling::AutoScalingGroup")["DependsOn"];
  const auto& bastion_depends = only(k.t, "AWS::EC2::Instance")["DependsOn"];
  for (const auto& route : ids_of_type(k.t, "AWS::EC2::Route")) {
    EXPECT_TRUE(std::find(asg_depends.begin(), asg_depends.end(), route) != asg_depends.end()) << route;
    EXPECT_TRUE(std::find(bastion_depends.begin(), bastion_depends.end(), route) != bastion_depends.end()) << route;
  }

  const auto& policy = only(k.t, "AWS::AutoScaling::ScalingPolicy")["Properties"];
  EXPECT_EQ(policy["TargetTrackingConfiguration"]["PredefinedMetricSpecification"]["PredefinedMetricType"],
            "ALBRequestCountPerTarget");
  EXPECT_EQ(policy["TargetTrackingConfiguration"]["TargetValue"], 1000);

  const auto& data = only(k.t, "AWS::EC2::LaunchTemplate")["Properties"]["LaunchTemplateData"];
  EXPECT_EQ(data["MetadataOptions"]["HttpTokens"], "required");
  EXPECT_EQ(data["BlockDeviceMappings"][0]["Ebs"]["Encrypted"], true);
  EXPECT_THAT(data["UserData"]["Fn::Base64"].get<std::string>(),
              ::testing::HasSubstr("https://aws-codedeploy-eu-west-1.s3.eu-west-1.amazonaws.com/latest/install"));
}

TEST(Keyedin, PrivateBucketIsKeptOnDeleteAndBlocksPublicAccess) {
  Keyedin k;
  const auto& releases = k.t["Resources"][id_at(k.t, "Keyedin/PrivateReleases/Resource")];
  EXPECT_EQ(releases["DeletionPolicy"], "Retain");
  EXPECT_EQ(releases["UpdateReplacePolicy"], "Retain");
  for (const char* setting : {"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"})
    EXPECT_EQ(releases["Properties"]["PublicAccessBlockConfiguration"][setting], true) << setting;
  EXPECT_EQ(releases["Properties"]["VersioningConfiguration"]["Status"], "Enabled");

  // The public bucket lets anyone read objects, nothing more, and only over TLS.
  int public_statements = 0;
  for (const auto& id : ids_of_type(k.t, "AWS::S3::BucketPolicy"))
    for (const auto& s : k.t["Resources"][id]["Properties"]["PolicyDocument"]["Statement"])
      if (s["Effect"] == "Allow" && s["Principal"] == Json{{"AWS", "*"}}) {
        ++public_statements;
        EXPECT_EQ(s["Action"], "s3:GetObject");
        EXPECT_EQ(logical_id(k.t["Resources"][id]["Properties"]["Bucket"]), id_at(k.t, "Keyedin/PublicAssets/Resource"));
      }
  EXPECT_EQ(public_statements, 1);
}

TEST(Keyedin, AppReadsOnlyReleasesAndPullsItsImages) {
  Keyedin k;
  auto t = cdk::assertions::Template::from_stack(k.stack);
  t.resource_count_is("AWS::ECR::Repository", 2);
  t.has_resource_properties("AWS::ECR::Repository", Match::object_like({
      {"RepositoryName", "keyedin/backend"}, {"ImageScanningConfiguration", Match::object_like({{"ScanOnPush", true}})}}));
  t.has_resource_properties("AWS::ECR::Repository", Match::object_like({{"RepositoryName", "keyedin/nginx"}}));
  const std::string policy = k.t["Resources"][id_at(k.t, "Keyedin/App/InstanceRole/DefaultPolicy/Resource")].dump();
  EXPECT_THAT(policy, ::testing::HasSubstr("/releases/*"));
  EXPECT_THAT(policy, ::testing::HasSubstr("ecr:BatchGetImage"));
  EXPECT_THAT(policy, ::testing::Not(::testing::HasSubstr("\"s3:*\"")));
}

TEST(Keyedin, CodeDeployUpdatesTheGroupInPlaceBehindTheLoadBalancer) {
  Keyedin k;
  EXPECT_EQ(only(k.t, "AWS::CodeDeploy::Application")["Properties"]["ComputePlatform"], "Server");
  const auto& group = only(k.t, "AWS::CodeDeploy::DeploymentGroup")["Properties"];
  EXPECT_EQ(samples::refs_in(group["AutoScalingGroups"]),
            (std::set<std::string>{ids_of_type(k.t, "AWS::AutoScaling::AutoScalingGroup").at(0)}));
  EXPECT_EQ(logical_id(group["LoadBalancerInfo"]["TargetGroupInfoList"][0]["Name"]),
            ids_of_type(k.t, "AWS::ElasticLoadBalancingV2::TargetGroup").at(0));
  EXPECT_EQ(group["DeploymentStyle"]["DeploymentOption"], "WITH_TRAFFIC_CONTROL");
  // Left out, as the AWS CDK leaves it: CodeDeploy's default is in place.
  EXPECT_EQ(group["DeploymentStyle"].value("DeploymentType", "IN_PLACE"), "IN_PLACE");
  EXPECT_EQ(group["AutoRollbackConfiguration"]["Enabled"], true);
  EXPECT_EQ(logical_id(group["TriggerConfigurations"][0]["TriggerTargetArn"]), ids_of_type(k.t, "AWS::SNS::Topic").at(0));

  const std::string role = logical_id(group["ServiceRoleArn"]);
  const auto& trust = k.t["Resources"][role]["Properties"]["AssumeRolePolicyDocument"]["Statement"][0];
  EXPECT_EQ(trust["Principal"]["Service"], "codedeploy.amazonaws.com");
  EXPECT_THAT(k.t["Resources"][role]["Properties"]["ManagedPolicyArns"].dump(),
              ::testing::HasSubstr("service-role/AWSCodeDeployRole"));
}

TEST(Keyedin, ZoneApexIsAnAliasOfTheLoadBalancer) {
  Keyedin k;
  const auto& record = only(k.t, "AWS::Route53::RecordSet")["Properties"];
  EXPECT_EQ(record["Name"], "example.com.");
  EXPECT_EQ(record["Type"], "A");
  EXPECT_EQ(logical_id(record["AliasTarget"]["HostedZoneId"]),
            ids_of_type(k.t, "AWS::ElasticLoadBalancingV2::LoadBalancer").at(0));
  EXPECT_TRUE(k.t["Outputs"].contains("NameServers"));
}

TEST(Keyedin, NatGatewaysMoveTheAppIntoThePrivateSubnets) {
  Keyedin k(Context{{"nat_gateways", "1"}});
  EXPECT_EQ(ids_of_type(k.t, "AWS::EC2::NatGateway").size(), 1u);
  const auto public_ids = samples::public_subnets(k.t);
  const auto app_subnets = subnets_of_asg(k.t);
  EXPECT_EQ(app_subnets.size(), 3u);
  for (const auto& subnet : app_subnets) {
    EXPECT_FALSE(public_ids.contains(subnet)) << subnet;
    EXPECT_THAT(subnet, ::testing::HasSubstr("private"));
  }
  // The database stays in the same private subnets, the bastion in a public one.
  for (const auto& subnet : samples::refs_in(only(k.t, "AWS::RDS::DBSubnetGroup")["Properties"]["SubnetIds"]))
    EXPECT_TRUE(app_subnets.contains(subnet));
  EXPECT_TRUE(public_ids.contains(logical_id(only(k.t, "AWS::EC2::Instance")["Properties"]["SubnetId"])));
  cdk::testing::keep_for_lint(k.stack);

  Keyedin cheap;
  for (const auto& subnet : subnets_of_asg(cheap.t)) EXPECT_TRUE(samples::public_subnets(cheap.t).contains(subnet));
}

TEST(Keyedin, ContextOpensSshToTheBastionOnlyFromTheListedAddresses) {
  Keyedin k(Context{{"ssh_cidrs", "198.51.100.7/32,198.51.100.8/32"}});
  const auto bastion_groups = groups_of(k.t, ids_of_type(k.t, "AWS::EC2::Instance").at(0));
  std::set<std::string> cidrs;
  for (const auto& rule : rules(k.t))
    if (rule.from == 22) {
      EXPECT_TRUE(bastion_groups.contains(rule.group)) << rule.group;
      EXPECT_EQ(rule.to, 22);
      cidrs.insert(rule.cidr);
    }
  EXPECT_EQ(cidrs, (std::set<std::string>{"198.51.100.7/32", "198.51.100.8/32"}));
  cdk::testing::keep_for_lint(k.stack);
}

TEST(Keyedin, ContextChangesNamesDomainScalingAndImage) {
  Keyedin k(Context{{"zone", "keyedin.example"}, {"domain", "www.keyedin.example"}, {"name", "staging"},
             {"requests_per_target", "250"}, {"max_capacity", "6"}, {"ami", "ami-0123456789abcdef0"},
             {"spot_instance_types", "t3.small,m5.large"}, {"alert_email", "ops@keyedin.example"},
             {"region", "eu-central-1"}});
  auto t = cdk::assertions::Template::from_stack(k.stack);
  t.has_resource_properties("AWS::Route53::HostedZone", Match::object_like({{"Name", "keyedin.example."}}));
  t.has_resource_properties("AWS::Route53::RecordSet", Match::object_like({{"Name", "www.keyedin.example."}}));
  t.has_resource_properties("AWS::ECR::Repository", Match::object_like({{"RepositoryName", "staging/backend"}}));
  t.has_resource_properties("AWS::CodeDeploy::Application", Match::object_like({{"ApplicationName", "staging"}}));
  t.has_resource_properties("AWS::SNS::Subscription", Match::object_like({
      {"Endpoint", "ops@keyedin.example"}, {"Protocol", "email"},
      {"TopicArn", Match::object_equals({{"Ref", t.find_resources("AWS::SNS::Topic").at(0)}})}}));
  const auto& asg = only(k.t, "AWS::AutoScaling::AutoScalingGroup")["Properties"];
  EXPECT_EQ(asg["MaxSize"], "6");
  EXPECT_EQ(asg["MixedInstancesPolicy"]["LaunchTemplate"]["Overrides"].size(), 2u);
  EXPECT_EQ(only(k.t, "AWS::AutoScaling::ScalingPolicy")["Properties"]["TargetTrackingConfiguration"]["TargetValue"], 250);
  const auto& data = only(k.t, "AWS::EC2::LaunchTemplate")["Properties"]["LaunchTemplateData"];
  EXPECT_EQ(data["ImageId"], "ami-0123456789abcdef0");
  EXPECT_THAT(data["UserData"]["Fn::Base64"].get<std::string>(), ::testing::Not(::testing::HasSubstr("codedeploy")))
      << "a prebuilt image brings its own agent";
  cdk::testing::keep_for_lint(k.stack);
}

TEST(Keyedin, ZoneAloneMovesTheDomainToItsApex) {
  Keyedin k(Context{{"zone", "keyedin.example"}});
  EXPECT_EQ(only(k.t, "AWS::Route53::RecordSet")["Properties"]["Name"], "keyedin.example.");
}

TEST(Keyedin, BadContextIsAClearError) {
  cdk::App bad_number(cdk::AppProps{.context = {{"nat_gateways", "two"}}});
  EXPECT_THROW((void)keyedin::settings_from_context(bad_number), cdk::Error);
  cdk::App zero_capacity(cdk::AppProps{.context = {{"max_capacity", "0"}}});
  EXPECT_THROW((void)keyedin::settings_from_context(zero_capacity), cdk::Error);
  cdk::App outside(cdk::AppProps{.context = {{"zone", "example.org"}, {"domain", "app.example.com"}}});
  EXPECT_THROW(keyedin::build(outside, keyedin::settings_from_context(outside)), cdk::Error);
}

namespace {

const std::string kBundle = std::string(CDKPP_GOLDEN_DIR) + "/../../../samples/keyedin/bundle";

}  // namespace

// -c bundle=DIR: the CodeDeploy revision is a file asset, zipped at synthesis
// and deployed when the deployment group is made; the instances may read that
// object and nothing else of the bootstrap bucket.
TEST(Keyedin, ABundleIsAFileAssetTheDeploymentGroupDeploysFirst) {
  Keyedin k({{"bundle", kBundle}});
  const auto& location = only(k.t, "AWS::CodeDeploy::DeploymentGroup")["Properties"]["Deployment"]["Revision"];
  EXPECT_EQ(location["RevisionType"], "S3");
  EXPECT_EQ(location["S3Location"]["BundleType"], "zip");
  EXPECT_THAT(location["S3Location"]["Key"].get<std::string>(), ::testing::MatchesRegex("[0-9a-f]{64}\\.zip"));
  EXPECT_THAT(location["S3Location"]["Bucket"].dump(), ::testing::HasSubstr("cdk-hnb659fds-assets-"));
  EXPECT_TRUE(k.t["Parameters"].contains("BootstrapVersion"));

  const auto& statements =
      k.t["Resources"][id_at(k.t, "Keyedin/App/InstanceRole/DefaultPolicy/Resource")]["Properties"]["PolicyDocument"]["Statement"];
  const auto read = std::find_if(statements.begin(), statements.end(), [&](const Json& s) {
    return s["Resource"].dump().find(location["S3Location"]["Key"].get<std::string>()) != std::string::npos;
  });
  ASSERT_NE(read, statements.end());
  EXPECT_EQ((*read)["Action"], "s3:GetObject");
  EXPECT_THAT(samples::security_findings(k.app), ::testing::IsEmpty());
  cdk::testing::keep_for_lint(k.stack);
}

TEST(Keyedin, WithoutABundleTheStackNeedsNoBootstrap) {
  Keyedin k;
  EXPECT_FALSE(only(k.t, "AWS::CodeDeploy::DeploymentGroup")["Properties"].contains("Deployment"));
  EXPECT_FALSE(k.t.contains("Parameters") && k.t["Parameters"].contains("BootstrapVersion"));
}

TEST(Keyedin, AMissingBundleIsAnErrorNamingTheRevision) {
  try {
    Keyedin k({{"bundle", kBundle + "-missing"}});
    FAIL() << "expected cdk::Error";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Keyedin/Revision") << e.what();
  }
}
