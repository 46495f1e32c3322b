// Each security rule: one construct that triggers it, one that does not.
#include "security/rule_pack.hpp"
#include "synth/synthesizer.hpp"
#include "support/lint.hpp"

#include <cdk/app.hpp>
#include <cdk/cloudfront/cloudfront.hpp>
#include <cdk/codebuild/cfn_project.hpp>
#include <cdk/codebuild/project.hpp>
#include <cdk/codedeploy/codedeploy.hpp>
#include <cdk/ec2/cfn_security_group_ingress.hpp>
#include <cdk/ec2/cfn_volume.hpp>
#include <cdk/ec2/ec2.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/efs/file_system.hpp>
#include <cdk/elasticache/cfn_replication_group.hpp>
#include <cdk/elasticache/cfn_subnet_group.hpp>
#include <cdk/elasticache/elasticache.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/iam/iam.hpp>
#include <cdk/kms/cfn_key.hpp>
#include <cdk/rds/cfn_db_instance.hpp>
#include <cdk/rds/cfn_db_subnet_group.hpp>
#include <cdk/rds/rds.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/s3/cfn_bucket.hpp>
#include <cdk/security.hpp>
#include <cdk/sns/sns.hpp>
#include <cdk/sns/cfn_topic.hpp>
#include <cdk/sqs/cfn_queue.hpp>
#include <cdk/sqs/cfn_queue_policy.hpp>
#include <cdk/sqs/sqs.hpp>
#include <cdk/stack.hpp>
#include <cdk/wafv2/cfn_web_acl.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

namespace {

namespace ec2 = cdk::ec2;

// Synthesis with the rule pack on, as the commands run it.
cdk::detail::SynthOptions with_rules(bool strict = false) {
  return {.strict = strict, .plugins = {&cdk::detail::security::rule_pack_plugin()}};
}

struct RulesTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Sec");
  ec2::Vpc& vpc = stack.add<ec2::Vpc>("Vpc", {.max_azs = 2,
                                              .nat_gateways = 1,
                                              .subnet_configuration = {{"public", ec2::SubnetType::Public, 24},
                                                                       {"app", ec2::SubnetType::PrivateWithEgress, 24},
                                                                       {"data", ec2::SubnetType::PrivateIsolated, 24}},
                                              .flow_logs = {{"FlowLogs", {}}}});

  std::vector<cdk::Diagnostic> diagnostics() { return cdk::detail::synthesize(app, with_rules()).diagnostics; }

  /// Paths of the unsuppressed findings of `rule`.
  std::vector<std::string> findings(std::string_view rule) {
    std::vector<std::string> out;
    for (const auto& d : diagnostics())
      if (d.rule == rule && d.level == cdk::Diagnostic::Level::Warning) out.push_back(d.path);
    return out;
  }
};

TEST_F(RulesTest, SshOpenToTheWorldIsFoundButSshFromOneAddressIsNot) {
  auto& open = stack.add<ec2::SecurityGroup>("Open", {.vpc = vpc});
  open.add_ingress_rule(ec2::Peer::any_ipv4(), ec2::Port::tcp(22));
  auto& rdp = stack.add<ec2::SecurityGroup>("Rdp", {.vpc = vpc});
  rdp.add_ingress_rule(ec2::Peer::any_ipv6(), ec2::Port::tcp_range(3000, 4000));
  auto& narrow = stack.add<ec2::SecurityGroup>("Narrow", {.vpc = vpc});
  narrow.add_ingress_rule(ec2::Peer::ipv4("203.0.113.7/32"), ec2::Port::tcp(22));
  narrow.add_ingress_rule(ec2::Peer::any_ipv4(), ec2::Port::tcp(443));
  EXPECT_THAT(findings("SG-WORLD-ADMIN"), ElementsAre("Sec/Open", "Sec/Rdp"));
  EXPECT_THAT(findings("SG-WORLD-ALL"), IsEmpty());
}

