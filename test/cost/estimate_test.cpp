// The monthly cost estimate: each kind of resource priced from a small stack
// built with the L2 constructs, the region switch, unknown types and regions,
// what is not priced and the arithmetic of the totals.
#include "cost/estimate.hpp"
#include "synth/synthesizer.hpp"

#include <cdk/autoscaling/autoscaling.hpp>
#include <cdk/cdk.hpp>
#include <cdk/cloudfront/cloudfront.hpp>
#include <cdk/cloudwatch/cloudwatch.hpp>
#include <cdk/codebuild/codebuild.hpp>
#include <cdk/codepipeline/codepipeline.hpp>
#include <cdk/codepipeline_actions/codepipeline_actions.hpp>
#include <cdk/codedeploy/codedeploy.hpp>
#include <cdk/ec2/ec2.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/efs/efs.hpp>
#include <cdk/elasticache/cfn_replication_group.hpp>
#include <cdk/elasticache/elasticache.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/kms/cfn_key.hpp>
#include <cdk/rds/rds.hpp>
#include <cdk/route53/cfn_health_check.hpp>
#include <cdk/route53/route53.hpp>
#include <cdk/s3/s3.hpp>
#include <cdk/secretsmanager/secretsmanager.hpp>
#include <cdk/sns/sns.hpp>
#include <cdk/sqs/sqs.hpp>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/lint.hpp"
#include "support/web_acl.hpp"

#include <map>
#include <string>

namespace {

using namespace cdk::detail::cost;
using ::testing::HasSubstr;

const PriceTable& table() { return PriceTable::builtin(); }

double hourly(std::string_view item, std::string_view region, std::string_view key = {}) {
  return *table().price(item, region, key) * table().hours_per_month();
}
double monthly(std::string_view item, std::string_view region, std::string_view key = {}) {
  return *table().price(item, region, key);
}

struct CostTest : ::testing::Test {
  cdk::App app;

  cdk::Stack& stack_in(const std::string& region, const std::string& id = "Shop") {
    return app.add<cdk::Stack>(id, cdk::StackProps{.env = {.region = region}});
  }

  StackCost price(cdk::Stack& stack, const CostOptions& options = {}) {
    assembly = cdk::detail::synthesize(app, {});
    for (const auto& s : assembly.stacks)
      if (s.stack == &stack) return estimate_stack({stack.node().path(), stack.env().region, &s.template_json}, table(), options);
    ADD_FAILURE() << "stack not synthesized";
    return {};
  }

  cdk::detail::Assembly assembly;
};

// The lines of one resource (by a part of its path) whose text has `what`.
std::vector<CostLine> lines(const StackCost& c, std::string_view path_part, std::string_view what = {}) {
  std::vector<CostLine> out;
  for (const auto& l : c.lines)
    if (l.path.find(path_part) != std::string::npos && l.what.find(what) != std::string::npos) out.push_back(l);
  return out;
}

CostLine line(const StackCost& c, std::string_view path_part, std::string_view what = {}) {
  auto found = lines(c, path_part, what);
  if (found.size() != 1) {
    ADD_FAILURE() << "expected one line for " << path_part << " / " << what << ", found " << found.size();
    return {};
  }
  return found.front();
}

std::vector<NotPriced> gaps(const StackCost& c, Gap gap, std::string_view what = {}) {
  std::vector<NotPriced> out;
  for (const auto& n : c.not_priced)
    if (n.gap == gap && n.what.find(what) != std::string::npos) out.push_back(n);
  return out;
}

cdk::ec2::Vpc& small_vpc(cdk::Stack& stack, int nat_gateways = 1) {
  return stack.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2, .nat_gateways = nat_gateways});
}

// With isolated subnets for databases and no NAT gateway.
cdk::ec2::Vpc& data_vpc(cdk::Stack& stack) {
  return stack.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2, .nat_gateways = 0,
                                          .subnet_configuration = {{"public", cdk::ec2::SubnetType::Public, 24},
                                                                   {"data", cdk::ec2::SubnetType::PrivateIsolated, 24}}});
}

TEST_F(CostTest, Ec2InstanceIsPricedByTypeWithItsVolumes) {
  auto& stack = stack_in("us-east-1");
  stack.add<cdk::ec2::Instance>("Box", {.vpc = small_vpc(stack), .instance_type = "t3.micro",
                                        .block_devices = {{.device_name = "/dev/xvda", .volume = {.size_gib = 20}}}});
  auto c = price(stack);
  const auto& box = line(c, "Shop/Box", "t3.micro instance");
  EXPECT_DOUBLE_EQ(box.monthly_usd, hourly("ec2.instance", "us-east-1", "t3.micro"));
  EXPECT_EQ(box.quantity(), "730 h");
  const auto& disk = line(c, "Shop/Box", "/dev/xvda");
  EXPECT_DOUBLE_EQ(disk.monthly_usd, 20 * monthly("ebs.volume", "us-east-1", "gp3"));
  EXPECT_EQ(disk.quantity(), "20 GB-month");
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CostTest, InstanceWithoutAVolumeSizeSaysTheImageDecidesIt) {
  auto& stack = stack_in("us-east-1");
  stack.add<cdk::ec2::Instance>("Box", {.vpc = small_vpc(stack), .instance_type = "t3.micro"});
  auto c = price(stack);
  EXPECT_EQ(gaps(c, Gap::Outside, "size comes from the machine image").size(), 1U);
  EXPECT_TRUE(lines(c, "Shop/Box", "EBS").empty());
}

