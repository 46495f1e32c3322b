// The architecture diagram: clusters stack > VPC > tier > AZ, nodes in the
// right cluster, traffic and reference arrows, plumbing left out, and the
// same text for the same app.
#include "graph/architecture.hpp"

#include <cdk/autoscaling/autoscaling.hpp>
#include <cdk/cdk.hpp>
#include <cdk/cloudfront/cloudfront.hpp>
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/cloudwatch/dashboard.hpp>
#include <cdk/codebuild/project.hpp>
#include <cdk/codepipeline/codepipeline.hpp>
#include <cdk/codepipeline_actions/codepipeline_actions.hpp>
#include <cdk/codedeploy/codedeploy.hpp>
#include <cdk/ec2/ec2.hpp>
#include <cdk/ecr/repository.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/efs/efs.hpp>
#include <cdk/elasticache/elasticache.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/rds/rds.hpp>
#include <cdk/route53/route53.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/sns/sns.hpp>
#include <cdk/sqs/sqs.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/lint.hpp"

#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// A node of the DOT text: its label (escaped as written) and the labels of
// the clusters around it, outermost first.
struct DotNode {
  std::string label;
  std::vector<std::string> clusters;
};

struct Dot {
  std::map<std::string, DotNode> nodes;               // by id
  std::map<std::pair<std::string, std::string>, std::string> edges;  // attributes

  // The node whose label starts with `prefix` (exactly one).
  const DotNode& with_label(const std::string& prefix) const {
    const DotNode* found = nullptr;
    for (const auto& [id, n] : nodes)
      if (n.label.rfind(prefix, 0) == 0) {
        EXPECT_EQ(found, nullptr) << "two nodes labelled " << prefix;
        found = &n;
      }
    if (found == nullptr) throw std::runtime_error("no node labelled " + prefix);
    return *found;
  }
  std::string id_of(const std::string& prefix) const {
    for (const auto& [id, n] : nodes)
      if (n.label.rfind(prefix, 0) == 0) return id;
    throw std::runtime_error("no node labelled " + prefix);
  }
};

std::string first_quoted(const std::string& s, std::size_t from = 0) {
  const auto a = s.find('"', from);
  std::string out;
  for (std::size_t i = a + 1; i < s.size() && s[i] != '"'; ++i) {
    if (s[i] == '\\') out += s[i++];
    out += s[i];
  }
  return out;
}

// Reads the line-per-statement DOT that architecture_to_dot writes.
Dot parse(const std::string& text) {
  Dot dot;
  std::vector<std::string> open;  // labels of the clusters we are in
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    line.erase(0, line.find_first_not_of(' '));
    if (line.rfind("subgraph ", 0) == 0) {
      open.emplace_back();
    } else if (line == "}") {
      if (!open.empty()) open.pop_back();
    } else if (line.rfind("label=", 0) == 0 && !open.empty()) {
      open.back() = first_quoted(line);
    } else if (line.rfind('"', 0) == 0 && line.find(" -> ") != std::string::npos) {
      const auto arrow = line.find(" -> ");
      dot.edges[{first_quoted(line), first_quoted(line, arrow)}] = line.substr(line.find('['));
    } else if (line.rfind('"', 0) == 0) {
      const auto attrs = line.find(" [label=");
      if (attrs == std::string::npos) continue;
      dot.nodes[first_quoted(line)] = {first_quoted(line, attrs), open};
    }
  }
  return dot;
}

const char* kStack = "stack Shop (aws://123456789012/eu-west-1)";
const char* kVpc = "VPC Vpc 10.0.0.0/16";