TEST_F(RulesTest, EveryPortOpenToTheWorldIsFoundButOnePortIsNot) {
  stack.add<ec2::SecurityGroup>("All", {.vpc = vpc}).add_ingress_rule(ec2::Peer::any_ipv4(), ec2::Port::all_traffic());
  stack.add<ec2::SecurityGroup>("Tcp", {.vpc = vpc}).add_ingress_rule(ec2::Peer::any_ipv4(), ec2::Port::all_tcp());
  auto& web = stack.add<ec2::SecurityGroup>("Web", {.vpc = vpc});
  web.add_ingress_rule(ec2::Peer::any_ipv4(), ec2::Port::tcp(80));
  // Every ICMPv6 type (path MTU discovery needs some) is not every port.
  stack.add<ec2::CfnSecurityGroupIngress>("Icmp6", {.cidr_ipv6 = "::/0", .from_port = -1, .group_id = web.security_group_id(),
                                                    .ip_protocol = "icmpv6", .to_port = -1});
  EXPECT_THAT(findings("SG-WORLD-ALL"), ElementsAre("Sec/All", "Sec/Tcp"));
}

TEST_F(RulesTest, DatabaseInPublicSubnetsIsFoundButInIsolatedSubnetsIsNot) {
  // The L2 refuses public subnets already; an L1 database can still be put there.
  auto db = [&](const std::string& id, ec2::SubnetType type) {
    auto& group = stack.add<cdk::rds::CfnDBSubnetGroup>(id + "Subnets", {
        .db_subnet_group_description = "subnets of " + id,
        .subnet_ids = vpc.select_subnets({.subnet_type = type}).subnet_ids()});
    stack.add<cdk::rds::CfnDBInstance>(id, {.allocated_storage = "20",
                                            .db_instance_class = "db.t4g.micro",
                                            .db_subnet_group_name = group.ref(),
                                            .engine = "postgres",
                                            .manage_master_user_password = true,
                                            .master_username = "app",
                                            .storage_encrypted = true});
  };
  db("Exposed", ec2::SubnetType::Public);
  db("Hidden", ec2::SubnetType::PrivateIsolated);
  stack.add<cdk::rds::DatabaseInstance>("L2", {.engine = cdk::rds::DatabaseInstanceEngine::postgres_16(), .vpc = vpc});
  EXPECT_THAT(findings("DB-PUBLIC-SUBNET"), ElementsAre("Sec/Exposed"));
}

TEST_F(RulesTest, CacheInAPublicSubnetIsFound) {
  namespace elasticache = cdk::elasticache;
  auto cache = [&](const std::string& id, ec2::SubnetType type) {
    auto& group = stack.add<elasticache::CfnSubnetGroup>(id + "Subnets", {
        .description = "subnets of " + id, .subnet_ids = vpc.select_subnets({.subnet_type = type}).subnet_ids()});
    stack.add<elasticache::CfnReplicationGroup>(id, {.at_rest_encryption_enabled = true,
                                                     .cache_node_type = "cache.t4g.micro",
                                                     .cache_subnet_group_name = group.ref(),
                                                     .replication_group_description = id,
                                                     .transit_encryption_enabled = true});
  };
  cache("Exposed", ec2::SubnetType::Public);
  cache("Hidden", ec2::SubnetType::PrivateIsolated);
  stack.add<elasticache::ReplicationGroup>("L2", {.vpc = vpc});
  EXPECT_THAT(findings("DB-PUBLIC-SUBNET"), ElementsAre("Sec/Exposed"));
}

TEST_F(RulesTest, PubliclyAccessibleDatabaseIsFound) {
  auto db = [&](const char* id, bool is_public) {
    stack.add<cdk::rds::CfnDBInstance>(id, {.allocated_storage = "20",
                                            .db_instance_class = "db.t4g.micro",
                                            .engine = "postgres",
                                            .manage_master_user_password = true,
                                            .master_username = "app",
                                            .publicly_accessible = is_public,
                                            .storage_encrypted = true});
  };
  db("Public", true);
  db("Private", false);
  EXPECT_THAT(findings("DB-PUBLICLY-ACCESSIBLE"), ElementsAre("Sec/Public"));
}