TEST_F(CostTest, InstanceInAPublicSubnetPaysForItsPublicAddress) {
  auto& stack = stack_in("us-east-1");
  stack.add<cdk::ec2::Instance>("Bastion", {.vpc = small_vpc(stack), .instance_type = "t3.nano",
                                            .vpc_subnets = {.subnet_type = cdk::ec2::SubnetType::Public}});
  auto c = price(stack);
  EXPECT_DOUBLE_EQ(line(c, "Shop/Bastion", "public IPv4").monthly_usd, hourly("vpc.public_ipv4", "us-east-1"));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CostTest, NatGatewaysAndTheirAddressesArePricedByTheHour) {
  auto& stack = stack_in("eu-west-1");
  small_vpc(stack, 2);
  auto c = price(stack);
  const auto nats = lines(c, "NATGateway", "NAT gateway");
  ASSERT_EQ(nats.size(), 2U);
  for (const auto& n : nats) EXPECT_DOUBLE_EQ(n.monthly_usd, hourly("vpc.nat_gateway", "eu-west-1"));
  const auto ips = lines(c, "EIP", "public IPv4");
  ASSERT_EQ(ips.size(), 2U);
  EXPECT_DOUBLE_EQ(ips[0].monthly_usd, hourly("vpc.public_ipv4", "eu-west-1"));
  EXPECT_EQ(gaps(c, Gap::Usage, "data processed").size(), 2U);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CostTest, NatInstanceIsPricedAsAnInstance) {
  auto& stack = stack_in("us-east-1");
  stack.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 1, .nat_gateways = 1,
                                   .nat_gateway_provider = cdk::ec2::NatProvider::instance({.instance_type = "t4g.nano"})});
  auto c = price(stack);
  const auto& nat = line(c, "Vpc", "t4g.nano NAT instance");
  EXPECT_DOUBLE_EQ(nat.monthly_usd, hourly("ec2.instance", "us-east-1", "t4g.nano"));
}

TEST_F(CostTest, AutoScalingGroupPricesItsMinimumCapacityAndListsScaleOut) {
  auto& stack = stack_in("eu-west-1");
  stack.add<cdk::autoscaling::AutoScalingGroup>("Web", {.vpc = small_vpc(stack), .instance_type = "m5.large",
                                                        .min_capacity = 2, .max_capacity = 4,
                                                        .root_volume = {.size_gib = 30}});
  auto c = price(stack);
  const auto& web = line(c, "Shop/Web", "m5.large instances");
  EXPECT_EQ(web.count, 2);
  EXPECT_DOUBLE_EQ(web.monthly_usd, 2 * hourly("ec2.instance", "eu-west-1", "m5.large"));
  EXPECT_EQ(web.quantity(), "2 x 730 h");
  const auto& disks = line(c, "Shop/Web", "EBS volume");
  EXPECT_DOUBLE_EQ(disks.monthly_usd, 2 * 30 * monthly("ebs.volume", "eu-west-1", "gp3"));
  EXPECT_EQ(gaps(c, Gap::Usage, "scaled out above the minimum size of 2 (up to 4)").size(), 1U);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CostTest, DesiredCapacityWinsOverTheMinimum) {
  auto& stack = stack_in("us-east-1");
  stack.add<cdk::autoscaling::AutoScalingGroup>("Web", {.vpc = small_vpc(stack), .instance_type = "t3.small",
                                                        .min_capacity = 1, .max_capacity = 5, .desired_capacity = 3});
  auto c = price(stack);
  EXPECT_EQ(line(c, "Shop/Web", "t3.small").count, 3);
}

