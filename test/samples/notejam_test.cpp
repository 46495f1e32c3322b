#include "notejam/delivery.hpp"
#include "notejam/legacy_ids.hpp"
#include "notejam/notejam.hpp"
#include "sample_checks.hpp"
#include "core/test_util.hpp"
#include "support/lint.hpp"
#include "support/run_app.hpp"

#include <cdk/assertions.hpp>
#include <cdk/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

using cdk::assertions::Match;
using samples::Json;
using ::testing::HasSubstr;

namespace {

struct Notejam {
  explicit Notejam(std::string env, std::map<std::string, std::string> more = {}) : app(props(env, std::move(more))) {}
  static cdk::AppProps props(const std::string& env, std::map<std::string, std::string> more) {
    more["env"] = env;
    return cdk::AppProps{.context = std::move(more)};
  }
  cdk::App app;
  cdk::Stack& stack = notejam::build(app, notejam::settings_from_context(app));
  Json t = Json::parse(samples::template_text(stack));

  [[nodiscard]] std::vector<Json> of_type(const std::string& type) const {
    std::vector<Json> out;
    for (const auto& [id, r] : t["Resources"].items())
      if (r["Type"] == type) out.push_back(r);
    return out;
  }
  [[nodiscard]] Json only(const std::string& type) const {
    auto all = of_type(type);
    EXPECT_EQ(all.size(), 1u) << type;
    return all.empty() ? Json::object() : all.front();
  }
};

const std::vector<std::string> all_envs(std::begin(notejam::environments), std::end(notejam::environments));

/// Every string in the template with the JSON pointer where it sits.
void strings_in(const Json& j, const std::string& at, std::vector<std::pair<std::string, std::string>>& out) {
  if (j.is_string()) out.emplace_back(at, j.get<std::string>());
  if (j.is_object())
    for (const auto& [k, v] : j.items()) strings_in(v, at + "/" + k, out);
  if (j.is_array())
    for (std::size_t i = 0; i < j.size(); ++i) strings_in(j[i], at + "/" + std::to_string(i), out);
}

/// The literal parts of a value, joined (Fn::Join flattened): enough to read ARNs built from pseudo parameters.
std::string flat(const Json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_object() && j.contains("Fn::Join")) {
    std::string s;
    for (const auto& part : j["Fn::Join"][1]) s += flat(part);
    return s;
  }
  if (j.is_object() && j.contains("Ref")) return "${" + j["Ref"].get<std::string>() + "}";
  return "?";
}