TEST_F(RulesTest, UnencryptedDatabaseFileSystemAndVolumesAreFound) {
  const auto my = cdk::rds::DatabaseInstanceEngine::mysql_8_0();
  stack.add<cdk::rds::DatabaseInstance>("Plain", {.engine = my, .vpc = vpc, .storage_encrypted = false});
  stack.add<cdk::rds::DatabaseInstance>("Sealed", {.engine = my, .vpc = vpc});
  stack.add<cdk::rds::AuroraCluster>(
      "Aurora", {.engine = cdk::rds::AuroraEngine::mysql_8_0(), .vpc = vpc, .storage_encrypted = false});
  stack.add<cdk::efs::FileSystem>("PlainFs", {.vpc = vpc, .encrypted = false});
  stack.add<cdk::efs::FileSystem>("SealedFs", {.vpc = vpc});
  stack.add<ec2::CfnVolume>("PlainVolume", {.availability_zone = "eu-west-1a", .size = 8});
  stack.add<ec2::CfnVolume>("SealedVolume", {.availability_zone = "eu-west-1a", .encrypted = true, .size = 8});
  const auto image = ec2::MachineImage::latest_amazon_linux_2023();
  stack.add<ec2::Instance>("Host", {.vpc = vpc, .instance_type = "t3.micro", .machine_image = image,
                                    .block_devices = {{.device_name = "/dev/xvda", .volume = {.encrypted = false}}}});
  stack.add<ec2::Instance>("SealedHost", {.vpc = vpc, .instance_type = "t3.micro", .machine_image = image,
                                          .block_devices = {{.device_name = "/dev/xvda", .volume = {}}}});
  EXPECT_THAT(findings("RDS-UNENCRYPTED"), ElementsAre("Sec/Aurora", "Sec/Plain"));
  EXPECT_THAT(findings("EFS-UNENCRYPTED"), ElementsAre("Sec/PlainFs"));
  EXPECT_THAT(findings("EBS-UNENCRYPTED"), ElementsAre("Sec/PlainVolume", "Sec/Host"));
}

TEST_F(RulesTest, CachesWithoutEncryptionAtRestOrInTransitAreFound) {
  namespace elasticache = cdk::elasticache;
  stack.add<elasticache::ReplicationGroup>("Sealed", {.vpc = vpc});
  stack.add<elasticache::ReplicationGroup>("PlainDisk", {.vpc = vpc, .at_rest_encryption = false});
  stack.add<elasticache::ReplicationGroup>("PlainWire", {.vpc = vpc, .transit_encryption = false, .auth_token = false});
  // CloudFormation's defaults are false for both.
  stack.add<elasticache::CfnReplicationGroup>(
      "Raw", elasticache::CfnReplicationGroup::Props{.cache_node_type = "cache.t4g.micro", .replication_group_description = "raw"});
  EXPECT_THAT(findings("ELASTICACHE-UNENCRYPTED"), ElementsAre("Sec/PlainDisk", "Sec/PlainWire", "Sec/Raw"));
  std::vector<std::string> details;
  for (const auto& d : diagnostics())
    if (d.rule == "ELASTICACHE-UNENCRYPTED") details.push_back(d.message);
  ASSERT_EQ(details.size(), 3U);
  EXPECT_THAT(details[0], HasSubstr("AtRestEncryptionEnabled is not true"));
  EXPECT_THAT(details[1], HasSubstr("TransitEncryptionEnabled is not true"));
  EXPECT_THAT(details[2], HasSubstr("AtRestEncryptionEnabled and TransitEncryptionEnabled are not true"));
}

TEST_F(RulesTest, BucketsWithoutBlockPublicAccessOrTlsAreFound) {
  stack.add<cdk::s3::Bucket>("Private", {});
  stack.add<cdk::s3::Bucket>("Website", {.public_read_access = true, .website_index_document = "index.html"});
  stack.add<cdk::s3::Bucket>("PlainHttp", {.enforce_ssl = false});
  stack.add<cdk::s3::CfnBucket>("Raw", {});
  EXPECT_THAT(findings("S3-PUBLIC-ACCESS"), ElementsAre("Sec/Website", "Sec/Raw"));
  EXPECT_THAT(findings("S3-NO-TLS"), ElementsAre("Sec/PlainHttp", "Sec/Raw"));
}

TEST_F(RulesTest, QueueWithSseExplicitlyOffAndNoKeyIsFoundButTheDefaultsAreNot) {
  stack.add<cdk::sqs::Queue>("Jobs", {});
  stack.add<cdk::sqs::Queue>("Managed", {.encryption = cdk::sqs::QueueEncryption::KmsManaged});
  stack.add<cdk::sqs::Queue>("Plain", {.encryption = cdk::sqs::QueueEncryption::Unencrypted});
  // An L1 queue without the property gets SQS's own default, SSE-SQS.
  stack.add<cdk::sqs::CfnQueue>("Raw", {});
  stack.add<cdk::sqs::CfnQueue>("RawKms", {.kms_master_key_id = "alias/aws/sqs", .sqs_managed_sse_enabled = false});
  EXPECT_THAT(findings("SQS-UNENCRYPTED"), ElementsAre("Sec/Plain"));
}