TEST_F(CostTest, MixedInstancesPolicyPricesTheOnDemandShareAndListsSpot) {
  auto& stack = stack_in("us-east-1");
  stack.add<cdk::autoscaling::AutoScalingGroup>(
      "Workers", {.vpc = small_vpc(stack), .instance_type = "c5.large", .min_capacity = 4, .max_capacity = 4,
                  .mixed_instances_policy = cdk::autoscaling::MixedInstancesPolicy{
                      .on_demand_base_capacity = 1, .on_demand_percentage_above_base_capacity = 50,
                      .instance_types = {"c5.large", "c5.xlarge"}}});
  auto c = price(stack);
  // 1 base + half of the other 3, rounded up: 3 on demand, 1 on spot.
  const auto& od = line(c, "Shop/Workers", "c5.large instances");
  EXPECT_EQ(od.count, 3);
  EXPECT_THAT(od.what, HasSubstr("first of the overrides"));
  EXPECT_DOUBLE_EQ(od.monthly_usd, 3 * hourly("ec2.instance", "us-east-1", "c5.large"));
  EXPECT_EQ(gaps(c, Gap::Outside, "1 c5.large spot instance(s)").size(), 1U);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CostTest, LoadBalancersPriceTheirHoursAndPublicAddressesNotTheirCapacityUnits) {
  auto& stack = stack_in("us-east-1");
  auto& vpc = small_vpc(stack);
  stack.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc, .internet_facing = true});
  stack.add<cdk::elbv2::NetworkLoadBalancer>("Nlb", {.vpc = vpc});
  auto c = price(stack);
  EXPECT_DOUBLE_EQ(line(c, "Shop/Alb", "Application Load Balancer").monthly_usd, hourly("elb.application", "us-east-1"));
  const auto& ips = line(c, "Shop/Alb", "public IPv4");
  EXPECT_EQ(ips.count, 2);
  EXPECT_DOUBLE_EQ(ips.monthly_usd, 2 * hourly("vpc.public_ipv4", "us-east-1"));
  EXPECT_DOUBLE_EQ(line(c, "Shop/Nlb", "Network Load Balancer").monthly_usd, hourly("elb.network", "us-east-1"));
  EXPECT_TRUE(lines(c, "Shop/Nlb", "public IPv4").empty());  // internal
  EXPECT_EQ(gaps(c, Gap::Usage, "(LCU-hours").size(), 1U);
  EXPECT_EQ(gaps(c, Gap::Usage, "(NLCU-hours").size(), 1U);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CostTest, FargateServicePricesTasksTimesVcpuAndMemoryForItsArchitecture) {
  auto& stack = stack_in("us-east-1");
  auto& cluster = stack.add<cdk::ecs::Cluster>("Cluster", {.vpc = small_vpc(stack)});
  auto& arm = stack.add<cdk::ecs::FargateTaskDefinition>(
      "Arm", {.cpu = 512, .memory_limit_mib = 1024, .cpu_architecture = cdk::ecs::CpuArchitecture::Arm64});
  arm.add_container("app", {.image = cdk::ecs::ContainerImage::from_registry("nginx")});
  auto& x86 = stack.add<cdk::ecs::FargateTaskDefinition>("X86", {});
  x86.add_container("app", {.image = cdk::ecs::ContainerImage::from_registry("nginx")});
  stack.add<cdk::ecs::FargateService>("Api", {.cluster = cluster, .task_definition = arm, .desired_count = 2});
  stack.add<cdk::ecs::FargateService>("Worker", {.cluster = cluster, .task_definition = x86});
  auto c = price(stack);
  const auto& cpu = line(c, "Shop/Api", "Fargate vCPU");
  EXPECT_EQ(cpu.count, 1);  // 2 tasks x 0.5 vCPU
  EXPECT_THAT(cpu.what, HasSubstr("linux/arm64"));
  EXPECT_DOUBLE_EQ(cpu.monthly_usd, hourly("fargate.vcpu", "us-east-1", "linux/arm64"));
  EXPECT_DOUBLE_EQ(line(c, "Shop/Api", "Fargate memory").monthly_usd, 2 * hourly("fargate.memory", "us-east-1", "linux/arm64"));
  EXPECT_DOUBLE_EQ(line(c, "Shop/Worker", "Fargate vCPU").monthly_usd, 0.25 * hourly("fargate.vcpu", "us-east-1", "linux/x86_64"));
  EXPECT_DOUBLE_EQ(line(c, "Shop/Worker", "Fargate memory").monthly_usd, 0.5 * hourly("fargate.memory", "us-east-1", "linux/x86_64"));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CostTest, RdsInstancePricesClassStorageAndDoublesBothForMultiAz) {
  auto& stack = stack_in("us-east-1");
  stack.add<cdk::rds::DatabaseInstance>("Db", {.engine = cdk::rds::DatabaseInstanceEngine::mysql_8_0(),
                                               .vpc = data_vpc(stack), .instance_type = "db.t3.micro",
                                               .allocated_storage_gib = 50, .multi_az = true});
  auto c = price(stack);
  const auto& db = line(c, "Shop/Db", "db.t3.micro mysql");
  EXPECT_THAT(db.what, HasSubstr("Multi-AZ"));
  EXPECT_DOUBLE_EQ(db.monthly_usd, 2 * hourly("rds.instance", "us-east-1", "mysql/db.t3.micro"));
  EXPECT_DOUBLE_EQ(line(c, "Shop/Db", "gp3 storage").monthly_usd, 2 * 50 * monthly("rds.storage", "us-east-1", "gp3"));
  EXPECT_DOUBLE_EQ(line(c, "Shop/Db/Secret", "secret").monthly_usd, monthly("secretsmanager.secret", "us-east-1"));
  EXPECT_EQ(gaps(c, Gap::Usage, "backup storage").size(), 1U);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CostTest, ReplicationGroupsArePricedPerNodeByEngineAndNodeType) {
  auto& stack = stack_in("eu-west-1");
  auto& vpc = data_vpc(stack);
  stack.add<cdk::elasticache::ReplicationGroup>("Sessions", {.vpc = vpc, .num_cache_clusters = 3});
  stack.add<cdk::elasticache::ReplicationGroup>(
      "Cluster", {.vpc = vpc, .engine = cdk::elasticache::Engine::Redis, .cache_node_type = "cache.r7g.large",
                  .num_node_groups = 2, .replicas_per_node_group = 1});
  auto c = price(stack);
  const auto& sessions = line(c, "Shop/Sessions/Resource", "cache.t4g.micro valkey");
  EXPECT_EQ(sessions.count, 3);
  EXPECT_THAT(sessions.what, HasSubstr("3 nodes"));
  EXPECT_DOUBLE_EQ(sessions.monthly_usd, 3 * hourly("elasticache.node", "eu-west-1", "valkey/cache.t4g.micro"));
  const auto& cluster = line(c, "Shop/Cluster/Resource", "cache.r7g.large redis");
  EXPECT_THAT(cluster.what, HasSubstr("2 shards x (1 primary + 1 replica)"));
  EXPECT_DOUBLE_EQ(cluster.monthly_usd, 4 * hourly("elasticache.node", "eu-west-1", "redis/cache.r7g.large"));
  // Valkey nodes cost less than Redis OSS nodes of the same type.
  EXPECT_LT(hourly("elasticache.node", "eu-west-1", "valkey/cache.r7g.large"),
            hourly("elasticache.node", "eu-west-1", "redis/cache.r7g.large"));
  EXPECT_DOUBLE_EQ(line(c, "Shop/Sessions/AuthToken", "secret").monthly_usd, monthly("secretsmanager.secret", "eu-west-1"));
  EXPECT_EQ(gaps(c, Gap::Usage, "snapshot storage").size(), 2U);
  EXPECT_TRUE(lines(c, "SubnetGroup").empty());
  EXPECT_TRUE(gaps(c, Gap::Unsupported).empty());
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CostTest, ReplicationGroupOfAnUnknownNodeTypeOrL1ShapeIsNamed) {
  auto& stack = stack_in("us-east-1");
  stack.add<cdk::elasticache::ReplicationGroup>("Big", {.vpc = data_vpc(stack), .cache_node_type = "cache.r7g.16xlarge"});
  // An L1 group without NumCacheClusters has one node; its engine defaults to redis.
  stack.add<cdk::elasticache::CfnReplicationGroup>(
      "Raw", cdk::elasticache::CfnReplicationGroup::Props{.cache_node_type = "cache.t3.small",
                                                          .replication_group_description = "raw"});
  auto c = price(stack);
  EXPECT_EQ(gaps(c, Gap::MissingPrice, "valkey/cache.r7g.16xlarge").size(), 1U);
  EXPECT_DOUBLE_EQ(line(c, "Shop/Raw", "cache.t3.small redis node").monthly_usd,
                   hourly("elasticache.node", "us-east-1", "redis/cache.t3.small"));
}