bool looks_secret(const std::string& name) {
  for (const char* word : {"PASSWORD", "SECRET", "TOKEN", "KEY"})
    if (name.find(word) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(Notejam, EachEnvironmentMatchesItsGoldenTemplateAndLints) {
  for (const auto& env : all_envs) {
    SCOPED_TRACE(env);
    Notejam n(env);
    samples::expect_matches_golden("notejam", n.stack);
    cdk::testing::keep_for_lint(n.stack);
  }
}

TEST(Notejam, EveryEnvironmentPassesTheSecurityRulesWithAReasonedSuppression) {
  for (const char* env : {"dev", "test", "prod"}) {
    Notejam n(env);
    EXPECT_THAT(samples::security_findings(n.app), ::testing::IsEmpty()) << env;
  }
}

TEST(Notejam, SynthesisIsDeterministic) {
  for (const auto& env : all_envs) {
    Notejam a(env);
    Notejam b(env);
    EXPECT_EQ(samples::template_text(a.stack), samples::template_text(b.stack)) << env;
  }
}

TEST(Notejam, EachEnvironmentIsItsOwnStackWithItsOwnNameAndNetwork) {
  std::map<std::string, std::string> names, cidrs, records;
  for (const auto& env : all_envs) {
    Notejam n(env);
    names[env] = n.stack.stack_name();
    cidrs[env] = n.only("AWS::EC2::VPC")["Properties"]["CidrBlock"].get<std::string>();
    records[env] = n.only("AWS::Route53::RecordSet")["Properties"]["Name"].get<std::string>();
    EXPECT_EQ(n.stack.tags().at("environment"), env);
  }
  EXPECT_EQ(names, (std::map<std::string, std::string>{{"dev", "notejam-dev"}, {"prod", "notejam-prod"}, {"test", "notejam-test"}}));
  EXPECT_EQ(records, (std::map<std::string, std::string>{{"dev", "dev.notejam.example.com."},
                                                         {"prod", "notejam.example.com."},
                                                         {"test", "test.notejam.example.com."}}));
  EXPECT_NE(cidrs["dev"], cidrs["test"]);
  EXPECT_NE(cidrs["test"], cidrs["prod"]);
  EXPECT_NE(cidrs["dev"], cidrs["prod"]);
}

TEST(Notejam, DatabaseIsIsolatedPrivateEncryptedAndBackedUp) {
  for (const auto& env : all_envs) {
    SCOPED_TRACE(env);
    Notejam n(env);
    const auto public_ids = samples::public_subnets(n.t);
    ASSERT_EQ(public_ids.size(), 2u);
    const auto group = n.only("AWS::RDS::DBSubnetGroup");
    const auto subnets = samples::refs_in(group["Properties"]["SubnetIds"]);
    EXPECT_EQ(subnets.size(), 2u) << "one subnet per AZ";
    for (const auto& subnet : subnets) {
      EXPECT_FALSE(public_ids.contains(subnet)) << subnet << " is public";
      EXPECT_THAT(subnet, HasSubstr("data")) << "database subnets are the isolated data tier";
    }
    const auto cluster = n.only("AWS::RDS::DBCluster")["Properties"];
    EXPECT_EQ(cluster["StorageEncrypted"], true);
    EXPECT_GE(cluster["BackupRetentionPeriod"].get<int>(), 1);
    EXPECT_EQ(cluster["Engine"], "aurora-mysql");
    for (const auto& inst : n.of_type("AWS::RDS::DBInstance")) EXPECT_EQ(inst["Properties"]["PubliclyAccessible"], false);
    // Only security groups (the app tasks, the migration build) reach the database, on 3306.
    const auto db_group = cluster["VpcSecurityGroupIds"][0]["Fn::GetAtt"][0].get<std::string>();
    int rules = 0;
    for (const auto& rule : samples::ingress_rules(n.t))
      if (rule.group == db_group) {
        ++rules;
        EXPECT_TRUE(rule.cidr.empty()) << "database open to " << rule.cidr;
        EXPECT_EQ(rule.from, 3306);
        EXPECT_EQ(rule.to, 3306);
      }
    EXPECT_EQ(rules, 2);
  }
}

TEST(Notejam, OnlyTheLoadBalancerIsOpenToTheWorldOnHttpAndHttps) {
  for (const auto& env : all_envs) {
    SCOPED_TRACE(env);
    Notejam n(env);
    const auto lb = n.only("AWS::ElasticLoadBalancingV2::LoadBalancer");
    EXPECT_EQ(lb["Properties"]["Scheme"], "internet-facing");
    std::set<std::string> lb_groups;
    for (const auto& g : lb["Properties"]["SecurityGroups"]) lb_groups.insert(g["Fn::GetAtt"][0].get<std::string>());
    std::set<long> world_ports;
    for (const auto& rule : samples::ingress_rules(n.t)) {
      if (rule.cidr.empty()) continue;
      EXPECT_EQ(rule.cidr, "0.0.0.0/0") << "unexpected CIDR rule";
      EXPECT_TRUE(lb_groups.contains(rule.group)) << rule.group << " is open to the world";
      EXPECT_EQ(rule.from, rule.to);
      world_ports.insert(rule.from);
    }
    EXPECT_EQ(world_ports, (std::set<long>{80, 443}));
    // samples::ingress_rules reads IPv4 rules; nothing is open over IPv6 either.
    for (const auto& [id, r] : n.t["Resources"].items()) {
      if (r["Type"] == "AWS::EC2::SecurityGroup")
        for (const auto& rule : r["Properties"].value("SecurityGroupIngress", Json::array()))
          EXPECT_FALSE(rule.contains("CidrIpv6")) << id;
      if (r["Type"] == "AWS::EC2::SecurityGroupIngress") EXPECT_FALSE(r["Properties"].contains("CidrIpv6")) << id;
    }
    // 443 terminates TLS with the certificate, 80 only redirects there.
    auto t = cdk::assertions::Template::from_stack(n.stack);
    t.has_resource_properties("AWS::ElasticLoadBalancingV2::Listener",
                              Match::object_like({{"Port", 443}, {"Protocol", "HTTPS"},
                                                  {"Certificates", Match::array_with({Match::any_value()})}}));
    t.has_resource_properties(
        "AWS::ElasticLoadBalancingV2::Listener",
        Match::object_like({{"Port", 80},
                            {"Protocol", "HTTP"},
                            {"DefaultActions", Match::array_with({Match::object_like(
                                                   {{"Type", "redirect"},
                                                    {"RedirectConfig", Match::object_like({{"Protocol", "HTTPS"},
                                                                                           {"Port", "443"}})}})})}}));
  }
}

TEST(Notejam, AppRunsOnFargateInPrivateSubnetsBehindANatGatewayPerAz) {
  Notejam n("prod");
  const auto nats = n.of_type("AWS::EC2::NatGateway");
  ASSERT_EQ(nats.size(), 2u);
  std::set<std::string> nat_subnets;
  for (const auto& nat : nats) nat_subnets.insert(nat["Properties"]["SubnetId"]["Ref"].get<std::string>());
  EXPECT_EQ(nat_subnets, samples::public_subnets(n.t)) << "one NAT gateway in each public subnet";
  const auto service = n.only("AWS::ECS::Service")["Properties"];
  EXPECT_EQ(service["LaunchType"], "FARGATE");
  const auto net = service["NetworkConfiguration"]["AwsvpcConfiguration"];
  EXPECT_EQ(net["AssignPublicIp"], "DISABLED");
  for (const auto& subnet : samples::refs_in(net["Subnets"])) EXPECT_THAT(subnet, HasSubstr("app"));
  cdk::assertions::Template::from_stack(n.stack).has_resource_properties(
      "AWS::ApplicationAutoScaling::ScalingPolicy",
      Match::object_like({{"TargetTrackingScalingPolicyConfiguration",
                           Match::object_like({{"PredefinedMetricSpecification",
                                                Match::object_like({{"PredefinedMetricType",
                                                                     "ECSServiceAverageCPUUtilization"}})}})}}));
}

TEST(Notejam, SecretsComeOnlyFromSecureStringParameters) {
  for (const auto& env : all_envs) {
    SCOPED_TRACE(env);
    Notejam n(env, {{"db_password_version", "3"}});
    EXPECT_TRUE(n.of_type("AWS::SecretsManager::Secret").empty());
    EXPECT_TRUE(n.of_type("AWS::SSM::Parameter").empty()) << "CloudFormation cannot make SecureStrings";
    // The only dynamic reference is the master password, to the SecureString's pinned version.
    std::vector<std::pair<std::string, std::string>> strings;
    strings_in(n.t["Resources"], "", strings);
    int references = 0;
    for (const auto& [at, s] : strings)
      if (s.find("{{resolve:") != std::string::npos) {
        ++references;
        EXPECT_EQ(s, "{{resolve:ssm-secure:/notejam/" + env + "/db-password:3}}") << at;
        EXPECT_THAT(at, ::testing::EndsWith("/Properties/MasterUserPassword")) << at;
      }
    EXPECT_EQ(references, 1);
    // The app gets its secrets from ECS at start, never as plain variables.
    const auto container = n.only("AWS::ECS::TaskDefinition")["Properties"]["ContainerDefinitions"][0];
    for (const auto& variable : container["Environment"])
      EXPECT_FALSE(looks_secret(variable["Name"].get<std::string>())) << variable["Name"];
    std::map<std::string, std::string> secrets;
    for (const auto& s : container["Secrets"]) secrets[s["Name"].get<std::string>()] = flat(s["ValueFrom"]);
    EXPECT_EQ(secrets.size(), 2u);
    EXPECT_THAT(secrets["DB_PASSWORD"], ::testing::EndsWith(":parameter/notejam/" + env + "/db-password"));
    EXPECT_THAT(secrets["SECRET_KEY"], ::testing::EndsWith(":parameter/notejam/" + env + "/secret-key"));
    // So does the migration build: CodeBuild reads them from Parameter Store.
    for (const auto& project : n.of_type("AWS::CodeBuild::Project"))
      for (const auto& variable : project["Properties"]["Environment"].value("EnvironmentVariables", Json::array()))
        if (looks_secret(variable["Name"].get<std::string>())) {
          EXPECT_EQ(variable["Type"], "PARAMETER_STORE") << variable["Name"];
          EXPECT_THAT(variable["Value"].get<std::string>(), ::testing::StartsWith("/notejam/" + env + "/"));
        }
  }
}

TEST(Notejam, ProdsLoadBalancerIsBehindAWebAclWithManagedRulesAndARateLimit) {
  Notejam prod("prod");
  const auto acl = prod.only("AWS::WAFv2::WebACL")["Properties"];
  EXPECT_EQ(acl["Scope"], "REGIONAL");
  EXPECT_TRUE(acl["DefaultAction"].contains("Allow"));
  std::vector<std::string> rules;
  for (const auto& r : acl["Rules"]) rules.push_back(r["Name"]);
  EXPECT_EQ(rules, (std::vector<std::string>{"AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet",
                                             "AWSManagedRulesSQLiRuleSet", "RateLimitPerAddress"}));
  EXPECT_EQ(acl["Rules"][3]["Statement"]["RateBasedStatement"]["Limit"], 2000);
  const auto association = prod.only("AWS::WAFv2::WebACLAssociation")["Properties"];
  std::set<std::string> lbs;
  for (const auto& [id, r] : prod.t["Resources"].items())
    if (r["Type"] == "AWS::ElasticLoadBalancingV2::LoadBalancer") lbs.insert(id);
  EXPECT_EQ(samples::refs_in(association["ResourceArn"]), lbs);
  Notejam dev("dev");
  EXPECT_TRUE(dev.of_type("AWS::WAFv2::WebACL").empty()) << "dev and test save the ACL's monthly charge";
}

TEST(Notejam, ProdIsProtectedAndBiggerThanDev) {
  Notejam dev("dev");
  Notejam prod("prod");
  EXPECT_TRUE(prod.stack.termination_protection());
  EXPECT_FALSE(dev.stack.termination_protection());

  const auto dev_db = dev.only("AWS::RDS::DBCluster");
  const auto prod_db = prod.only("AWS::RDS::DBCluster");
  EXPECT_EQ(prod_db["Properties"]["DeletionProtection"], true);
  EXPECT_EQ(dev_db["Properties"]["DeletionProtection"], false);
  EXPECT_EQ(prod_db["DeletionPolicy"], "Snapshot");
  EXPECT_EQ(prod_db["Properties"]["BackupRetentionPeriod"], 35);
  EXPECT_LT(dev_db["Properties"]["BackupRetentionPeriod"].get<int>(), 35);
  EXPECT_EQ(prod.of_type("AWS::RDS::DBInstance").size(), 2u) << "a writer and a failover replica in prod";
  EXPECT_EQ(Notejam("test").of_type("AWS::RDS::DBInstance").size(), 2u) << "test looks like prod";
  EXPECT_EQ(dev.of_type("AWS::RDS::DBInstance").size(), 1u);

  auto capacity = [](const Notejam& n, const std::string& dimension) {
    for (const auto& target : n.of_type("AWS::ApplicationAutoScaling::ScalableTarget"))
      if (target["Properties"]["ScalableDimension"] == dimension)
        return std::pair{target["Properties"]["MinCapacity"].get<int>(), target["Properties"]["MaxCapacity"].get<int>()};
    ADD_FAILURE() << "no scalable target for " << dimension;
    return std::pair{0, 0};
  };
  EXPECT_EQ(capacity(prod, "ecs:service:DesiredCount"), std::pair(2, 8)) << "four times the usual load";
  EXPECT_EQ(capacity(dev, "ecs:service:DesiredCount"), std::pair(1, 2));
  EXPECT_EQ(capacity(prod, "rds:cluster:ReadReplicaCount"), std::pair(1, 4));
  EXPECT_EQ(capacity(Notejam("test"), "rds:cluster:ReadReplicaCount"), std::pair(1, 2));
  EXPECT_EQ(dev.of_type("AWS::ApplicationAutoScaling::ScalableTarget").size(), 1u)
      << "dev has no reader, so no replica scaling";
  // Scaling owns the task count: a stack update must not reset it.
  EXPECT_FALSE(prod.only("AWS::ECS::Service")["Properties"].contains("DesiredCount"));
  EXPECT_EQ(prod.only("AWS::ECS::TaskDefinition")["Properties"]["Cpu"], "1024");
  EXPECT_EQ(dev.only("AWS::ECS::TaskDefinition")["Properties"]["Cpu"], "256");

  auto lb_protected = [](const Notejam& n) {
    const auto lb = n.only("AWS::ElasticLoadBalancingV2::LoadBalancer");
    for (const auto& a : lb["Properties"]["LoadBalancerAttributes"])
      if (a["Key"] == "deletion_protection.enabled") return a["Value"] == "true";
    return false;
  };
  EXPECT_TRUE(lb_protected(prod));
  EXPECT_FALSE(lb_protected(dev));

  auto stages = [](const Notejam& n) {
    std::vector<std::string> out;
    const auto pipeline = n.only("AWS::CodePipeline::Pipeline");
    for (const auto& s : pipeline["Properties"]["Stages"]) out.push_back(s["Name"]);
    return out;
  };
  EXPECT_EQ(stages(prod), (std::vector<std::string>{"Source", "Test", "Build", "Approve", "Migrate", "Deploy"}));
  EXPECT_EQ(stages(dev), (std::vector<std::string>{"Source", "Test", "Build", "Migrate", "Deploy"}));
  const auto pipeline = prod.only("AWS::CodePipeline::Pipeline");
  const auto approval = pipeline["Properties"]["Stages"][3]["Actions"][0];
  EXPECT_EQ(approval["ActionTypeId"]["Provider"], "Manual");
  EXPECT_EQ(samples::refs_in(approval["Configuration"]["NotificationArn"]).size(), 1u) << "the alarm topic is told";
}

TEST(Notejam, AFirstDeploymentStartsNoTaskUntilThePipelinePushedAnImage) {
  Notejam first("prod", {{"first_deploy", "true"}});
  EXPECT_EQ(first.only("AWS::ECS::Service")["Properties"]["DesiredCount"], 0);
  for (const auto& target : first.of_type("AWS::ApplicationAutoScaling::ScalableTarget"))
    if (target["Properties"]["ScalableDimension"] == "ecs:service:DesiredCount") {
      EXPECT_EQ(target["Properties"]["MinCapacity"], 0);
      EXPECT_EQ(target["Properties"]["MaxCapacity"], 8);
    }
  cdk::testing::keep_for_lint(first.stack);
  cdk::App typo(cdk::AppProps{.context = {{"env", "prod"}, {"first_deploy", "yes"}}});
  EXPECT_THROW((void)notejam::settings_from_context(typo), cdk::Error);
}

TEST(Notejam, PipelineBuildsFromGitHubAndDeploysToTheService) {
  Notejam n("test", {{"repository", "acme/notejam"}, {"branch", "release"}});
  const auto stages = n.only("AWS::CodePipeline::Pipeline")["Properties"]["Stages"];
  const auto source = stages[0]["Actions"][0];
  EXPECT_EQ(source["ActionTypeId"]["Provider"], "CodeStarSourceConnection");
  EXPECT_EQ(source["Configuration"]["FullRepositoryId"], "acme/notejam");
  EXPECT_EQ(source["Configuration"]["BranchName"], "release");
  const auto deploy = stages[stages.size() - 1]["Actions"][0];
  EXPECT_EQ(deploy["ActionTypeId"]["Provider"], "ECS");
  EXPECT_EQ(deploy["InputArtifacts"][0]["Name"], "Image");
  EXPECT_EQ(n.of_type("AWS::CodeBuild::Project").size(), 3u);
  int in_vpc = 0;
  for (const auto& project : n.of_type("AWS::CodeBuild::Project")) {
    EXPECT_EQ(project["Properties"]["LogsConfig"]["CloudWatchLogs"]["Status"], "ENABLED");
    if (project["Properties"].contains("VpcConfig")) ++in_vpc;
  }
  EXPECT_EQ(in_vpc, 1) << "only the migration build runs in the VPC";
  n.only("AWS::CodeStarConnections::Connection");
}

TEST(Notejam, LogsAndAlarmsGoToCloudWatchAndOneTopic) {
  Notejam n("prod", {{"alarm_email", "ops@example.com"}});
  const auto alarms = n.of_type("AWS::CloudWatch::Alarm");
  EXPECT_EQ(alarms.size(), 4u);
  for (const auto& alarm : alarms) EXPECT_EQ(samples::refs_in(alarm["Properties"]["AlarmActions"]).size(), 1u);
  auto t = cdk::assertions::Template::from_stack(n.stack);
  t.has_resource_properties("AWS::SNS::Subscription", Match::object_like({{"Protocol", "email"}, {"Endpoint", "ops@example.com"}}));
  t.has_resource_properties("AWS::Logs::LogGroup", Match::object_like({{"LogGroupName", "/notejam/prod/app"}, {"RetentionInDays", 365}}));
  t.has_resource_properties("AWS::Logs::LogGroup", Match::object_like({{"LogGroupName", "/notejam/prod/build"}}));
  t.has_resource_properties("AWS::RDS::DBCluster", Match::object_like({{"EnableCloudwatchLogsExports", Match::array_with({"error", "slowquery"})}}));
  EXPECT_TRUE(Notejam("dev").of_type("AWS::SNS::Subscription").empty()) << "no subscription without an address";
}

TEST(Notejam, AnUnknownEnvironmentIsAClearErrorSayingWhatToDo) {
  cdk::App app(cdk::AppProps{.context = {{"env", "staging"}}});
  try {
    (void)notejam::settings_from_context(app);
    FAIL() << "staging was accepted";
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.diagnostic().message, HasSubstr("'staging'"));
    EXPECT_THAT(e.diagnostic().hint, HasSubstr("-c env=dev"));
    EXPECT_THAT(e.diagnostic().hint, HasSubstr("-c env=prod"));
  }
  EXPECT_TRUE(app.node().children().empty()) << "nothing was built";
  cdk::App bad_version(cdk::AppProps{.context = {{"env", "dev"}, {"db_password_version", "latest"}}});
  EXPECT_THROW((void)notejam::settings_from_context(bad_version), cdk::Error);
}

namespace {

struct Delivery {
  explicit Delivery(std::map<std::string, std::string> context) : app(cdk::AppProps{.context = std::move(context)}) {}
  cdk::App app;
  cdk::Stack& stack = notejam::build_delivery(app, notejam::settings_from_context(app), notejam::delivery_from_context(app));
  Json t = Json::parse(samples::template_text(stack));
};

const std::map<std::string, std::string> delivery_context = {
    {"delivery", "true"}, {"account", "111111111111"}, {"infra_repository", "acme/notejam-infra"}};

}  // namespace

TEST(Notejam, DeliveryDeploysDevThenTestThenProdAfterAnApproval) {
  Delivery d(delivery_context);
  for (const char* id : {"Dev/Notejam", "Test/Notejam", "Prod/Notejam"}) {
    const auto* env = dynamic_cast<const cdk::Stack*>(d.app.node().try_find(id));
    ASSERT_NE(env, nullptr) << id;
    EXPECT_EQ(env->account(), cdk::Value("111111111111")) << id;
  }
  Json pipeline;
  for (const auto& [id, r] : d.t["Resources"].items())
    if (r["Type"] == "AWS::CodePipeline::Pipeline") pipeline = r["Properties"];
  std::vector<std::string> names;
  for (const auto& stage : pipeline["Stages"]) names.push_back(stage["Name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"Source", "Build", "UpdatePipeline", "Dev", "Test", "Prod"}));
  EXPECT_EQ(pipeline["Stages"][0]["Actions"][0]["Configuration"]["FullRepositoryId"], "acme/notejam-infra");
  const auto& prod = pipeline["Stages"][5]["Actions"];
  ASSERT_EQ(prod.size(), 3u);
  EXPECT_EQ(prod[0]["ActionTypeId"]["Provider"], "Manual");
  EXPECT_EQ(prod[1]["Configuration"]["StackName"], "notejam-prod");
  EXPECT_GT(prod[1]["RunOrder"].get<int>(), prod[0]["RunOrder"].get<int>());
  // The pipeline's synth builds this same app: the context goes back to the program.
  std::string spec;
  for (const auto& [id, r] : d.t["Resources"].items())
    if (r["Type"] == "AWS::CodeBuild::Project") spec += r["Properties"]["Source"]["BuildSpec"].get<std::string>();
  EXPECT_THAT(spec, HasSubstr("notejam --out \\\"cdk.out\\\" -c \\\"account=111111111111\\\""));
  EXPECT_THAT(spec, HasSubstr("-c \\\"delivery=true\\\""));
  cdk::testing::keep_for_lint(d.stack);
}

TEST(Notejam, DeliveryNeedsAnAccountAndNoSingleDomain) {
  auto without = delivery_context;
  without.erase("account");
  EXPECT_THROW(Delivery{without}, cdk::Error);
  auto domain = delivery_context;
  domain["domain"] = "notes.example.com";
  EXPECT_THROW(Delivery{domain}, cdk::Error);
  auto bad = delivery_context;
  bad["account"] = "12345";
  EXPECT_THROW(Delivery{bad}, cdk::Error);
}

// --- Static files through CloudFront (cdn.hpp) ----------------------------------

namespace {

const std::string cdn_certificate = "arn:aws:acm:us-east-1:111111111111:certificate/0a1b2c3d-0000-4000-8000-000000000001";

/// The logical id of the resource of `type` whose id starts with `prefix`.
std::string id_of(const Notejam& n, const std::string& type, const std::string& prefix = "") {
  std::string out;
  for (const auto& [id, r] : n.t["Resources"].items())
    if (r["Type"] == type && id.starts_with(prefix)) {
      EXPECT_EQ(out, "") << "two " << type << " start with \"" << prefix << "\"";
      out = id;
    }
  return out;
}

/// cdk-nag's suppressed rule ids in a resource's Metadata.
std::set<std::string> nag_suppressed(const Json& resource) {
  std::set<std::string> out;
  const auto metadata = resource.value("Metadata", Json::object());
  if (metadata.contains("cdk_nag"))
    for (const auto& e : metadata["cdk_nag"]["rules_to_suppress"]) out.insert(e["id"].get<std::string>());
  return out;
}

}  // namespace

TEST(Notejam, StaticFilesComeFromAPrivateEncryptedBucketThroughCloudFront) {
  for (const auto& env : all_envs) {
    SCOPED_TRACE(env);
    Notejam n(env);
    auto t = cdk::assertions::Template::from_stack(n.stack);
    const std::string bucket = id_of(n, "AWS::S3::Bucket", "StaticFiles");
    ASSERT_NE(bucket, "");
    const auto files = n.t["Resources"][bucket]["Properties"];
    EXPECT_EQ(files["PublicAccessBlockConfiguration"],
              (Json{{"BlockPublicAcls", true}, {"BlockPublicPolicy", true}, {"IgnorePublicAcls", true},
                    {"RestrictPublicBuckets", true}}));
    EXPECT_EQ(files["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]["ServerSideEncryptionByDefault"]["SSEAlgorithm"],
              "AES256");
    // Only CloudFront reads it, for this distribution only, through the origin access control.
    const std::string cdn = id_of(n, "AWS::CloudFront::Distribution");
    t.has_resource_properties("AWS::S3::BucketPolicy", Match::object_like({{"PolicyDocument", Match::object_like({
        {"Statement", Match::array_with({Match::object_like({
            {"Action", "s3:GetObject"}, {"Effect", "Allow"},
            {"Principal", Match::object_like({{"Service", "cloudfront.amazonaws.com"}})},
            {"Condition", Match::object_like({{"StringEquals", Match::object_like({{"AWS:SourceArn", Match::any_value()}})}})}})})}})}}));
    EXPECT_EQ(n.of_type("AWS::CloudFront::OriginAccessControl").size(), 1u);
    const auto config = n.only("AWS::CloudFront::Distribution")["Properties"]["DistributionConfig"];
    ASSERT_EQ(config["Origins"].size(), 1u) << "without a certificate CloudFront serves the bucket only";
    EXPECT_EQ(config["Origins"][0]["DomainName"]["Fn::GetAtt"][0], bucket);
    EXPECT_EQ(config["DefaultCacheBehavior"]["ViewerProtocolPolicy"], "redirect-to-https");
    EXPECT_FALSE(config.contains("Aliases"));
    // The app links its static files there; the domain stays on the load balancer.
    const auto container = n.only("AWS::ECS::TaskDefinition")["Properties"]["ContainerDefinitions"][0];
    std::map<std::string, Json> vars;
    for (const auto& v : container["Environment"]) vars[v["Name"].get<std::string>()] = v["Value"];
    EXPECT_EQ(vars["STATIC_URL"], (Json{{"Fn::Join", {"", {"https://", {{"Fn::GetAtt", {cdn, "DomainName"}}}, "/static/"}}}}));
    EXPECT_EQ(vars["STATIC_BUCKET"], (Json{{"Ref", bucket}}));
    const auto record = n.only("AWS::Route53::RecordSet")["Properties"];
    EXPECT_EQ(record["AliasTarget"]["DNSName"].dump().find(cdn), std::string::npos) << "the domain is the load balancer's";
    // *.cloudfront.net accepts TLSv1: accepted, with the reason in the template for every tool.
    const auto suppressed = nag_suppressed(n.t["Resources"][cdn]);
    EXPECT_TRUE(suppressed.contains("AwsSolutions-CFR4"));
    EXPECT_TRUE(suppressed.contains("AwsSolutions-CFR2"));
    EXPECT_THAT(n.t["Resources"][cdn]["Metadata"].dump(), HasSubstr("whose TLS policy CloudFront fixes"));
  }
}

TEST(Notejam, WithAUsEast1CertificateCloudFrontServesTheSiteAtItsDomain) {
  for (const auto& env : all_envs) {
    SCOPED_TRACE(env);
    Notejam n(env, {{"cdn_certificate_arn", cdn_certificate}});
    EXPECT_THAT(samples::security_findings(n.app), ::testing::IsEmpty());
    cdk::testing::keep_for_lint(n.stack);
    const std::string cdn = id_of(n, "AWS::CloudFront::Distribution");
    const std::string lb = id_of(n, "AWS::ElasticLoadBalancingV2::LoadBalancer");
    const auto config = n.only("AWS::CloudFront::Distribution")["Properties"]["DistributionConfig"];
    const std::string domain = env == "prod" ? "notejam.example.com" : env + ".notejam.example.com";
    EXPECT_EQ(config["Aliases"], Json::array({domain}));
    EXPECT_EQ(config["ViewerCertificate"], (Json{{"AcmCertificateArn", cdn_certificate},
                                                 {"MinimumProtocolVersion", "TLSv1.2_2021"},
                                                 {"SslSupportMethod", "sni-only"}}));
    // Pages from the load balancer over HTTPS, uncached, with the viewer's Host (the listener's certificate's name).
    std::map<std::string, Json> origins;
    for (const auto& o : config["Origins"]) origins[o["Id"].get<std::string>()] = o;
    const auto& pages = origins.at(config["DefaultCacheBehavior"]["TargetOriginId"].get<std::string>());
    EXPECT_EQ(pages["DomainName"], (Json{{"Fn::GetAtt", {lb, "DNSName"}}}));
    EXPECT_EQ(pages["CustomOriginConfig"]["OriginProtocolPolicy"], "https-only");
    EXPECT_EQ(pages["CustomOriginConfig"]["OriginSSLProtocols"], Json::array({"TLSv1.2"}));
    EXPECT_EQ(config["DefaultCacheBehavior"]["CachePolicyId"], "4135ea2d-6df8-44a3-9df3-4b5a84be39ad");  // CachingDisabled
    EXPECT_EQ(config["DefaultCacheBehavior"]["OriginRequestPolicyId"], "216adef6-5c7f-47e4-b989-5492eafa07d3");  // AllViewer
    EXPECT_EQ(config["DefaultCacheBehavior"]["AllowedMethods"].size(), 7u) << "forms post through CloudFront";
    // /static/* from the bucket, cached.
    ASSERT_EQ(config["CacheBehaviors"].size(), 1u);
    const auto& files = config["CacheBehaviors"][0];
    EXPECT_EQ(files["PathPattern"], "/static/*");
    EXPECT_EQ(origins.at(files["TargetOriginId"].get<std::string>())["DomainName"]["Fn::GetAtt"][0],
              id_of(n, "AWS::S3::Bucket", "StaticFiles"));
    EXPECT_EQ(files["CachePolicyId"], "658327ea-f89d-4fab-a63d-7e88639e58f6");  // CachingOptimized
    // The domain (IPv4 and IPv6) points at CloudFront; no TLS suppression is needed.
    std::set<std::string> types;
    for (const auto& r : n.of_type("AWS::Route53::RecordSet")) {
      types.insert(r["Properties"]["Type"].get<std::string>());
      EXPECT_EQ(r["Properties"]["Name"], domain + ".");
      EXPECT_EQ(r["Properties"]["AliasTarget"]["HostedZoneId"], "Z2FDTNDATAQYW2");
      EXPECT_EQ(r["Properties"]["AliasTarget"]["DNSName"], (Json{{"Fn::GetAtt", {cdn, "DomainName"}}}));
    }
    EXPECT_EQ(types, (std::set<std::string>{"A", "AAAA"}));
    EXPECT_FALSE(nag_suppressed(n.t["Resources"][cdn]).contains("AwsSolutions-CFR4"));
    const auto container = n.only("AWS::ECS::TaskDefinition")["Properties"]["ContainerDefinitions"][0];
    for (const auto& v : container["Environment"])
      if (v["Name"] == "STATIC_URL") EXPECT_EQ(v["Value"], "https://" + domain + "/static/");
  }
}

TEST(Notejam, BehindCloudFrontProdsRateLimitCountsTheViewersAddress) {
  Notejam prod("prod", {{"cdn_certificate_arn", cdn_certificate}});
  const auto rate = prod.only("AWS::WAFv2::WebACL")["Properties"]["Rules"][3]["Statement"]["RateBasedStatement"];
  EXPECT_EQ(rate["AggregateKeyType"], "FORWARDED_IP");
  EXPECT_EQ(rate["ForwardedIPConfig"], (Json{{"FallbackBehavior", "MATCH"}, {"HeaderName", "X-Forwarded-For"}}));
  Notejam direct("prod");
  EXPECT_EQ(direct.only("AWS::WAFv2::WebACL")["Properties"]["Rules"][3]["Statement"]["RateBasedStatement"]["AggregateKeyType"], "IP");
}

TEST(Notejam, ACloudFrontWebAclByContextProtectsTheDistribution) {
  const std::string acl = "arn:aws:wafv2:us-east-1:111111111111:global/webacl/notejam/a1b2c3d4-0000-4000-8000-000000000001";
  Notejam n("prod", {{"cdn_certificate_arn", cdn_certificate}, {"cdn_web_acl_arn", acl}});
  EXPECT_THAT(samples::security_findings(n.app), ::testing::IsEmpty());
  const std::string cdn = id_of(n, "AWS::CloudFront::Distribution");
  EXPECT_EQ(n.t["Resources"][cdn]["Properties"]["DistributionConfig"]["WebACLId"], acl);
  EXPECT_FALSE(nag_suppressed(n.t["Resources"][cdn]).contains("AwsSolutions-CFR2"));
}

TEST(Notejam, TheAppsTasksMayWriteTheStaticFilesAndNothingElseOfTheBucket) {
  Notejam n("dev");
  const std::string bucket = id_of(n, "AWS::S3::Bucket", "StaticFiles");
  std::vector<Json> statements;
  for (const auto& p : n.of_type("AWS::IAM::Policy"))
    for (const auto& s : p["Properties"]["PolicyDocument"]["Statement"])
      if (s.dump().find("\"" + bucket + "\"") != std::string::npos) statements.push_back(s);
  ASSERT_EQ(statements.size(), 2u) << "only the task role is granted the bucket";
  EXPECT_EQ(statements[0]["Action"], Json::array({"s3:GetObject", "s3:PutObject"}));
  EXPECT_EQ(statements[0]["Resource"], (Json{{"Fn::Join", {"", {{{"Fn::GetAtt", {bucket, "Arn"}}}, "/static/*"}}}}));
  EXPECT_EQ(statements[1]["Action"], "s3:ListBucket");
  EXPECT_EQ(statements[1]["Resource"], (Json{{"Fn::GetAtt", {bucket, "Arn"}}}));
}

TEST(Notejam, CloudFrontContextIsCheckedWithAClearError) {
  const auto error_for = [](std::map<std::string, std::string> context) -> std::string {
    context.emplace("env", "dev");
    cdk::App app(cdk::AppProps{.context = std::move(context)});
    try {
      (void)notejam::settings_from_context(app);
    } catch (const cdk::Error& e) {
      return e.diagnostic().message + " | " + e.diagnostic().hint;
    }
    return "";
  };
  EXPECT_THAT(error_for({{"cdn_certificate_arn", "arn:aws:acm:eu-west-1:111111111111:certificate/x"}}),
              HasSubstr("not an ACM certificate in us-east-1"));
  EXPECT_THAT(error_for({{"cdn_web_acl_arn", "arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/x/y"}}),
              HasSubstr("not a CLOUDFRONT-scoped web ACL in us-east-1"));
  EXPECT_THAT(error_for({{"cdn_certificate_arn", cdn_certificate}, {"delivery", "true"}}), HasSubstr("delivery builds three"));
  EXPECT_EQ(error_for({{"cdn_certificate_arn", cdn_certificate}}), "");
}

TEST(Notejam, DeliveryPutsProdInAnotherAccountWithItsOwnZone) {
  auto context = delivery_context;
  context["prod_account"] = "222222222222";
  context["prod_zone_id"] = "Z0PROD0000000000000000";
  Delivery d(context);
  const auto* prod = dynamic_cast<const cdk::Stack*>(d.app.node().try_find("Prod/Notejam"));
  ASSERT_NE(prod, nullptr);
  EXPECT_EQ(prod->account(), cdk::Value("222222222222"));
  const auto* test = dynamic_cast<const cdk::Stack*>(d.app.node().try_find("Test/Notejam"));
  EXPECT_EQ(test->account(), cdk::Value("111111111111"));
  EXPECT_THAT(samples::template_text(const_cast<cdk::Stack&>(*prod)), HasSubstr("Z0PROD0000000000000000"));
  std::string roles;
  int keys = 0;
  for (const auto& [id, r] : d.t["Resources"].items()) {
    if (r["Type"] == "AWS::KMS::Key") ++keys;
    if (r["Type"] == "AWS::CodePipeline::Pipeline")
      for (const auto& a : r["Properties"]["Stages"][5]["Actions"]) roles += a.value("RoleArn", Json::object()).dump();
  }
  EXPECT_EQ(keys, 1);
  EXPECT_THAT(roles, HasSubstr("cdk-hnb659fds-deploy-role-222222222222-eu-west-1"));
  cdk::testing::keep_for_lint(d.stack);
  auto without_zone = context;
  without_zone.erase("prod_zone_id");
  EXPECT_THROW(Delivery{without_zone}, cdk::Error);
}

// --- Stages: each environment is a cdk::Stage ------------------------------------

TEST(Notejam, EachEnvironmentIsAStageWhoseStackKeepsItsName) {
  for (const auto& env : all_envs) {
    Notejam n(env);
    const auto* stage = cdk::Stage::of(n.stack);
    ASSERT_NE(stage, nullptr) << env;
    EXPECT_EQ(stage->node().path(), std::string(1, static_cast<char>(std::toupper(env[0]))) + env.substr(1));
    EXPECT_EQ(n.stack.node().path(), stage->node().path() + "/Notejam");
    // The name deployed before stages, not the stage default "<Stage>-Notejam".
    EXPECT_EQ(n.stack.stack_name(), "notejam-" + env);
    EXPECT_EQ(n.stack.environment_uri(), "aws://unknown-account/eu-west-1");
  }
}

TEST(Notejam, AllBuildsTheThreeStagesAndTheCommandsPickOneByPattern) {
  cdktest::TempDir dir;
  cdktest::ScopedCwd cwd{dir.path()};
  cdk::App app(cdk::AppProps{.context = {{"env", "all"}, {"account", "111111111111"}}});
  const auto stacks = notejam::build_all(app, notejam::settings_from_context(app));
  ASSERT_EQ(stacks.size(), 3u);
  EXPECT_EQ(stacks.at("prod")->account(), cdk::Value("111111111111"));
  EXPECT_EQ(stacks.at("test")->stack_name(), "notejam-test");
  auto r = cdk::testing::run(app, {"list", "Prod/*"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "Prod/Notejam\n");
  r = cdk::testing::run(app, {"list", "notejam-test"});
  EXPECT_EQ(r.out, "Test/Notejam\n");
}

TEST(Notejam, AllRefusesSettingsThatNameOneEnvironment) {
  cdk::App domain(cdk::AppProps{.context = {{"env", "all"}, {"domain", "notes.example.com"}}});
  EXPECT_THROW(notejam::build_all(domain, notejam::settings_from_context(domain)), cdk::Error);
  cdk::App cdn(cdk::AppProps{.context = {{"env", "all"}, {"cdn_certificate_arn", cdn_certificate}}});
  EXPECT_THROW((void)notejam::settings_from_context(cdn), cdk::Error);
}

TEST(Notejam, DeliveryDeploysEachStagesTemplateFromItsNestedAssembly) {
  Delivery d(delivery_context);
  Json prod;
  for (const auto& [id, r] : d.t["Resources"].items())
    if (r["Type"] == "AWS::CodePipeline::Pipeline") prod = r["Properties"]["Stages"][5];
  const auto* stack = dynamic_cast<const cdk::Stack*>(d.app.node().try_find("Prod/Notejam"));
  ASSERT_NE(stack, nullptr);
  EXPECT_EQ(prod["Actions"][1]["Name"], "notejam-prod.Prepare");
  EXPECT_EQ(prod["Actions"][1]["Configuration"]["TemplatePath"],
            "Synth_Output::assembly-Prod/" + stack->artifact_id() + ".template.json");
}

TEST(Notejam, SecurityGroupRulesKeepTheLogicalIdsOfTheTopLevelStacks) {
  // Named after the peer group's unique id, which the stage changed; kept as
  // they were in NotejamDev, so that an update does not make a second,
  // identical rule (EC2 refuses it) before deleting the first.
  Notejam n("dev");
  EXPECT_TRUE(n.t["Resources"].contains("DatabaseSecurityGroupfromNotejamDevPipelineMigrationSecurityGroupD7D32DA233060491FAE1"));
  EXPECT_TRUE(n.t["Resources"].contains("LbSecurityGrouptoNotejamDevServiceSecurityGroupAD052675800073D17621"));
  cdk::App app(cdk::AppProps{.context = {{"env", "dev"}}});
  auto& stack = notejam::build(app, notejam::settings_from_context(app));
  EXPECT_EQ(notejam::keep_ids_from_before_stages(stack, "NotejamDev"), 0);  // each kept once
}