TEST_F(RulesTest, TopicsAndQueuesWithoutATlsOnlyPolicyAreFoundButTheL2DefaultsAreNot) {
  using cdk::Value;
  stack.add<cdk::sns::Topic>("Alerts");
  stack.add<cdk::sns::Topic>("PlainAlerts", {.enforce_ssl = false});
  stack.add<cdk::sns::CfnTopic>("RawTopic", {});
  stack.add<cdk::sqs::Queue>("Jobs", {});
  stack.add<cdk::sqs::Queue>("PlainJobs", {.enforce_ssl = false});
  auto& allowed = stack.add<cdk::sqs::CfnQueue>("Allowed", {});
  auto& denied = stack.add<cdk::sqs::CfnQueue>("Denied", {});
  // A policy that only allows does not count; one that denies plain HTTP does.
  const auto policy = [&](const char* id, cdk::sqs::CfnQueue& queue, cdk::iam::PolicyStatement statement) {
    statement.resources = {queue.attr_arn()};
    statement.principals = Value::map({{"AWS", "*"}});
    stack.add<cdk::sqs::CfnQueuePolicy>(id, {.policy_document = cdk::iam::policy_document({statement}),
                                             .queues = {queue.ref()}});
  };
  policy("AllowedPolicy", allowed, {.actions = {"sqs:SendMessage"}});
  policy("DeniedPolicy", denied, {.effect = cdk::iam::Effect::Deny, .actions = {"sqs:*"},
                                  .conditions = Value::map({{"Bool", Value::map({{"aws:SecureTransport", "false"}})}})});
  EXPECT_THAT(findings("SNS-NO-TLS"), ElementsAre("Sec/PlainAlerts", "Sec/RawTopic"));
  EXPECT_THAT(findings("SQS-NO-TLS"), ElementsAre("Sec/PlainJobs", "Sec/Allowed"));
}

TEST_F(RulesTest, PrivilegedBuildsAreFoundAndASuppressionGivesItsReason) {
  const auto spec = cdk::codebuild::BuildSpec::from_object({.build = {.commands = {"make"}}});
  stack.add<cdk::codebuild::Project>("Unit", {.build_spec = spec});
  auto& images = stack.add<cdk::codebuild::Project>("Images", {.build_spec = spec, .privileged = true});
  stack.add<cdk::codebuild::Project>("Docker", {.build_spec = spec, .privileged = true});
  cdk::security::suppress(images, "CODEBUILD-PRIVILEGED", "builds the application's image with docker");
  EXPECT_THAT(findings("CODEBUILD-PRIVILEGED"), ElementsAre("Sec/Docker"));
}

TEST_F(RulesTest, FunctionUrlWithoutAuthIsFoundAndCanBeSuppressedButIamAuthIsNot) {
  using cdk::Value;
  auto& fn = stack.add<cdk::CfnResource>(
      "Fn", "AWS::Lambda::Function",
      Value::map({{"Runtime", "python3.12"}, {"Handler", "index.handler"},
                  {"Role", "arn:aws:iam::123456789012:role/fn"}, {"Code", Value::map({{"ZipFile", "pass"}})}}));
  stack.add<cdk::CfnResource>("OpenUrl", "AWS::Lambda::Url",
                              Value::map({{"AuthType", "NONE"}, {"TargetFunctionArn", fn.get_att("Arn")}}));
  stack.add<cdk::CfnResource>("SignedUrl", "AWS::Lambda::Url",
                              Value::map({{"AuthType", "AWS_IAM"}, {"TargetFunctionArn", fn.get_att("Arn")}}));
  auto& hook = stack.add<cdk::CfnResource>("HookUrl", "AWS::Lambda::Url",
                                           Value::map({{"AuthType", "NONE"}, {"TargetFunctionArn", fn.get_att("Arn")}}));
  cdk::security::suppress(hook, "LAMBDA-URL-NO-AUTH", "a webhook that verifies the sender's signature");
  EXPECT_THAT(findings("LAMBDA-URL-NO-AUTH"), ElementsAre("Sec/OpenUrl"));
  std::vector<std::string> infos;
  for (const auto& d : diagnostics()) {
    if (d.rule != "LAMBDA-URL-NO-AUTH") continue;
    if (d.level == cdk::Diagnostic::Level::Info) {
      infos.push_back(d.path);
    } else {
      EXPECT_THAT(d.message, HasSubstr("anyone can invoke function Fn"));
    }
  }
  EXPECT_THAT(infos, ElementsAre("Sec/HookUrl"));
}