TEST_F(CostTest, AuroraPricesEachInstanceAndTheServerlessMinimumNotItsStorage) {
  auto& stack = stack_in("us-east-1");
  stack.add<cdk::rds::AuroraCluster>(
      "Db", {.engine = cdk::rds::AuroraEngine::postgres_16(), .vpc = data_vpc(stack),
             .writer = cdk::rds::ClusterInstance::provisioned("writer", {.instance_type = "db.r6g.large"}),
             .readers = {cdk::rds::ClusterInstance::serverless_v2("reader")},
             .serverless_v2_min_capacity = 0.5, .serverless_v2_max_capacity = 4});
  auto c = price(stack);
  EXPECT_DOUBLE_EQ(line(c, "Shop/Db", "db.r6g.large Aurora").monthly_usd, hourly("aurora.instance", "us-east-1", "db.r6g.large"));
  EXPECT_DOUBLE_EQ(line(c, "Shop/Db", "Serverless v2").monthly_usd, 0.5 * hourly("aurora.serverless_v2", "us-east-1"));
  EXPECT_EQ(gaps(c, Gap::Usage, "above the minimum of 0.5 ACU (up to 4 ACU)").size(), 1U);
  EXPECT_EQ(gaps(c, Gap::Usage, "Aurora storage").size(), 1U);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CostTest, FileSystemAndBucketStorageIsUsageBasedUnlessASizeIsGiven) {
  auto& stack = stack_in("eu-west-1");
  stack.add<cdk::efs::FileSystem>("Files", {.vpc = small_vpc(stack)});
  stack.add<cdk::s3::Bucket>("Uploads", {});
  auto without = price(stack);
  EXPECT_TRUE(lines(without, "Shop/Files").empty());
  EXPECT_EQ(gaps(without, Gap::Usage, "give a size with --storage Shop/Files=GB").size(), 1U);
  EXPECT_EQ(gaps(without, Gap::Usage, "give a size with --storage Shop/Uploads=GB").size(), 1U);

  auto with = price(stack, {.storage_gb = {{"Shop/Files", 100}, {"Shop/Uploads", 500}}});
  EXPECT_DOUBLE_EQ(line(with, "Shop/Files", "EFS Standard").monthly_usd, 100 * monthly("efs.standard", "eu-west-1"));
  EXPECT_DOUBLE_EQ(line(with, "Shop/Uploads", "S3 Standard").monthly_usd, 500 * monthly("s3.standard", "eu-west-1"));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CostTest, SecretsKeysAlarmsZonesAndDashboardsHaveMonthlyPrices) {
  auto& stack = stack_in("eu-west-2");
  stack.add<cdk::secretsmanager::Secret>("ApiKey", {});
  stack.add<cdk::kms::CfnKey>("Key", cdk::kms::CfnKey::Props{.enable_key_rotation = true});
  const cdk::cloudwatch::Metric cpu{.namespace_ = "AWS/EC2", .metric_name = "CPUUtilization"};
  auto fast = cpu;
  fast.period_seconds = 10;
  stack.add<cdk::cloudwatch::Alarm>("Busy", {.metric = cpu, .threshold = 80});
  stack.add<cdk::cloudwatch::Alarm>("Spike", {.metric = fast, .threshold = 95});
  stack.add<cdk::route53::HostedZone>("Zone", {.zone_name = "example.org"});
  stack.add<cdk::cloudwatch::Dashboard>("Ops", {}).add_widgets(cdk::cloudwatch::GraphWidget{.left = {cpu}});
  auto c = price(stack);
  EXPECT_DOUBLE_EQ(line(c, "Shop/ApiKey", "secret").monthly_usd, monthly("secretsmanager.secret", "eu-west-2"));
  EXPECT_DOUBLE_EQ(line(c, "Shop/Key", "customer managed key").monthly_usd, monthly("kms.key", "eu-west-2"));
  EXPECT_EQ(gaps(c, Gap::Outside, "rotated key material").size(), 1U);
  EXPECT_DOUBLE_EQ(line(c, "Shop/Busy", "standard resolution").monthly_usd, monthly("cloudwatch.alarm", "eu-west-2", "standard"));
  EXPECT_DOUBLE_EQ(line(c, "Shop/Spike", "high resolution").monthly_usd,
                   monthly("cloudwatch.alarm", "eu-west-2", "high_resolution"));
  EXPECT_DOUBLE_EQ(line(c, "Shop/Zone", "hosted zone").monthly_usd, monthly("route53.hosted_zone", "eu-west-2"));
  EXPECT_EQ(gaps(c, Gap::Usage, "DNS queries").size(), 1U);
  EXPECT_DOUBLE_EQ(line(c, "Shop/Ops", "dashboard").monthly_usd, monthly("cloudwatch.dashboard", "eu-west-2"));
}