// A Vpc (public/private/isolated), an internet-facing ALB, an ASG and a
// MySQL database the ASG may reach and whose secret it reads.
void build_shop(cdk::App& app, cdk::Stack** out = nullptr) {
  using namespace cdk;
  auto& stack = app.add<Stack>("Shop", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& vpc = stack.add<ec2::Vpc>("Vpc", {.max_azs = 2,
                                          .nat_gateways = 1,
                                          .subnet_configuration = {{"public", ec2::SubnetType::Public, 24},
                                                                   {"app", ec2::SubnetType::PrivateWithEgress, 24},
                                                                   {"data", ec2::SubnetType::PrivateIsolated, 28}}});
  auto& web = stack.add<autoscaling::AutoScalingGroup>("Web", {.vpc = vpc,
                                                               .instance_type = "t3.micro",
                                                               .vpc_subnets = ec2::SubnetSelection{.subnet_group_name = "app"},
                                                               .min_capacity = 1,
                                                               .max_capacity = 3});
  auto& db = stack.add<rds::DatabaseInstance>("Db", {.engine = rds::DatabaseInstanceEngine::mysql_8_0(),
                                                     .vpc = vpc,
                                                     .subnets = {.subnet_group_name = "data"},
                                                     .instance_type = "db.t4g.micro"});
  db.connections().allow_default_port_from(web);
  db.grant_secret_read(web);
  auto& alb = stack.add<elbv2::ApplicationLoadBalancer>("Lb", {.vpc = vpc, .internet_facing = true});
  alb.add_listener("Http", {.port = 80}).add_targets("Web", {.port = 8080, .targets = {web}});
  if (out != nullptr) *out = &stack;
}

class ShopDiagram : public ::testing::Test {
 protected:
  void SetUp() override {
    build_shop(app, &stack);
    assembly = cdk::detail::synthesize(app, {});
    text = cdk::detail::architecture_to_dot(assembly);
    dot = parse(text);
  }
  cdk::App app;
  cdk::Stack* stack = nullptr;
  cdk::detail::Assembly assembly;
  std::string text;
  Dot dot;
};

TEST_F(ShopDiagram, ClustersNestStackThenVpcThenTierThenAz) {
  for (const auto& [id, n] : dot.nodes) {
    if (n.label.rfind("subnet ", 0) != 0) continue;
    ASSERT_EQ(n.clusters.size(), 4u) << n.label;
    EXPECT_EQ(n.clusters[0], kStack);
    EXPECT_EQ(n.clusters[1], kVpc);
    EXPECT_THAT(n.clusters[2], ::testing::AnyOf("public subnets (public)", "app subnets (private)",
                                                "data subnets (isolated)"));
    EXPECT_THAT(n.clusters[3], ::testing::AnyOf("AZ 1", "AZ 2"));
  }
  EXPECT_THAT(dot.with_label("subnet 10.0.0.0/24").clusters,
              ElementsAre(kStack, kVpc, "public subnets (public)", "AZ 1"));
  EXPECT_THAT(dot.with_label("subnet 10.0.3.0/24").clusters,
              ElementsAre(kStack, kVpc, "app subnets (private)", "AZ 2"));
  EXPECT_THAT(dot.with_label("subnet 10.0.4.16/28").clusters,
              ElementsAre(kStack, kVpc, "data subnets (isolated)", "AZ 2"));
  cdk::testing::keep_for_lint(*stack);
}

TEST_F(ShopDiagram, EachNodeSitsInTheTierItsSubnetsAreIn) {
  EXPECT_THAT(dot.with_label("Application Load Balancer\\nLb").clusters,
              ElementsAre(kStack, kVpc, "public subnets (public)"));
  EXPECT_THAT(dot.with_label("Auto Scaling group\\nWeb").clusters, ElementsAre(kStack, kVpc, "app subnets (private)"));
  EXPECT_THAT(dot.with_label("RDS database\\nDb").clusters, ElementsAre(kStack, kVpc, "data subnets (isolated)"));
  // A single-AZ resource sits in its AZ; one spread over AZs names them.
  EXPECT_THAT(dot.with_label("NAT gateway").clusters, ElementsAre(kStack, kVpc, "public subnets (public)", "AZ 1"));
  EXPECT_THAT(dot.with_label("Auto Scaling group\\nWeb").label, HasSubstr("t3.micro, 1 to 3 instances\\nin AZ 1, AZ 2"));
  EXPECT_THAT(dot.with_label("RDS database\\nDb").label, HasSubstr("\\nin AZ 1, AZ 2"));
  // Outside any subnet: the gateway in the VPC, the secret in the stack.
  EXPECT_THAT(dot.with_label("Internet gateway").clusters, ElementsAre(kStack, kVpc));
  EXPECT_THAT(dot.with_label("Secrets Manager secret\\nDb/Secret").clusters, ElementsAre(kStack));
}

TEST_F(ShopDiagram, TrafficRunsFromTheInternetThroughTheLoadBalancerToTheGroupAndTheDatabase) {
  const auto lb = dot.id_of("Application Load Balancer");
  const auto asg = dot.id_of("Auto Scaling group");
  const auto db = dot.id_of("RDS database");
  ASSERT_TRUE(dot.edges.count({"internet", lb}));
  EXPECT_THAT(dot.edges.at({"internet", lb}), HasSubstr("label=\"80\""));
  ASSERT_TRUE(dot.edges.count({lb, asg}));
  EXPECT_THAT(dot.edges.at({lb, asg}), HasSubstr("label=\"8080\""));
  ASSERT_TRUE(dot.edges.count({asg, db}));
  EXPECT_THAT(dot.edges.at({asg, db}), HasSubstr("label=\"3306\""));
  EXPECT_THAT(dot.edges.at({asg, db}), Not(HasSubstr("dashed")));
  // Nothing reaches the database from the internet or the load balancer.
  EXPECT_FALSE(dot.edges.count({"internet", db}));
  EXPECT_FALSE(dot.edges.count({lb, db}));
  EXPECT_FALSE(dot.edges.count({"internet", asg}));
}

TEST_F(ShopDiagram, ReferencesAreDashedAndTheLegendNamesBothStyles) {
  const auto asg = dot.id_of("Auto Scaling group");
  const auto secret = dot.id_of("Secrets Manager secret");
  ASSERT_TRUE(dot.edges.count({asg, secret}));
  EXPECT_THAT(dot.edges.at({asg, secret}), HasSubstr("style=dashed"));
  EXPECT_THAT(text, HasSubstr("label=\"X may reach Y on port"));
  EXPECT_THAT(text, HasSubstr("label=\"X references Y\""));
}

// The function behind the VPC's Custom::VpcRestrictDefaultSG serves the
// deployment, not the app: neither it nor its custom resource is drawn.
TEST_F(ShopDiagram, ACustomResourceProviderFunctionIsLeftOut) {
  const auto& resources = assembly.stacks.at(0).template_json["Resources"];
  ASSERT_TRUE(resources.contains("CustomVpcRestrictDefaultSGCustomResourceProviderHandlerDC833E5E"));
  EXPECT_FALSE(dot.nodes.count("Shop.CustomVpcRestrictDefaultSGCustomResourceProviderHandlerDC833E5E")) << text;
  EXPECT_FALSE(dot.nodes.count("Shop.VpcRestrictDefaultSecurityGroupCustomResourceC73DA2BE"));
  EXPECT_EQ(text.find("Lambda"), std::string::npos) << text;
}

TEST_F(ShopDiagram, PlumbingIsLeftOut) {
  const auto& resources = assembly.stacks.at(0).template_json["Resources"];
  const std::vector<std::string> plumbing = {
      "AWS::EC2::RouteTable",     "AWS::EC2::Route",          "AWS::EC2::SubnetRouteTableAssociation",
      "AWS::EC2::EIP",            "AWS::EC2::LaunchTemplate", "AWS::IAM::Role",
      "AWS::IAM::Policy",         "AWS::EC2::SecurityGroup",  "AWS::EC2::SecurityGroupIngress",
      "AWS::RDS::DBSubnetGroup",  "AWS::ElasticLoadBalancingV2::Listener",
      "AWS::ElasticLoadBalancingV2::TargetGroup", "AWS::IAM::InstanceProfile"};
  std::size_t checked = 0;
  for (const auto& [id, r] : resources.items()) {
    const std::string type = r["Type"].get<std::string>();
    if (std::find(plumbing.begin(), plumbing.end(), type) == plumbing.end()) continue;
    ++checked;
    EXPECT_FALSE(dot.nodes.count("Shop." + id)) << id << " (" << type << ") is drawn";
  }
  EXPECT_GT(checked, 20u);
  // What is drawn: one node per main resource and one per subnet.
  std::size_t subnets = 0;
  for (const auto& [id, n] : dot.nodes) subnets += n.label.rfind("subnet ", 0) == 0 ? 1 : 0;
  EXPECT_EQ(subnets, 6u);
}

TEST(ArchitectureToDot, IsTheSameTextForTheSameApp) {
  auto draw = [] {
    cdk::App app;
    build_shop(app);
    return cdk::detail::architecture_to_dot(cdk::detail::synthesize(app, {}));
  };
  const auto first = draw();
  EXPECT_EQ(first, draw());
  EXPECT_EQ(first.substr(0, 22), "digraph architecture {");
  EXPECT_EQ(first.substr(first.size() - 2), "}\n");
}

TEST(ArchitectureToDot, AFargateServiceSitsInItsSubnetsAndTheAlbSendsItsContainerPort) {
  using namespace cdk;
  App app;
  auto& stack = app.add<Stack>("App", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& vpc = stack.add<ec2::Vpc>("Vpc", {.max_azs = 2,
                                          .nat_gateways = 1,
                                          .subnet_configuration = {{"public", ec2::SubnetType::Public},
                                                                   {"app", ec2::SubnetType::PrivateWithEgress},
                                                                   {"data", ec2::SubnetType::PrivateIsolated}}});
  auto& files = stack.add<efs::FileSystem>("Files", {.vpc = vpc});
  auto& repo = stack.add<ecr::Repository>("Repo");
  auto& cluster = stack.add<ecs::Cluster>("Cluster", {.vpc = vpc});
  auto& task = stack.add<ecs::FargateTaskDefinition>("Task", {.cpu = 256, .memory_limit_mib = 512});
  task.add_container("app", {.image = ecs::ContainerImage::from_ecr_repository(repo, "v1"),
                             .port_mappings = {{.container_port = 8080}}});
  auto& svc = stack.add<ecs::FargateService>("Service", {.cluster = cluster, .task_definition = task, .desired_count = 2});
  auto& alb = stack.add<elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc, .internet_facing = true});
  alb.add_listener("Http", {.port = 80}).add_targets("App", {.port = 8080, .targets = {svc}});
  files.connections().allow_default_port_from(svc);
  const auto dot = parse(detail::architecture_to_dot(detail::synthesize(app, {})));
  const char* stack_label = "stack App (aws://123456789012/eu-west-1)";
  EXPECT_THAT(dot.with_label("ECS service (FARGATE)\\nService").clusters,
              ElementsAre(stack_label, kVpc, "app subnets (private)"));
  EXPECT_THAT(dot.with_label("ECS service").label, HasSubstr("2 tasks"));
  // EFS is placed by its mount targets, which are folded into it.
  EXPECT_THAT(dot.with_label("EFS file system\\nFiles").clusters, ElementsAre(stack_label, kVpc, "app subnets (private)"));
  const auto service = dot.id_of("ECS service");
  EXPECT_THAT(dot.edges.at({dot.id_of("Application Load Balancer"), service}), HasSubstr("label=\"8080\""));
  EXPECT_THAT(dot.edges.at({service, dot.id_of("EFS file system")}), HasSubstr("label=\"2049\""));
  // The task definition is plumbing: the image repository is the service's reference.
  EXPECT_THAT(dot.edges.at({service, dot.id_of("ECR repository")}), HasSubstr("style=dashed"));
  cdk::testing::keep_for_lint(stack);
}