TEST_F(RulesTest, VpcWithoutFlowLogsIsFound) {
  stack.add<ec2::Vpc>("Quiet", {.max_azs = 1, .nat_gateways = 0});
  EXPECT_THAT(findings("VPC-NO-FLOW-LOGS"), ElementsAre("Sec/Quiet"));
}

TEST_F(RulesTest, LoadBalancerWithoutAccessLogsAndHttpWithoutRedirectAreFound) {
  auto& logs = stack.add<cdk::s3::Bucket>("Logs", {});
  auto& logged = stack.add<cdk::elbv2::ApplicationLoadBalancer>(
      "Logged", {.vpc = vpc, .internet_facing = true, .access_logs = cdk::elbv2::AccessLogs{.bucket_name = logs.bucket_name()}});
  logged.add_redirect();
  auto& plain = stack.add<cdk::elbv2::ApplicationLoadBalancer>("Plain", {.vpc = vpc, .internet_facing = true});
  plain.add_listener("Http", {.port = 80, .default_action = cdk::elbv2::ListenerAction::fixed_response(200)});
  stack.add<cdk::elbv2::NetworkLoadBalancer>(
      "Nlb", {.vpc = vpc, .access_logs = cdk::elbv2::AccessLogs{.bucket_name = logs.bucket_name(), .prefix = "nlb"}});
  EXPECT_THAT(findings("LB-NO-ACCESS-LOGS"), ElementsAre("Sec/Plain"));
  EXPECT_THAT(findings("LB-HTTP-NO-REDIRECT"), ElementsAre("Sec/Plain/Http"));
}

TEST_F(RulesTest, DeploymentGroupsThatDoNotRollBackFailedDeploymentsAreFound) {
  namespace codedeploy = cdk::codedeploy;
  stack.add<codedeploy::ServerDeploymentGroup>("Default", {});
  stack.add<codedeploy::ServerDeploymentGroup>("Never", {.auto_rollback = {.failed_deployment = false,
                                                                           .deployment_in_alarm = false}});
  stack.add<codedeploy::ServerDeploymentGroup>("StopsOnly", {.auto_rollback = {.failed_deployment = false,
                                                                               .stopped_deployment = true}});
  EXPECT_THAT(findings("CODEDEPLOY-NO-ROLLBACK"), ElementsAre("Sec/Never", "Sec/StopsOnly"));
}

TEST_F(RulesTest, WildcardActionsAreFoundButListedActionsAreNot) {
  auto& admin = stack.add<cdk::iam::Role>("Admin", {.assumed_by = cdk::iam::ServicePrincipal("ec2.amazonaws.com")});
  admin.add_to_policy({.actions = {"s3:*"}, .resources = {"*"}});
  auto& reader = stack.add<cdk::iam::Role>("Reader", {.assumed_by = cdk::iam::ServicePrincipal("ec2.amazonaws.com")});
  reader.add_to_policy({.actions = {"s3:GetObject"}, .resources = {"arn:aws:s3:::bucket/*"}});
  EXPECT_THAT(findings("IAM-WILDCARD-ACTION"), ElementsAre("Sec/Admin/DefaultPolicy"));
}