TEST_F(CostTest, AnAlarmOnAMathExpressionIsPricedPerMetricItUses) {
  auto& stack = stack_in("eu-west-2");
  const cdk::cloudwatch::Metric errors{.namespace_ = "AWS/ApplicationELB", .metric_name = "HTTPCode_Target_5XX_Count",
                                       .statistic = "Sum"};
  auto requests = errors;
  requests.metric_name = "RequestCount";
  stack.add<cdk::cloudwatch::Alarm>(
      "ErrorRate", {.metric = cdk::cloudwatch::MathExpression{.expression = "100 * errors / requests",
                                                              .using_metrics = {{"errors", errors}, {"requests", requests}}},
                    .threshold = 5});
  auto c = price(stack);
  const auto& alarm = line(c, "Shop/ErrorRate", "standard resolution, 2 metrics");
  EXPECT_DOUBLE_EQ(alarm.monthly_usd, 2 * monthly("cloudwatch.alarm", "eu-west-2", "standard"));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CostTest, StackWithoutARegionUsesTheOptionsRegionAndSaysSo) {
  auto& agnostic = app.add<cdk::Stack>("Anywhere");
  agnostic.add<cdk::ec2::Instance>("Box", {.vpc = small_vpc(agnostic), .instance_type = "t3.small"});
  auto& pinned = stack_in("eu-west-1", "Pinned");
  pinned.add<cdk::ec2::Instance>("Box", {.vpc = small_vpc(pinned), .instance_type = "t3.small"});

  auto us = price(agnostic);
  EXPECT_EQ(us.region, "us-east-1");
  EXPECT_TRUE(us.region_from_option);
  EXPECT_DOUBLE_EQ(line(us, "Anywhere/Box", "t3.small").monthly_usd, hourly("ec2.instance", "us-east-1", "t3.small"));

  auto london = price(agnostic, {.default_region = "eu-west-2"});
  EXPECT_EQ(london.region, "eu-west-2");
  EXPECT_DOUBLE_EQ(line(london, "Anywhere/Box", "t3.small").monthly_usd, hourly("ec2.instance", "eu-west-2", "t3.small"));
  EXPECT_NE(us.monthly_usd, london.monthly_usd);

  auto ireland = price(pinned, {.default_region = "eu-west-2"});  // the stack's own region wins
  EXPECT_EQ(ireland.region, "eu-west-1");
  EXPECT_FALSE(ireland.region_from_option);
}