TEST(ArchitectureToDot, AReplicationGroupSitsInItsIsolatedSubnetsAndItsClientsReachItsPort) {
  using namespace cdk;
  App app;
  auto& stack = app.add<Stack>("App", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& vpc = stack.add<ec2::Vpc>("Vpc", {.max_azs = 2,
                                          .nat_gateways = 1,
                                          .subnet_configuration = {{"public", ec2::SubnetType::Public},
                                                                   {"app", ec2::SubnetType::PrivateWithEgress},
                                                                   {"data", ec2::SubnetType::PrivateIsolated}}});
  auto& web = stack.add<autoscaling::AutoScalingGroup>("Web", {.vpc = vpc, .instance_type = "t3.micro"});
  auto& cache = stack.add<elasticache::ReplicationGroup>("Cache", {.vpc = vpc, .num_cache_clusters = 2});
  auto& shards = stack.add<elasticache::ReplicationGroup>(
      "Shards", {.vpc = vpc, .engine = elasticache::Engine::Redis, .cache_node_type = "cache.r7g.large",
                 .num_node_groups = 3, .replicas_per_node_group = 2});
  cache.connections().allow_default_port_from(web);
  shards.connections().allow_default_port_from(web);
  const auto assembly = detail::synthesize(app, {});
  const auto dot = parse(detail::architecture_to_dot(assembly));
  const char* stack_label = "stack App (aws://123456789012/eu-west-1)";
  const auto& node = dot.with_label("ElastiCache replication group\\nCache\\n");
  EXPECT_THAT(node.label, HasSubstr("valkey 8.0, 2 x cache.t4g.micro"));
  EXPECT_THAT(node.clusters, ElementsAre(stack_label, kVpc, "data subnets (isolated)"));
  EXPECT_THAT(dot.with_label("ElastiCache replication group\\nShards").label,
              HasSubstr("redis 7.1, 3 shards x 3 x cache.r7g.large"));
  const auto group = dot.id_of("Auto Scaling group");
  EXPECT_THAT(dot.edges.at({group, dot.id_of("ElastiCache replication group\\nCache")}), HasSubstr("label=\"6379\""));
  // The subnet group and security group are folded into the cache.
  for (const auto& [id, r] : assembly.stacks.at(0).template_json["Resources"].items()) {
    const std::string type = r["Type"].get<std::string>();
    if (type == "AWS::ElastiCache::SubnetGroup" || type == "AWS::EC2::SecurityGroup")
      EXPECT_FALSE(dot.nodes.count("App." + id)) << id << " (" << type << ") is drawn";
  }
  cdk::testing::keep_for_lint(stack);
}

TEST(ArchitectureToDot, AStackUsingAnotherStacksVpcDrawsItThereAndTheStackDependency) {
  using namespace cdk;
  App app;
  const StackProps env{.env = {.account = "123456789012", .region = "eu-west-1"}};
  auto& net = app.add<Stack>("Net", env);
  auto& vpc = net.add<ec2::Vpc>("Vpc", {.max_azs = 2, .nat_gateways = 0,
                                        .subnet_configuration = {{"public", ec2::SubnetType::Public},
                                                                 {"data", ec2::SubnetType::PrivateIsolated}}});
  auto& web = app.add<Stack>("Web", env);
  web.add<autoscaling::AutoScalingGroup>("Workers", {.vpc = vpc, .instance_type = "t3.micro",
                                                     .vpc_subnets = ec2::SubnetSelection{.subnet_group_name = "data"}});
  const auto text = detail::architecture_to_dot(detail::synthesize(app, {}));
  const auto dot = parse(text);
  EXPECT_THAT(dot.with_label("Auto Scaling group\\nWorkers").clusters,
              ElementsAre("stack Web (aws://123456789012/eu-west-1)", "VPC Vpc 10.0.0.0/16 (from stack Net)",
                          "data subnets (isolated)"));
  ASSERT_TRUE(dot.edges.count({"Web", "Net"}));
  EXPECT_THAT(dot.edges.at({"Web", "Net"}), HasSubstr("ltail=\"cluster_Web\", lhead=\"cluster_Net\""));
  cdk::testing::keep_for_lint(net);
  cdk::testing::keep_for_lint(web);
}

TEST(ArchitectureToDot, AddressRangesAndTheInternetAreSeparateSources) {
  using namespace cdk;
  App app;
  auto& stack = app.add<Stack>("S");
  auto& sg = stack.add<CfnResource>(
      "Sg", "AWS::EC2::SecurityGroup",
      Value::map({{"GroupDescription", "web"},
                  {"SecurityGroupIngress",
                   Value::list({Value::map({{"IpProtocol", "tcp"}, {"FromPort", 443}, {"ToPort", 443}, {"CidrIp", "0.0.0.0/0"}}),
                                Value::map({{"IpProtocol", "tcp"}, {"FromPort", 22}, {"ToPort", 22}, {"CidrIp", "198.51.100.7/32"}}),
                                Value::map({{"IpProtocol", "udp"}, {"FromPort", 1000}, {"ToPort", 2000}, {"CidrIp", "198.51.100.7/32"}})})}}));
  stack.add<CfnResource>("Server", "AWS::EC2::Instance",
                         Value::map({{"ImageId", "ami-12345678"}, {"InstanceType", "t3.micro"},
                                     {"SecurityGroupIds", Value::list({sg.get_att("GroupId")})}}));
  const auto dot = parse(detail::architecture_to_dot(detail::synthesize(app, {})));
  const auto server = dot.id_of("EC2 instance\\nServer");
  EXPECT_THAT(dot.edges.at({"internet", server}), HasSubstr("label=\"443\""));
  EXPECT_THAT(dot.edges.at({"peer.198.51.100.7/32", server}), HasSubstr("label=\"22, udp 1000-2000\""));
  EXPECT_EQ(dot.nodes.at("peer.198.51.100.7/32").label, "198.51.100.7/32");
  EXPECT_FALSE(dot.nodes.count("S.Sg"));
}

TEST(ArchitectureToDot, ATopicSendsToItsSubscribersAndTheSubscriptionIsNoNode) {
  using namespace cdk;
  App app;
  auto& stack = app.add<Stack>("S");
  auto& topic = stack.add<CfnResource>("Alerts", "AWS::SNS::Topic");
  auto& queue = stack.add<CfnResource>("Work", "AWS::SQS::Queue");
  stack.add<CfnResource>("ToQueue", "AWS::SNS::Subscription",
                         Value::map({{"TopicArn", topic.ref()}, {"Protocol", "sqs"}, {"Endpoint", queue.get_att("Arn")}}));
  stack.add<CfnResource>("ToOps", "AWS::SNS::Subscription",
                         Value::map({{"TopicArn", topic.ref()}, {"Protocol", "email"}, {"Endpoint", "ops@example.com"}}));
  const auto dot = parse(detail::architecture_to_dot(detail::synthesize(app, {})));
  EXPECT_THAT(dot.edges.at({"S.Alerts", "S.Work"}), HasSubstr("label=\"sqs\""));
  EXPECT_THAT(dot.edges.at({"S.Alerts", "endpoint.email.ops@example.com"}), HasSubstr("label=\"email\""));
  EXPECT_EQ(dot.nodes.at("endpoint.email.ops@example.com").label, "email ops@example.com");
  EXPECT_FALSE(dot.nodes.count("S.ToQueue"));
  EXPECT_FALSE(dot.nodes.count("S.ToOps"));
}

// A Lambda function (L1: its fields do not matter to the drawing).
cdk::CfnResource& function(cdk::Stack& stack, const std::string& id, cdk::Value::Map extra = {}) {
  cdk::Value::Map props{{"Runtime", "python3.12"},
                        {"Handler", "index.handler"},
                        {"Role", "arn:aws:iam::123456789012:role/fn"},
                        {"Code", cdk::Value::map({{"ZipFile", "pass"}})}};
  props.insert(props.end(), extra.begin(), extra.end());
  return stack.add<cdk::CfnResource>(id, "AWS::Lambda::Function", cdk::Value(std::move(props)));
}

// The line that writes node `id`, with its attributes.
std::string node_line(const std::string& text, const std::string& id) {
  const auto at = text.find("\"" + id + "\" [label=");
  return at == std::string::npos ? std::string() : text.substr(at, text.find('\n', at) - at);
}

TEST(ArchitectureToDot, AQueueSendsToItsDeadLetterQueueAndFeedsItsFunctionThroughAnAlias) {
  using namespace cdk;
  App app;
  auto& stack = app.add<Stack>("S");
  auto& dlq = stack.add<sqs::Queue>("DeadLetters", {});
  auto& jobs = stack.add<sqs::Queue>("Jobs", {.dead_letter_queue = sqs::DeadLetterQueue{.queue = dlq, .max_receive_count = 5}});
  auto& failed = stack.add<sqs::Queue>("Failed", {});
  auto& worker = function(stack, "Worker", {{"DeadLetterConfig", Value::map({{"TargetArn", failed.queue_arn()}})}});
  auto& live = stack.add<CfnResource>("Live", "AWS::Lambda::Alias",
                                      Value::map({{"FunctionName", worker.ref()}, {"FunctionVersion", "$LATEST"}, {"Name", "live"}}));
  stack.add<CfnResource>("FromJobs", "AWS::Lambda::EventSourceMapping",
                         Value::map({{"EventSourceArn", jobs.queue_arn()}, {"FunctionName", live.ref()}}));
  const std::string text = detail::architecture_to_dot(detail::synthesize(app, {}));
  const auto dot = parse(text);
  const auto jobs_id = dot.id_of("SQS queue\\nJobs");
  const auto dlq_id = dot.id_of("SQS queue\\nDeadLetters");
  EXPECT_THAT(dot.edges.at({jobs_id, dlq_id}), HasSubstr("label=\"dead letters\""));
  EXPECT_THAT(dot.edges.at({jobs_id, "S.Worker"}), HasSubstr("label=\"events\""));
  EXPECT_THAT(dot.edges.at({"S.Worker", dot.id_of("SQS queue\\nFailed")}), HasSubstr("label=\"dead letters\""));
  EXPECT_FALSE(dot.nodes.count("S.Live"));
  EXPECT_FALSE(dot.nodes.count("S.FromJobs"));
  EXPECT_THAT(node_line(text, jobs_id), HasSubstr("shape=cds"));
}

TEST(ArchitectureToDot, AnAlarmNotifiesItsTopicFromWhatItWatchesAndTheTopicDeliversToItsQueue) {
  using namespace cdk;
  App app;
  auto& stack = app.add<Stack>("S");
  auto& jobs = stack.add<sqs::Queue>("Jobs", {});
  auto& inbox = stack.add<sqs::Queue>("Inbox", {});
  auto& alerts = stack.add<sns::Topic>("Alerts", {});
  alerts.add_subscription(sns::SqsSubscription{.queue = inbox});
  stack.add<cloudwatch::Alarm>("Backlog", {.metric = jobs.metric_approximate_age_of_oldest_message(), .threshold = 600})
      .add_alarm_action(alerts);
  const auto dot = parse(detail::architecture_to_dot(detail::synthesize(app, {})));
  const auto topic = dot.id_of("SNS topic\\nAlerts");
  EXPECT_THAT(dot.edges.at({dot.id_of("SQS queue\\nJobs"), topic}), HasSubstr("label=\"alarm\""));
  EXPECT_THAT(dot.edges.at({topic, dot.id_of("SQS queue\\nInbox")}), HasSubstr("label=\"sqs\""));
  // The alarm and the policies are plumbing, no nodes of their own.
  for (const auto& [id, n] : dot.nodes) {
    EXPECT_THAT(n.label, Not(HasSubstr("Backlog"))) << id;
    EXPECT_THAT(n.label, Not(HasSubstr("::"))) << id;
  }
}

TEST(ArchitectureToDot, AnAlarmOnAMathExpressionNotifiesFromEveryResourceItsMetricsName) {
  using namespace cdk;
  App app;
  auto& stack = app.add<Stack>("S");
  auto& jobs = stack.add<sqs::Queue>("Jobs", {});
  auto& mail = stack.add<sqs::Queue>("Mail", {});
  auto& alerts = stack.add<sns::Topic>("Alerts", {});
  stack.add<cloudwatch::Alarm>("Backlog",
                               {.metric = cloudwatch::MathExpression{
                                    .expression = "MAX([jobs, mail])",
                                    .using_metrics = {{"jobs", jobs.metric_approximate_age_of_oldest_message()},
                                                      {"mail", mail.metric_approximate_age_of_oldest_message()}}},
                                .threshold = 600})
      .add_alarm_action(alerts);
  const auto dot = parse(detail::architecture_to_dot(detail::synthesize(app, {})));
  const auto topic = dot.id_of("SNS topic\\nAlerts");
  EXPECT_THAT(dot.edges.at({dot.id_of("SQS queue\\nJobs"), topic}), HasSubstr("label=\"alarm\""));
  EXPECT_THAT(dot.edges.at({dot.id_of("SQS queue\\nMail"), topic}), HasSubstr("label=\"alarm\""));
}

TEST(ArchitectureToDot, ADashboardIsPlumbingLikeTheAlarmsItShows) {
  using namespace cdk;
  App app;
  auto& stack = app.add<Stack>("S");
  auto& jobs = stack.add<sqs::Queue>("Jobs", {});
  const auto age = jobs.metric_approximate_age_of_oldest_message();
  auto& backlog = stack.add<cloudwatch::Alarm>("Backlog", {.metric = age, .threshold = 600});
  stack.add<cloudwatch::Dashboard>("Ops", {}).add_widgets(cloudwatch::GraphWidget{.left = {age}},
                                                          cloudwatch::AlarmStatusWidget{.alarms = {backlog}});
  const auto dot = parse(detail::architecture_to_dot(detail::synthesize(app, {})));
  EXPECT_FALSE(dot.id_of("SQS queue\\nJobs").empty());
  for (const auto& [id, n] : dot.nodes) EXPECT_THAT(n.label, Not(HasSubstr("Ops"))) << id << " is drawn";
  for (const auto& [edge, attributes] : dot.edges)
    EXPECT_FALSE(edge.first.starts_with("S.Ops")) << "an arrow from the dashboard to " << edge.second;
}

TEST(ArchitectureToDot, ARuleStartsItsTargetsOnItsScheduleOrOnMatchingEvents) {
  using namespace cdk;
  App app;
  auto& stack = app.add<Stack>("S");
  auto& report = function(stack, "Report");
  auto& alerts = stack.add<sns::Topic>("Alerts", {});
  stack.add<CfnResource>("Nightly", "AWS::Events::Rule",
                         Value::map({{"ScheduleExpression", "cron(0 3 * * ? *)"},
                                     {"Targets", Value::list({Value::map({{"Id", "Target0"}, {"Arn", report.get_att("Arn")}})})}}));
  stack.add<CfnResource>("OnFailure", "AWS::Events::Rule",
                         Value::map({{"EventPattern", Value::map({{"source", Value::list({"aws.codebuild"})}})},
                                     {"Targets", Value::list({Value::map({{"Id", "Target0"}, {"Arn", alerts.topic_arn()}})})}}));
  const std::string text = detail::architecture_to_dot(detail::synthesize(app, {}));
  const auto dot = parse(text);
  EXPECT_EQ(dot.nodes.at("S.Nightly").label, "EventBridge rule\\nNightly\\ncron(0 3 * * ? *)");
  EXPECT_THAT(dot.edges.at({"S.Nightly", "S.Report"}), HasSubstr("label=\"schedule\""));
  EXPECT_THAT(dot.edges.at({"S.OnFailure", dot.id_of("SNS topic\\nAlerts")}), HasSubstr("label=\"events\""));
  EXPECT_THAT(node_line(text, "S.Nightly"), HasSubstr("shape=hexagon"));
}

TEST(ArchitectureToDot, APipelineIsOneNodeListingItsStagesWithoutReferenceArrows) {
  using namespace cdk;
  namespace actions = codepipeline_actions;
  App app;
  auto& stack = app.add<Stack>("S");
  auto& repo = stack.add<ecr::Repository>("Images", {});
  auto& project = stack.add<codebuild::PipelineProject>("Build");
  codepipeline::Artifact image{"Image"};
  auto& pipeline = stack.add<codepipeline::Pipeline>("Release");
  pipeline.add_stage({.stage_name = "Source"}).add_action(actions::EcrSourceAction{
      .action_name = "Image", .repository = repo, .output = image});
  pipeline.add_stage({.stage_name = "Test"}).add_action(actions::CodeBuildAction{
      .action_name = "Smoke", .project = project, .input = image, .type = actions::CodeBuildActionType::Test});
  pipeline.add_stage({.stage_name = "Approve"}).add_action(actions::ManualApprovalAction{.action_name = "Approve"});
  const std::string text = detail::architecture_to_dot(detail::synthesize(app, {}));
  const auto dot = parse(text);
  const auto node = dot.id_of("CodePipeline pipeline\\nRelease");
  EXPECT_EQ(dot.nodes.at(node).label, "CodePipeline pipeline\\nRelease\\nSource > Test > Approve");
  EXPECT_THAT(node_line(text, node), HasSubstr("shape=rarrow"));
  for (const auto& [edge, attributes] : dot.edges) EXPECT_NE(edge.first, node) << edge.second;
  // Its artifact bucket and the source's event rule are part of it, not nodes of
  // their own: a push to the repository starts it.
  for (const auto& [id, n] : dot.nodes) {
    EXPECT_THAT(n.label, Not(HasSubstr("ArtifactsBucket"))) << id;
    EXPECT_THAT(n.label, Not(HasSubstr("SourceEventRule"))) << id;
    EXPECT_THAT(id, Not(HasSubstr("SourceEventRule")));
  }
  EXPECT_THAT(dot.edges.at({dot.id_of("ECR repository\\nImages"), node}), HasSubstr("label=\"events\""));
}

TEST(ArchitectureToDot, ADeploymentGroupDeploysToItsAutoScalingGroupAndNotifiesItsTopic) {
  using namespace cdk;
  App app;
  auto& stack = app.add<Stack>("S");
  auto& vpc = stack.add<ec2::Vpc>("Vpc", {.max_azs = 2, .nat_gateways = 0,
                                          .subnet_configuration = {{"public", ec2::SubnetType::Public},
                                                                   {"app", ec2::SubnetType::PrivateIsolated}}});
  auto& web = stack.add<autoscaling::AutoScalingGroup>("Web", {.vpc = vpc, .instance_type = "t3.small",
                                                               .vpc_subnets = ec2::SubnetSelection{.subnet_group_name = "app"}});
  auto& alerts = stack.add<sns::Topic>("Alerts", {});
  stack.add<codedeploy::ServerDeploymentGroup>("Deploy", {.auto_scaling_groups = {web},
                                                         .triggers = {{.trigger_name = "failed", .topic = alerts}}});
  const auto dot = parse(detail::architecture_to_dot(detail::synthesize(app, {})));
  const std::string group = dot.id_of("CodeDeploy deployment group");
  EXPECT_THAT(dot.edges.at({group, dot.id_of("Auto Scaling group")}), HasSubstr("label=\"deploys\""));
  EXPECT_THAT(dot.edges.at({group, dot.id_of("SNS topic\\nAlerts")}), HasSubstr("label=\"notifies\""));
}

}  // namespace