TEST_F(RulesTest, SecretsInPlainEnvironmentVariablesAreFoundButReferencesAreNot) {
  auto& cluster = stack.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc});
  auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task", {});
  task.add_container("App", {.image = cdk::ecs::ContainerImage::from_registry("nginx"),
                             .environment = {{"DB_PASSWORD", "hunter22"}, {"DB_SECRET_ARN", "arn:aws:..."},
                                             {"LOG_LEVEL", "info"}}});
  (void)cluster;
  using Project = cdk::codebuild::CfnProject;
  Project::EnvironmentProperty env{.compute_type = "BUILD_GENERAL1_SMALL",
                                   .image = "aws/codebuild/standard:7.0",
                                   .type = "LINUX_CONTAINER"};
  env.environment_variables = {{.name = "GITHUB_TOKEN", .value = "ghp_x"},
                               {.name = "NPM_TOKEN", .type = "SECRETS_MANAGER", .value = "npm-token"}};
  stack.add<Project>("Build", Project::Props{.artifacts = Project::ArtifactsProperty{.type = "NO_ARTIFACTS"},
                                             .environment = env,
                                             .service_role = "arn:aws:iam::123456789012:role/build",
                                             .source = Project::SourceProperty{.build_spec = "version: 0.2",
                                                                               .type = "NO_SOURCE"}});
  const auto found = diagnostics();
  std::vector<std::string> messages;
  for (const auto& d : found)
    if (d.rule == "SECRET-IN-ENV") messages.push_back(d.path + " " + d.message);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_THAT(messages[0], HasSubstr("DB_PASSWORD"));
  EXPECT_THAT(messages[1], HasSubstr("GITHUB_TOKEN"));
}

TEST_F(RulesTest, DeletionProtectionIsRequiredOnlyInProductionStacks) {
  const auto pg = cdk::rds::DatabaseInstanceEngine::postgres_16();
  stack.add<cdk::rds::DatabaseInstance>("Db", {.engine = pg, .vpc = vpc});

  cdk::App prod_app;
  auto& prod = prod_app.add<cdk::Stack>("Shop", {.tags = {{"Environment", "Production"}}});
  auto& prod_vpc = prod.add<ec2::Vpc>("Vpc", {.max_azs = 2, .nat_gateways = 0});
  prod.add<cdk::rds::DatabaseInstance>("Db", {.engine = pg, .vpc = prod_vpc});
  prod.add<cdk::rds::DatabaseInstance>("Kept", {.engine = pg, .vpc = prod_vpc, .deletion_protection = true});
  auto& named = prod_app.add<cdk::Stack>("ShopProd");
  named.add<cdk::rds::AuroraCluster>("Db", {.engine = cdk::rds::AuroraEngine::mysql_8_0(),
                                            .vpc = named.add<ec2::Vpc>("Vpc", {.max_azs = 2, .nat_gateways = 0})});
  std::vector<std::string> paths;
  for (const auto& d : cdk::detail::synthesize(prod_app, with_rules()).diagnostics)
    if (d.rule == "DB-NO-DELETION-PROTECTION") paths.push_back(d.path);
  EXPECT_THAT(paths, ElementsAre("Shop/Db", "ShopProd/Db"));
}

TEST_F(RulesTest, SuppressionSilencesARuleBelowItsScopeAndTheReportShowsTheReason) {
  auto& site = stack.add<cdk::s3::Bucket>("Site", {.public_read_access = true, .website_index_document = "index.html"});
  cdk::security::suppress(site, "S3-PUBLIC-ACCESS", "public website assets, nothing private in it");
  stack.add<cdk::s3::Bucket>("Other", {.public_read_access = true, .website_index_document = "index.html"});
  EXPECT_THAT(findings("S3-PUBLIC-ACCESS"), ElementsAre("Sec/Other"));
  bool reported = false;
  for (const auto& d : diagnostics())
    if (d.rule == "S3-PUBLIC-ACCESS" && d.path == "Sec/Site") {
      EXPECT_EQ(d.level, cdk::Diagnostic::Level::Info);
      EXPECT_THAT(d.message, HasSubstr("suppressed"));
      EXPECT_THAT(d.message, HasSubstr("public website assets, nothing private in it"));
      reported = true;
    }
  EXPECT_TRUE(reported);

  cdk::security::suppress(stack, "S3-PUBLIC-ACCESS", "every bucket of this stack is a public website");
  EXPECT_THAT(findings("S3-PUBLIC-ACCESS"), IsEmpty());
}