TEST_F(CostTest, UnknownInstanceTypeIsAMissingPriceNeverAZero) {
  auto& stack = stack_in("us-east-1");
  stack.add<cdk::ec2::Instance>("Big", {.vpc = small_vpc(stack), .instance_type = "x2iedn.32xlarge"});
  auto c = price(stack);
  EXPECT_TRUE(lines(c, "Shop/Big", "instance").empty());
  const auto missing = gaps(c, Gap::MissingPrice, "no ec2.instance figure for x2iedn.32xlarge for us-east-1");
  ASSERT_EQ(missing.size(), 1U);
  EXPECT_EQ(missing[0].path, "Shop/Big/Resource");
  CostEstimate e;
  e.stacks.push_back(c);
  EXPECT_FALSE(e.complete());
}

TEST_F(CostTest, UnknownRegionIsAnErrorNamingTheRegionsTheTableHas) {
  auto& stack = stack_in("ap-south-1");
  stack.add<cdk::secretsmanager::Secret>("ApiKey", {});
  try {
    (void)price(stack);
    FAIL() << "expected an error";
  } catch (const cdk::Error& e) {
    EXPECT_THAT(std::string(e.what()), HasSubstr("no prices for ap-south-1"));
    EXPECT_THAT(std::string(e.what()), HasSubstr("us-east-1, eu-west-1, eu-west-2"));
  }
}

TEST_F(CostTest, UsageOnlyAndUnsupportedTypesAreListedNotPriced) {
  auto& stack = stack_in("us-east-1");
  stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  stack.add<cdk::route53::CfnHealthCheck>("Check", cdk::route53::CfnHealthCheck::Props{
      .health_check_config = cdk::route53::CfnHealthCheck::HealthCheckConfigProperty{
          .fully_qualified_domain_name = "example.org", .type = "HTTPS"}});
  auto c = price(stack);
  EXPECT_TRUE(c.lines.empty());
  EXPECT_EQ(c.monthly_usd, 0);
  EXPECT_EQ(gaps(c, Gap::Usage, "publishes and deliveries").size(), 1U);
  const auto unsupported = gaps(c, Gap::Unsupported);
  ASSERT_EQ(unsupported.size(), 1U);
  EXPECT_EQ(unsupported[0].type, "AWS::Route53::HealthCheck");
  cdk::testing::keep_for_lint(stack);
}

// A Lambda function (L1) with its alias, URL and an SQS event source.
cdk::CfnResource& worker(cdk::Stack& stack, cdk::sqs::Queue& queue, cdk::Value::Map alias_extra = {}) {
  using cdk::Value;
  auto& fn = stack.add<cdk::CfnResource>(
      "Worker", "AWS::Lambda::Function",
      Value::map({{"Runtime", "python3.12"}, {"Handler", "index.handler"},
                  {"Role", "arn:aws:iam::123456789012:role/worker"}, {"Code", Value::map({{"ZipFile", "pass"}})}}));
  Value::Map alias{{"FunctionName", fn.ref()}, {"FunctionVersion", "$LATEST"}, {"Name", "live"}};
  alias.insert(alias.end(), alias_extra.begin(), alias_extra.end());
  auto& live = stack.add<cdk::CfnResource>("Live", "AWS::Lambda::Alias", Value(std::move(alias)));
  stack.add<cdk::CfnResource>("WorkerUrl", "AWS::Lambda::Url",
                              Value::map({{"AuthType", "AWS_IAM"}, {"TargetFunctionArn", live.ref()}}));
  stack.add<cdk::CfnResource>("FromJobs", "AWS::Lambda::EventSourceMapping",
                              Value::map({{"EventSourceArn", queue.queue_arn()}, {"FunctionName", live.ref()}}));
  return fn;
}

TEST_F(CostTest, QueuesTopicsFunctionsAndRulesAreListedAsUsageWithNoFixedCharge) {
  using cdk::Value;
  auto& stack = stack_in("us-east-1");
  auto& jobs = stack.add<cdk::sqs::Queue>("Jobs", {});
  auto& alerts = stack.add<cdk::sns::Topic>("Alerts", {});
  alerts.add_subscription(cdk::sns::SqsSubscription{.queue = jobs});
  auto& fn = worker(stack, jobs);
  stack.add<cdk::CfnResource>("Nightly", "AWS::Events::Rule",
                              Value::map({{"ScheduleExpression", "rate(1 day)"},
                                          {"Targets", Value::list({Value::map({{"Id", "Target0"}, {"Arn", fn.get_att("Arn")}})})}}));
  auto c = price(stack);
  EXPECT_TRUE(c.lines.empty());
  EXPECT_EQ(c.monthly_usd, 0);
  std::map<std::string, std::string> usage;
  for (const auto& n : gaps(c, Gap::Usage)) usage[n.type] = n.what;
  EXPECT_EQ(usage, (std::map<std::string, std::string>{{"AWS::Events::Rule", "custom and cross-account events"},
                                                       {"AWS::Lambda::Function", "requests and compute duration"},
                                                       {"AWS::SNS::Topic", "publishes and deliveries"},
                                                       {"AWS::SQS::Queue", "requests"}}));
  EXPECT_TRUE(gaps(c, Gap::Unsupported).empty());
  // Queue and topic policies, the subscription, alias, URL and event source mapping.
  EXPECT_EQ(c.no_charge, 6);
  CostEstimate e;
  e.stacks.push_back(c);
  EXPECT_TRUE(e.complete());
}