#include <cdk/servicediscovery/servicediscovery.hpp>

namespace {

// Cloud Map: the namespace is a zone holding its services, a service's name
// leads to the ECS service registered in it, and the port web may reach api
// on is drawn from web to api.
TEST(ArchitectureToDot, ACloudMapServiceSitsInItsNamespaceAndLeadsToTheEcsServiceItFinds) {
  using namespace cdk;
  App app;
  auto& stack = app.add<Stack>("App", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& vpc = stack.add<ec2::Vpc>("Vpc", {.max_azs = 2, .nat_gateways = 1});
  auto& cluster = stack.add<ecs::Cluster>("Cluster", {.vpc = vpc});
  cluster.add_default_cloud_map_namespace({.name = "internal"});
  auto task = [&](const std::string& id, std::int64_t port) -> ecs::FargateTaskDefinition& {
    auto& t = stack.add<ecs::FargateTaskDefinition>(id);
    t.add_container("app", {.image = ecs::ContainerImage::from_registry("nginx"), .port_mappings = {{.container_port = port}}});
    return t;
  };
  auto& api = stack.add<ecs::FargateService>("Api", {.cluster = cluster, .task_definition = task("ApiTask", 8080),
                                                     .cloud_map_options = ecs::CloudMapOptions{.name = "api"}});
  auto& web = stack.add<ecs::FargateService>("Web", {.cluster = cluster, .task_definition = task("WebTask", 80)});
  api.connections().allow_from(web, ec2::Port::tcp(8080));
  const auto dot = parse(detail::architecture_to_dot(detail::synthesize(app, {})));
  const char* stack_label = "stack App (aws://123456789012/eu-west-1)";
  const auto& registry = dot.with_label("Cloud Map service\\nApi/CloudmapService");
  EXPECT_THAT(registry.label, HasSubstr("\\napi"));
  EXPECT_THAT(registry.clusters, ElementsAre(stack_label, "Route 53 zone internal"));
  EXPECT_THAT(dot.with_label("Cloud Map private DNS namespace").clusters, ElementsAre(stack_label, "Route 53 zone internal"));
  const auto api_id = dot.id_of("ECS service (FARGATE)\\nApi");
  EXPECT_THAT(dot.edges.at({dot.id_of("Cloud Map service"), api_id}), HasSubstr("label=\"discovery\""));
  EXPECT_THAT(dot.edges.at({dot.id_of("ECS service (FARGATE)\\nWeb"), api_id}), HasSubstr("label=\"8080\""));
  EXPECT_EQ(dot.edges.count({api_id, dot.id_of("Cloud Map service")}), 0U);  // no reference arrow back
}

TEST(ArchitectureToDot, ADistributionStandsBetweenTheInternetAndItsOrigins) {
  using namespace cdk;
  App app;
  auto& stack = app.add<Stack>("Cdn", {.env = {.account = "123456789012", .region = "us-east-1"}});
  auto& vpc = stack.add<ec2::Vpc>("Vpc", {.max_azs = 2, .nat_gateways = 0,
                                          .subnet_configuration = {{"public", ec2::SubnetType::Public},
                                                                   {"data", ec2::SubnetType::PrivateIsolated}}});
  auto& alb = stack.add<elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc, .internet_facing = true});
  auto& assets = stack.add<s3::Bucket>("Assets");
  auto& zone = stack.add<route53::HostedZone>("Zone", {.zone_name = "example.com"});
  auto& dist = stack.add<cloudfront::Distribution>("Site", {
      .default_behavior = {.origin = cloudfront::LoadBalancerV2Origin::of(alb)},
      .certificate = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555",
      .domain_names = {"www.example.com"}});
  dist.add_behavior("/static/*", cloudfront::S3BucketOrigin::with_origin_access_control(assets));
  dist.add_behavior("/legacy/*", cloudfront::HttpOrigin::of("legacy.example.net",
                                                            {.protocol_policy = cloudfront::OriginProtocolPolicy::HttpOnly}));
  stack.add<route53::ARecord>("Www", {.zone = zone, .record_name = "www",
                                      .target = route53::RecordTarget::alias(route53::CloudFrontTarget(dist))});
  const auto dot = parse(detail::architecture_to_dot(detail::synthesize(app, {})));
  const auto cdn = dot.id_of("CloudFront distribution");
  EXPECT_THAT(dot.edges.at({"internet", cdn}), HasSubstr("label=\"https\""));
  EXPECT_THAT(dot.edges.at({cdn, dot.id_of("Application Load Balancer")}), HasSubstr("label=\"https\""));
  EXPECT_THAT(dot.edges.at({cdn, dot.id_of("S3 bucket")}), HasSubstr("label=\"https\""));
  EXPECT_THAT(dot.edges.at({cdn, "origin.legacy.example.net"}), HasSubstr("label=\"http\""));
  EXPECT_THAT(dot.edges.at({dot.id_of("DNS record"), cdn}), HasSubstr("label=\"alias\""));
  // The origin access control and the bucket policy are plumbing: no box, no arrow back.
  for (const auto& [id, node] : dot.nodes) EXPECT_THAT(node.label, Not(HasSubstr("OriginAccessControl"))) << id;
  EXPECT_FALSE(dot.edges.count({dot.id_of("S3 bucket"), cdn}));
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