TEST_F(RulesTest, SuppressionNeedsAKnownRuleAndAReason) {
  auto& bucket = stack.add<cdk::s3::Bucket>("B", {});
  try {
    cdk::security::suppress(bucket, "S3-PUBLIC", "a reason long enough");
    FAIL() << "unknown rule accepted";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Sec/B");
    EXPECT_THAT(e.what(), HasSubstr("S3-PUBLIC-ACCESS"));
  }
  EXPECT_THROW(cdk::security::suppress(bucket, "S3-PUBLIC-ACCESS", "  ok   "), cdk::Error);
}

TEST_F(RulesTest, FindingsAreWarningsAndErrorsWithStrict) {
  stack.add<ec2::SecurityGroup>("Open", {.vpc = vpc}).add_ingress_rule(ec2::Peer::any_ipv4(), ec2::Port::tcp(22));
  EXPECT_THAT(findings("SG-WORLD-ADMIN"), ElementsAre("Sec/Open"));
  try {
    (void)cdk::detail::synthesize(app, with_rules(true));
    FAIL() << "--strict let a finding through";
  } catch (const cdk::SynthError& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_EQ(e.errors()[0].rule, "SG-WORLD-ADMIN");
    EXPECT_THAT(e.errors()[0].to_string(), HasSubstr("error: Sec/Open: [SG-WORLD-ADMIN high]"));
  }
}

TEST_F(RulesTest, ContainersWithoutLogsKeysWithoutRotationAndInstancesWithoutBackupsAreFound) {
  auto& quiet = stack.add<cdk::ecs::FargateTaskDefinition>("Quiet", {});
  quiet.add_container("web", {.image = cdk::ecs::ContainerImage::from_registry("nginx")});
  auto& logged = stack.add<cdk::ecs::FargateTaskDefinition>("Logged", {});
  logged.add_container("web", {.image = cdk::ecs::ContainerImage::from_registry("nginx"),
                               .logging = cdk::ecs::LogDriver::aws_logs({.stream_prefix = "web"})});
  stack.add<cdk::kms::CfnKey>("Stale", cdk::kms::CfnKey::Props{});
  stack.add<cdk::kms::CfnKey>("Rotated", cdk::kms::CfnKey::Props{.enable_key_rotation = true});
  stack.add<cdk::kms::CfnKey>("Signing", cdk::kms::CfnKey::Props{.key_spec = "ECC_NIST_P256", .key_usage = "SIGN_VERIFY"});
  stack.add<cdk::rds::DatabaseInstance>("NoBackups", {.engine = cdk::rds::DatabaseInstanceEngine::postgres_16(),
                                                      .vpc = vpc, .backup_retention_days = 0});
  stack.add<cdk::rds::DatabaseInstance>("Backed", {.engine = cdk::rds::DatabaseInstanceEngine::postgres_16(), .vpc = vpc});
  EXPECT_THAT(findings("ECS-NO-LOGS"), ElementsAre("Sec/Quiet"));
  EXPECT_THAT(findings("KMS-NO-ROTATION"), ElementsAre("Sec/Stale"));
  EXPECT_THAT(findings("RDS-NO-BACKUPS"), ElementsAre("Sec/NoBackups"));
}

TEST_F(RulesTest, AStackThatFollowsEveryRuleHasNoFindingsAndLints) {
  auto& web = stack.add<ec2::SecurityGroup>("Web", {.vpc = vpc});
  web.add_ingress_rule(ec2::Peer::ipv4("203.0.113.7/32"), ec2::Port::tcp(22));
  auto& db = stack.add<cdk::rds::DatabaseInstance>("Db", {.engine = cdk::rds::DatabaseInstanceEngine::postgres_16(),
                                                          .vpc = vpc, .multi_az = true,
                                                          .manage_master_user_password = true, .port = 5433});
  db.connections().allow_default_port_from(web);
  stack.add<cdk::s3::Bucket>("Data", {.server_access_logs_prefix = "access/"});
  stack.add<cdk::efs::FileSystem>("Files", {.vpc = vpc});
  auto& failed = stack.add<cdk::sqs::Queue>("Failed", {});
  auto& jobs = stack.add<cdk::sqs::Queue>(
      "Jobs", {.dead_letter_queue = cdk::sqs::DeadLetterQueue{.queue = failed, .max_receive_count = 5}});
  stack.add<cdk::sns::Topic>("Alerts", {}).add_subscription(cdk::sns::SqsSubscription{.queue = jobs});
  // The VPC's own custom resource suppresses its two findings, with their reasons.
  for (const auto& d : diagnostics())
    EXPECT_TRUE(d.rule.empty() || (d.level == cdk::Diagnostic::Level::Info &&
                                   d.path.starts_with("Sec/Custom::VpcRestrictDefaultSGCustomResourceProvider/")))
        << d.to_string();
  cdk::testing::keep_for_lint(stack);
}