TEST_F(CostTest, ProvisionedConcurrencyIsAFixedChargeWithoutAPriceSoTheEstimateIsIncomplete) {
  using cdk::Value;
  auto& stack = stack_in("us-east-1");
  auto& jobs = stack.add<cdk::sqs::Queue>("Jobs", {});
  worker(stack, jobs,
         {{"ProvisionedConcurrencyConfig", Value::map({{"ProvisionedConcurrentExecutions", 5}})}});
  auto c = price(stack);
  const auto missing = gaps(c, Gap::MissingPrice);
  ASSERT_EQ(missing.size(), 1U);
  EXPECT_EQ(missing[0].type, "AWS::Lambda::Alias");
  EXPECT_THAT(missing[0].what, HasSubstr("provisioned concurrency, 5 executions"));
  CostEstimate e;
  e.stacks.push_back(c);
  EXPECT_FALSE(e.complete());
}

TEST_F(CostTest, TotalsAreTheSumsOfTheLines) {
  auto& web = stack_in("us-east-1", "Web");
  web.add<cdk::autoscaling::AutoScalingGroup>("Asg", {.vpc = small_vpc(web), .instance_type = "t3.medium", .min_capacity = 3});
  auto& data = stack_in("us-east-1", "Data");
  data.add<cdk::rds::DatabaseInstance>("Db", {.engine = cdk::rds::DatabaseInstanceEngine::postgres_16(),
                                              .vpc = data_vpc(data), .instance_type = "db.t4g.small"});
  assembly = cdk::detail::synthesize(app, {});
  std::vector<StackTemplate> stacks;
  for (const auto& s : assembly.stacks) stacks.push_back({s.stack->node().path(), s.stack->env().region, &s.template_json});
  const auto e = estimate(stacks, table(), {});
  ASSERT_EQ(e.stacks.size(), 2U);
  double grand = 0;
  for (const auto& s : e.stacks) {
    double sum = 0;
    for (const auto& l : s.lines) {
      EXPECT_DOUBLE_EQ(l.monthly_usd, l.count * l.unit_usd * (l.hours > 0 ? l.hours : 1)) << l.what;
      sum += l.monthly_usd;
    }
    EXPECT_DOUBLE_EQ(s.monthly_usd, sum) << s.stack;
    EXPECT_GT(s.monthly_usd, 0);
    grand += s.monthly_usd;
  }
  EXPECT_DOUBLE_EQ(e.monthly_usd, grand);
  EXPECT_EQ(e.price_date, table().date());
  EXPECT_TRUE(e.complete());

  const auto text = render_text(e, table());
  EXPECT_THAT(text, HasSubstr(fmt::format("Total: {:.2f} USD a month for 2 stacks", e.monthly_usd)));
  EXPECT_THAT(text, HasSubstr("Web (us-east-1)"));
  EXPECT_THAT(text, HasSubstr("Not in the totals:"));
  const auto json = cdk::detail::Json::parse(render_json(e, table()));
  EXPECT_NEAR(json["monthly_usd"].get<double>(), e.monthly_usd, 1e-6);
  EXPECT_EQ(json["stacks"].size(), 2U);
  EXPECT_EQ(json["complete"], true);
}

TEST_F(CostTest, PipelinesV2AndBuildsAreUsageAndAV1PipelineIsPricedPerMonth) {
  namespace actions = cdk::codepipeline_actions;
  auto& stack = stack_in("eu-west-1");
  auto& project = stack.add<cdk::codebuild::PipelineProject>("Build");
  auto& connection = stack.add<actions::CodeStarConnection>("GitHub", {.connection_name = "acme"});
  stack.add<cdk::codebuild::ReportGroup>("Tests");
  for (auto type : {cdk::codepipeline::PipelineType::V2, cdk::codepipeline::PipelineType::V1}) {
    cdk::codepipeline::Artifact source{"Source"};
    auto& p = stack.add<cdk::codepipeline::Pipeline>(type == cdk::codepipeline::PipelineType::V2 ? "Modern" : "Classic",
                                                      {.pipeline_type = type});
    p.add_stage({.stage_name = "Source"}).add_action(actions::CodeStarConnectionsSourceAction{
        .action_name = "GitHub", .connection_arn = connection.connection_arn(), .owner = "acme", .repo = "app",
        .branch = "main", .output = source});
    p.add_stage({.stage_name = "Build"}).add_action(actions::CodeBuildAction{.action_name = "Build", .project = project, .input = source});
  }
  auto c = price(stack);
  const auto v1 = line(c, "Shop/Classic/Resource");
  EXPECT_EQ(v1.type, "AWS::CodePipeline::Pipeline");
  EXPECT_DOUBLE_EQ(v1.monthly_usd, monthly("codepipeline.pipeline_v1", "eu-west-1"));
  EXPECT_TRUE(lines(c, "Shop/Modern/").empty());
  std::map<std::string, std::string> usage;
  for (const auto& n : gaps(c, Gap::Usage))
    if (n.type.starts_with("AWS::Code")) usage[n.path] = n.what;
  EXPECT_EQ(usage, (std::map<std::string, std::string>{{"Shop/Build/Resource", "build minutes"},
                                                       {"Shop/Modern/Resource", "V2 pipeline: action execution minutes"}}));
  EXPECT_TRUE(gaps(c, Gap::Unsupported).empty());
  EXPECT_TRUE(gaps(c, Gap::MissingPrice).empty());
}

TEST_F(CostTest, CodeDeployIsFreeExceptForUpdatesOfOnPremisesInstances) {
  auto& stack = stack_in("us-east-1");
  auto& config = stack.add<cdk::codedeploy::ServerDeploymentConfig>(
      "Half", {.minimum_healthy_hosts = cdk::codedeploy::MinimumHealthyHosts::percentage(50)});
  stack.add<cdk::codedeploy::ServerDeploymentGroup>("Cloud", {.deployment_config = config,
                                                             .ec2_instance_tags = {{{"app", {"web"}}}}});
  stack.add<cdk::codedeploy::ServerDeploymentGroup>("OnPremises", {.on_premise_instance_tags = {{{"site", {"dc1"}}}}});
  auto c = price(stack);
  EXPECT_TRUE(c.lines.empty());
  EXPECT_TRUE(gaps(c, Gap::Unsupported).empty());
  const auto usage = gaps(c, Gap::Usage);
  ASSERT_EQ(usage.size(), 1U);
  EXPECT_EQ(usage[0].type, "AWS::CodeDeploy::DeploymentGroup");
  EXPECT_EQ(usage[0].what, "on-premises instance updates");
  // Two applications, two roles, the configuration and the cloud deployment group.
  EXPECT_EQ(c.no_charge, 6);
}

TEST_F(CostTest, WebAclsAndTheirRulesAreMonthlyChargesAndCloudfrontIsUsage) {
  auto& stack = stack_in("us-east-1");
  auto& vpc = data_vpc(stack);
  auto& alb = stack.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc, .internet_facing = true});
  alb.associate_web_acl(cdk::testing::web_acl(stack, "Regional", "REGIONAL", 3));
  auto& bucket = stack.add<cdk::s3::Bucket>("Assets", {});
  stack.add<cdk::cloudfront::Distribution>("Cdn", {
      .default_behavior = {.origin = cdk::cloudfront::S3BucketOrigin::with_origin_access_control(bucket)},
      .web_acl_id = cdk::testing::web_acl(stack, "Global", "CLOUDFRONT").attr_arn()});
  auto c = price(stack);
  EXPECT_DOUBLE_EQ(line(c, "Shop/Regional", "web ACL").monthly_usd, monthly("wafv2.web_acl", "us-east-1"));
  EXPECT_DOUBLE_EQ(line(c, "Shop/Regional", "rules").monthly_usd, 3 * monthly("wafv2.rule", "us-east-1"));
  EXPECT_DOUBLE_EQ(line(c, "Shop/Global", "web ACL").monthly_usd, 5.0);
  EXPECT_TRUE(lines(c, "Shop/Global", "rules").empty());
  EXPECT_EQ(gaps(c, Gap::Usage, "requests inspected").size(), 2U);
  std::map<std::string, std::string> usage;
  for (const auto& n : gaps(c, Gap::Usage)) usage[n.type] = n.what;
  EXPECT_EQ(usage["AWS::CloudFront::Distribution"], "requests and data transfer");
  EXPECT_TRUE(gaps(c, Gap::Unsupported).empty());
  EXPECT_TRUE(gaps(c, Gap::MissingPrice).empty());
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CostTest, APaidManagedRuleGroupIsAFixedChargeWithoutAPrice) {
  using Acl = cdk::wafv2::CfnWebACL;
  auto& stack = stack_in("eu-west-1");
  auto& acl = cdk::testing::web_acl(stack, "Acl", "REGIONAL", 1);
  Acl::RuleProperty bots;
  bots.name = "Bots";
  bots.priority = 9;
  bots.override_action = Acl::OverrideActionProperty{.none = cdk::Value::map({})};
  bots.statement = Acl::StatementProperty{.managed_rule_group_statement = Acl::ManagedRuleGroupStatementProperty{
      .name = "AWSManagedRulesBotControlRuleSet", .vendor_name = "AWS"}};
  bots.visibility_config = Acl::VisibilityConfigProperty{
      .cloud_watch_metrics_enabled = true, .metric_name = "Bots", .sampled_requests_enabled = true};
  acl.props().rules.push_back(std::move(bots));
  auto c = price(stack);
  EXPECT_DOUBLE_EQ(line(c, "Shop/Acl", "rules").monthly_usd, 2.0);
  EXPECT_EQ(gaps(c, Gap::MissingPrice, "AWSManagedRulesBotControlRuleSet").size(), 1U);
  CostEstimate e;
  e.stacks.push_back(c);
  EXPECT_FALSE(e.complete());
}

}  // namespace