TEST_F(RulesTest, CloudfrontServingHttpOrTlsBelow12IsFoundButTheDefaultsWithACertificateAreNot) {
  namespace cf = cdk::cloudfront;
  const std::string cert = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
  auto origin = cf::HttpOrigin::of("www.example.com");
  auto& lax = stack.add<cf::Distribution>("Lax", {
      .default_behavior = {.origin = origin, .viewer_protocol_policy = cf::ViewerProtocolPolicy::AllowAll},
      .certificate = cert, .domain_names = {"old.example.com"},
      .minimum_protocol_version = cf::SecurityPolicyProtocol::TlsV1_2016});
  lax.add_behavior("/api/*", origin, {.viewer_protocol_policy = cf::ViewerProtocolPolicy::AllowAll});
  stack.add<cf::Distribution>("NoCert", {.default_behavior = {.origin = origin}});
  stack.add<cf::Distribution>("Good", {.default_behavior = {.origin = origin}, .certificate = cert,
                                       .domain_names = {"www.example.com"}});
  EXPECT_THAT(findings("CLOUDFRONT-HTTP"), ElementsAre("Sec/Lax", "Sec/Lax"));
  EXPECT_THAT(findings("CLOUDFRONT-OLD-TLS"), ElementsAre("Sec/Lax", "Sec/NoCert"));
  for (const auto& d : diagnostics())
    if (d.rule == "CLOUDFRONT-OLD-TLS" && d.path == "Sec/NoCert") EXPECT_THAT(d.message, HasSubstr("accepts TLSv1"));
}

TEST_F(RulesTest, PublicLoadBalancersAndDistributionsWithoutAWebAclAreFoundInProductionStacks) {
  namespace cf = cdk::cloudfront;
  using Acl = cdk::wafv2::CfnWebACL;
  auto& prod = app.add<cdk::Stack>("ShopProd", {.env = {.region = "us-east-1"}});
  auto& prod_vpc = prod.add<ec2::Vpc>("Vpc", {.max_azs = 2, .nat_gateways = 0,
                                              .subnet_configuration = {{"public", ec2::SubnetType::Public, 24},
                                                                       {"data", ec2::SubnetType::PrivateIsolated, 24}},
                                              .flow_logs = {{"FlowLogs", {}}}});
  auto acl = [&](const char* id, const char* scope) -> Acl& {
    return prod.add<Acl>(id, Acl::Props{.default_action = Acl::DefaultActionProperty{.allow = Acl::AllowActionProperty{}},
                                        .scope = scope,
                                        .visibility_config = Acl::VisibilityConfigProperty{
                                            .cloud_watch_metrics_enabled = true, .metric_name = id,
                                            .sampled_requests_enabled = true}});
  };
  prod.add<cdk::elbv2::ApplicationLoadBalancer>("Open", {.vpc = prod_vpc, .internet_facing = true});
  prod.add<cdk::elbv2::ApplicationLoadBalancer>("Guarded", {.vpc = prod_vpc, .internet_facing = true})
      .associate_web_acl(acl("Regional", "REGIONAL"));
  prod.add<cdk::elbv2::ApplicationLoadBalancer>("Internal", {.vpc = prod_vpc});
  prod.add<cdk::elbv2::NetworkLoadBalancer>("Tcp", {.vpc = prod_vpc, .internet_facing = true});
  auto origin = cf::HttpOrigin::of("www.example.com");
  prod.add<cf::Distribution>("Cdn", {.default_behavior = {.origin = origin}});
  prod.add<cf::Distribution>("GuardedCdn", {.default_behavior = {.origin = origin},
                                            .web_acl_id = acl("Global", "CLOUDFRONT").attr_arn()});
  stack.add<cdk::elbv2::ApplicationLoadBalancer>("DevAlb", {.vpc = vpc, .internet_facing = true});
  EXPECT_THAT(findings("PUBLIC-NO-WAF"), ElementsAre("ShopProd/Open", "ShopProd/Cdn"));
}

}  // namespace
