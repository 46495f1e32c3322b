#include "gifmachine/gifmachine.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cdk/assertions.hpp>
#include <cdk/error.hpp>
#include <set>
#include <string>
#include <vector>

#include "sample_checks.hpp"
#include "support/lint.hpp"
#include "synth/synthesizer.hpp"

using cdk::assertions::Match;
using samples::Json;
using ::testing::HasSubstr;
using nlohmann::literals::operator""_json_pointer;

namespace {

struct Gifmachine {
  cdk::App app;
  gifmachine::Stacks stacks = gifmachine::build(app, gifmachine::Settings{});
  Json main = Json::parse(samples::template_text(stacks.main));
  Json monitoring = Json::parse(samples::template_text(stacks.monitoring));
  Json cicd = Json::parse(samples::template_text(stacks.cicd));
};

// ---- helpers over the template JSON ----

/// Logical ids of resources of one type.
std::vector<std::string> of_type(const Json& t, const std::string& type) {
  std::vector<std::string> out;
  for (const auto& [id, r] : t["Resources"].items())
    if (r["Type"] == type) out.push_back(id);
  return out;
}

/// The logical id a {"Fn::GetAtt": [id, ...]} or {"Ref": id} points at, or "".
std::string target_of(const Json& v) {
  if (v.is_object() && v.contains("Fn::GetAtt")) return v["Fn::GetAtt"][0].get<std::string>();
  if (v.is_object() && v.contains("Ref")) return v["Ref"].get<std::string>();
  return {};
}

/// Ingress into `group` from other security groups: the source groups' logical ids.
std::set<std::string> source_groups_into(const Json& t, const std::string& group) {
  std::set<std::string> out;
  for (const auto& [id, r] : t["Resources"].items()) {
    if (r["Type"] == "AWS::EC2::SecurityGroupIngress" && target_of(r["Properties"]["GroupId"]) == group &&
        r["Properties"].contains("SourceSecurityGroupId"))
      out.insert(target_of(r["Properties"]["SourceSecurityGroupId"]));
    if (r["Type"] == "AWS::EC2::SecurityGroup" && id == group && r["Properties"].contains("SecurityGroupIngress"))
      for (const auto& rule : r["Properties"]["SecurityGroupIngress"])
        if (rule.contains("SourceSecurityGroupId")) out.insert(target_of(rule["SourceSecurityGroupId"]));
  }
  return out;
}

/// Every ingress rule with an address range, as {group, cidr, from, to}; a
/// range given as a token (the VPC's CIDR block) shows as its JSON text.
std::vector<samples::Ingress> cidr_ingress(const Json& t) {
  std::vector<samples::Ingress> out;
  auto add = [&](const std::string& group, const Json& p) {
    if (!p.contains("CidrIp")) return;
    const std::string cidr = p["CidrIp"].is_string() ? p["CidrIp"].get<std::string>() : p["CidrIp"].dump();
    out.push_back({group, cidr, p.value("FromPort", -1L), p.value("ToPort", -1L)});
  };
  for (const auto& [id, r] : t["Resources"].items()) {
    if (r["Type"] == "AWS::EC2::SecurityGroup" && r["Properties"].contains("SecurityGroupIngress"))
      for (const auto& p : r["Properties"]["SecurityGroupIngress"]) add(id, p);
    if (r["Type"] == "AWS::EC2::SecurityGroupIngress") add(target_of(r["Properties"]["GroupId"]), r["Properties"]);
  }
  return out;
}

/// The jumpbox instance's security group.
std::string jumpbox_group(const Json& t) {
  for (const auto& id : of_type(t, "AWS::EC2::Instance"))
    if (id.starts_with("Jumpbox")) return target_of(t["Resources"][id]["Properties"]["SecurityGroupIds"][0]);
  return {};
}

/// Every export name a template declares.
std::set<std::string> export_names(const Json& t) {
  std::set<std::string> out;
  const Json outputs = t.value("Outputs", Json::object());
  for (const auto& [id, o] : outputs.items())
    if (o.contains("Export")) out.insert(o["Export"]["Name"].get<std::string>());
  return out;
}

/// Every name a template imports with Fn::ImportValue, at any depth.
void collect_imports(const Json& j, std::set<std::string>& out) {
  if (j.is_object()) {
    if (j.contains("Fn::ImportValue") && j["Fn::ImportValue"].is_string())
      out.insert(j["Fn::ImportValue"].get<std::string>());
    for (const auto& [k, v] : j.items()) collect_imports(v, out);
  } else if (j.is_array()) {
    for (const auto& v : j) collect_imports(v, out);
  }
}
std::set<std::string> imports_of(const Json& t) {
  std::set<std::string> out;
  collect_imports(t, out);
  return out;
}

/// The message of the cdk::Error that building with these tags throws ("" if none).
std::string rejection(const std::string& environment, const std::string& company, cdk::App& app) {
  gifmachine::Settings s;
  s.environment = environment;
  s.company = company;
  try {
    gifmachine::build(app, s);
  } catch (const cdk::Error& e) {
    return e.what();
  }
  return {};
}

}  // namespace

TEST(Gifmachine, EachStackMatchesItsGoldenTemplateAndLints) {
  Gifmachine g;
  for (cdk::Stack* stack : {&g.stacks.main, &g.stacks.monitoring, &g.stacks.cicd}) {
    samples::expect_matches_golden("gifmachine", *stack);
    cdk::testing::keep_for_lint(*stack);
  }
}

TEST(Gifmachine, PassesTheSecurityRulesWithAReasonedSuppression) {
  Gifmachine g;
  EXPECT_THAT(samples::security_findings(g.app), ::testing::IsEmpty());
}

TEST(Gifmachine, SynthesisIsDeterministic) {
  Gifmachine a;
  Gifmachine b;
  EXPECT_EQ(samples::template_text(a.stacks.main), samples::template_text(b.stacks.main));
  EXPECT_EQ(samples::template_text(a.stacks.monitoring), samples::template_text(b.stacks.monitoring));
  EXPECT_EQ(samples::template_text(a.stacks.cicd), samples::template_text(b.stacks.cicd));
}

TEST(Gifmachine, DatabaseIsIsolatedEncryptedAndReachableOnlyFromTheServiceAndTheJumpbox) {
  Gifmachine g;
  const auto public_ids = samples::public_subnets(g.main);
  ASSERT_FALSE(public_ids.empty());
  const auto groups = of_type(g.main, "AWS::RDS::DBSubnetGroup");
  ASSERT_EQ(groups.size(), 1u);
  for (const auto& subnet : samples::refs_in(g.main["Resources"][groups[0]]["Properties"]["SubnetIds"])) {
    EXPECT_FALSE(public_ids.contains(subnet)) << subnet << " is public";
    EXPECT_THAT(subnet, HasSubstr("data")) << "database subnets are the isolated data tier";
  }
  const auto instances = of_type(g.main, "AWS::RDS::DBInstance");
  ASSERT_EQ(instances.size(), 1u);
  const auto& db = g.main["Resources"][instances[0]]["Properties"];
  EXPECT_EQ(db["Engine"], "postgres");
  EXPECT_NE(db.value("PubliclyAccessible", false), true);
  EXPECT_EQ(db.value("StorageEncrypted", false), true);
  EXPECT_EQ(db.value("DeletionProtection", false), true);

  ASSERT_EQ(db["VPCSecurityGroups"].size(), 1u);
  const std::string db_group = target_of(db["VPCSecurityGroups"][0]);
  const auto services = of_type(g.main, "AWS::ECS::Service");
  ASSERT_EQ(services.size(), 1u);
  const std::string service_group = target_of(g.main["Resources"][services[0]]["Properties"]["NetworkConfiguration"]
                                                    ["AwsvpcConfiguration"]["SecurityGroups"][0]);
  const std::string jumpbox = jumpbox_group(g.main);
  ASSERT_FALSE(jumpbox.empty());
  EXPECT_EQ(source_groups_into(g.main, db_group), (std::set<std::string>{service_group, jumpbox}));
  for (const auto& rule : cidr_ingress(g.main))
    EXPECT_FALSE(rule.group == db_group && !rule.cidr.empty()) << "the database admits an address range: " << rule.cidr;
}

TEST(Gifmachine, OnlyTheLoadBalancerIsOpenToTheWorldAndOnlyOnPort80) {
  Gifmachine g;
  const auto lbs = of_type(g.main, "AWS::ElasticLoadBalancingV2::LoadBalancer");
  ASSERT_EQ(lbs.size(), 1u);
  const auto& lb = g.main["Resources"][lbs[0]]["Properties"];
  EXPECT_EQ(lb["Scheme"], "internet-facing");
  std::set<std::string> lb_groups;
  for (const auto& sg : lb["SecurityGroups"]) lb_groups.insert(target_of(sg));
  int world_open = 0;
  for (const Json* t : {&g.main, &g.monitoring, &g.cicd})
    for (const auto& rule : cidr_ingress(*t)) {
      if (rule.cidr != "0.0.0.0/0") continue;
      ++world_open;
      EXPECT_TRUE(lb_groups.contains(rule.group)) << rule.group << " is open to the world";
      EXPECT_EQ(rule.from, 80);
      EXPECT_EQ(rule.to, 80);
    }
  EXPECT_EQ(world_open, 1);
  // The jumpbox is reached through Session Manager: nothing may connect to it.
  const std::string jumpbox = jumpbox_group(g.main);
  ASSERT_FALSE(jumpbox.empty());
  EXPECT_FALSE(g.main["Resources"][jumpbox]["Properties"].contains("SecurityGroupIngress"));
  EXPECT_TRUE(source_groups_into(g.main, jumpbox).empty());
  for (const auto& rule : cidr_ingress(g.main)) EXPECT_NE(rule.group, jumpbox) << "the jumpbox admits " << rule.cidr;
}

TEST(Gifmachine, TheServiceRunsOnFargateInPrivateSubnetsUnderCodeDeployWithTwoTargetGroups) {
  Gifmachine g;
  auto t = cdk::assertions::Template::from_stack(g.stacks.main);
  t.has_resource_properties(
      "AWS::ECS::Service",
      Match::object_like(
          {{"LaunchType", "FARGATE"},
           {"DeploymentController", Match::object_equals({{"Type", "CODE_DEPLOY"}})},
           {"DeploymentConfiguration", Match::object_like({{"DeploymentCircuitBreaker", Match::absent()}})}}));
  t.resource_count_is("AWS::ElasticLoadBalancingV2::TargetGroup", 2);
  t.has_resource_properties(
      "AWS::ElasticLoadBalancingV2::TargetGroup",
      Match::object_like(
          {{"Name", "prod-dundermiff-blue"}, {"Protocol", "TCP"}, {"Port", 4567}, {"TargetType", "ip"}}));
  t.has_resource_properties(
      "AWS::ElasticLoadBalancingV2::TargetGroup",
      Match::object_like(
          {{"Name", "prod-dundermiff-green"}, {"Protocol", "TCP"}, {"Port", 4567}, {"TargetType", "ip"}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::Listener",
                            Match::object_like({{"Port", 80}, {"Protocol", "TCP"}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::Listener",
                            Match::object_like({{"Port", 8080}, {"Protocol", "TCP"}}));
  const auto services = of_type(g.main, "AWS::ECS::Service");
  ASSERT_EQ(services.size(), 1u);
  const auto public_ids = samples::public_subnets(g.main);
  const auto& svc = g.main["Resources"][services[0]]["Properties"];
  EXPECT_EQ(svc["NetworkConfiguration"]["AwsvpcConfiguration"]["AssignPublicIp"], "DISABLED");
  for (const auto& subnet : samples::refs_in(svc["NetworkConfiguration"]["AwsvpcConfiguration"]["Subnets"]))
    EXPECT_FALSE(public_ids.contains(subnet)) << subnet;
  // Credentials reach the container as secrets, never as plain environment.
  const auto tasks = of_type(g.main, "AWS::ECS::TaskDefinition");
  ASSERT_EQ(tasks.size(), 1u);
  const auto& container = g.main["Resources"][tasks[0]]["Properties"]["ContainerDefinitions"][0];
  std::set<std::string> secrets, plain;
  for (const auto& s : container["Secrets"]) secrets.insert(s["Name"].get<std::string>());
  for (const auto& e : container["Environment"]) plain.insert(e["Name"].get<std::string>());
  EXPECT_EQ(secrets, (std::set<std::string>{"GIFMACHINE_PASSWORD", "PGPASSWORD", "PGUSER"}));
  EXPECT_FALSE(plain.contains("PGPASSWORD"));
  EXPECT_TRUE(plain.contains("PGHOST"));
}

TEST(Gifmachine, TheVpcGoesOutThroughOneNatInstanceNotANatGateway) {
  Gifmachine g;
  auto t = cdk::assertions::Template::from_stack(g.stacks.main);
  t.resource_count_is("AWS::EC2::NatGateway", 0);
  t.has_resource_properties("AWS::EC2::Instance",
                            Match::object_like({{"InstanceType", "t3.nano"}, {"SourceDestCheck", false}}));
  int nat_routes = 0;
  for (const auto& [id, r] : g.main["Resources"].items())
    if (r["Type"] == "AWS::EC2::Route" && r["Properties"].contains("InstanceId")) ++nat_routes;
  EXPECT_EQ(nat_routes, 2) << "both app subnets route through the NAT instance";
}

TEST(Gifmachine, NameTagsThatBreakATargetGroupNameAreRejectedWithThePathBeforeAnythingIsBuilt) {
  {
    // 7 + 18 = 25 characters together: "<env>-<company>-green" is exactly 32.
    cdk::App app;
    EXPECT_EQ(rejection("staging", "dundermifflinpaper", app), "");
  }
  {
    cdk::App app;
    const std::string message = rejection("staging", "dundermifflinpapers", app);
    EXPECT_THAT(message, HasSubstr("Gifmachine/Green"));
    EXPECT_THAT(message, HasSubstr("target group"));
    EXPECT_THAT(message, HasSubstr("33 characters"));
    EXPECT_THAT(message, HasSubstr("together at most 25 characters"));
    EXPECT_TRUE(app.node().children().empty()) << "no stack may be built after the rejection";
  }
  {
    cdk::App app;
    gifmachine::Settings s;
    s.environment = "production";
    s.company = "dundermifflinpapercompany";
    try {
      gifmachine::build(app, s);
      ADD_FAILURE() << "a 36-character blue target group name was accepted";
    } catch (const cdk::Error& e) {
      EXPECT_EQ(e.path(), "Gifmachine/Lb/Http/BlueGroup");
      EXPECT_THAT(e.diagnostic().hint, HasSubstr("-c environment=production or -c company=dundermifflinpapercompany"));
    }
    EXPECT_TRUE(app.node().children().empty());
  }
}

TEST(Gifmachine, NameTagsMustBeLowercaseLettersAndDigits) {
  for (const auto& [environment, company] : std::vector<std::pair<std::string, std::string>>{
           {"Dev", "acme"}, {"dev", "acme-corp"}, {"", "acme"}, {"dev", "9acme"}}) {
    cdk::App app;
    gifmachine::Settings s;
    s.environment = environment;
    s.company = company;
    EXPECT_THROW(gifmachine::build(app, s), cdk::Error) << environment << "/" << company;
  }
}

TEST(Gifmachine, ContextNamesTheStacksAndResourcesAfterEnvironmentAndCompany) {
  cdk::App app(cdk::AppProps{.context = {{"environment", "dev"}, {"company", "acme"}, {"desired_count", "2"}}});
  auto stacks = gifmachine::build(app, gifmachine::settings_from_context(app));
  EXPECT_EQ(stacks.main.stack_name(), "dev-acme-gifmachine");
  EXPECT_EQ(stacks.monitoring.stack_name(), "dev-acme-monitoring");
  EXPECT_EQ(stacks.cicd.stack_name(), "dev-acme-cicd");
  auto t = cdk::assertions::Template::from_stack(stacks.main);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::TargetGroup",
                            Match::object_like({{"Name", "dev-acme-green"}}));
  t.has_resource_properties("AWS::ECR::Repository", Match::object_like({{"RepositoryName", "dev-acme/gifmachine"}}));
  t.has_resource_properties("AWS::ECS::Service", Match::object_like({{"DesiredCount", 2}}));
  cdk::assertions::Template::from_stack(stacks.cicd)
      .has_resource_properties("AWS::CodePipeline::Pipeline", Match::object_like({{"Name", "dev-acme-gifmachine"}}));
  for (cdk::Stack* stack : {&stacks.main, &stacks.monitoring, &stacks.cicd}) cdk::testing::keep_for_lint(*stack);

  cdk::App bad(cdk::AppProps{.context = {{"desired_count", "two"}}});
  EXPECT_THROW(gifmachine::settings_from_context(bad), cdk::Error);
}

TEST(Gifmachine, MonitoringAndCicdImportWhatTheMainStackExports) {
  Gifmachine g;
  const auto exported = export_names(g.main);
  ASSERT_FALSE(exported.empty());
  for (const auto& name : exported) EXPECT_TRUE(name.starts_with("prod-dundermiff-gifmachine:")) << name;
  const auto monitoring_imports = imports_of(g.monitoring);
  const auto cicd_imports = imports_of(g.cicd);
  EXPECT_FALSE(monitoring_imports.empty());
  EXPECT_FALSE(cicd_imports.empty());
  for (const auto* imports : {&monitoring_imports, &cicd_imports})
    for (const auto& name : *imports)
      EXPECT_TRUE(exported.contains(name) || export_names(g.monitoring).contains(name)) << name;
  // Every export is used by someone, and the main stack imports nothing.
  for (const auto& name : exported)
    EXPECT_TRUE(monitoring_imports.contains(name) || cicd_imports.contains(name)) << name << " is exported but unused";
  EXPECT_TRUE(imports_of(g.main).empty());

  // The deployment group names the main stack's cluster, service, both
  // target groups and both listeners through imports.
  const auto groups = of_type(g.cicd, "AWS::CodeDeploy::DeploymentGroup");
  ASSERT_EQ(groups.size(), 1u);
  const auto& dg = g.cicd["Resources"][groups[0]]["Properties"];
  EXPECT_EQ(imports_of(dg["ECSServices"]).size(), 2u);
  EXPECT_EQ(imports_of(dg["LoadBalancerInfo"]).size(), 4u);
  EXPECT_EQ(dg["DeploymentStyle"]["DeploymentType"], "BLUE_GREEN");
  EXPECT_EQ(imports_of(dg["AlarmConfiguration"]).size(), 2u) << "rollback alarms come from the monitoring stack";
}

TEST(Gifmachine, StackDependenciesFollowTheReferencesAndShowInList) {
  Gifmachine g;
  auto assembly = cdk::detail::synthesize(g.app, {});
  ASSERT_EQ(assembly.stacks.size(), 3u);
  auto deps_of = [&](const cdk::Stack& s) {
    std::set<std::string> out;
    for (const auto& a : assembly.stacks)
      if (a.stack == &s)
        for (const auto* d : a.dependencies) out.insert(d->node().path());
    return out;
  };
  EXPECT_TRUE(deps_of(g.stacks.main).empty());
  EXPECT_EQ(deps_of(g.stacks.monitoring), (std::set<std::string>{"Gifmachine"}));
  EXPECT_EQ(deps_of(g.stacks.cicd), (std::set<std::string>{"Gifmachine", "GifmachineMonitoring"}));
  EXPECT_EQ(assembly.stacks.front().stack, &g.stacks.main) << "the main stack deploys first";

  const char* argv[] = {"gifmachine", "list", "-l"};
  ::testing::internal::CaptureStdout();
  const int rc = g.app.run(3, argv);
  const std::string listed = ::testing::internal::GetCapturedStdout();
  EXPECT_EQ(rc, 0);
  EXPECT_THAT(listed, HasSubstr("GifmachineMonitoring  aws://unknown-account/eu-west-1  needs Gifmachine\n"));
  EXPECT_THAT(
      listed,
      HasSubstr("GifmachineCicd  aws://unknown-account/eu-west-1  needs Gifmachine  needs GifmachineMonitoring\n"));
}

TEST(Gifmachine, ThePipelineBuildsThenDeploysBlueGreenWithLeastPrivilegeRoles) {
  Gifmachine g;
  const auto pipelines = of_type(g.cicd, "AWS::CodePipeline::Pipeline");
  ASSERT_EQ(pipelines.size(), 1u);
  std::vector<std::string> providers;
  for (const auto& stage : g.cicd["Resources"][pipelines[0]]["Properties"]["Stages"])
    for (const auto& action : stage["Actions"])
      providers.push_back(action["ActionTypeId"]["Provider"].get<std::string>());
  EXPECT_EQ(providers, (std::vector<std::string>{"S3", "CodeBuild", "CodeDeployToECS"}));
  auto t = cdk::assertions::Template::from_stack(g.stacks.cicd);
  t.has_resource_properties("AWS::CodeDeploy::Application", Match::object_like({{"ComputePlatform", "ECS"}}));
  t.has_resource_properties("AWS::CodeBuild::Project",
                            Match::object_like({{"Environment", Match::object_like({{"PrivilegedMode", true}})}}));
  t.has_resource_properties(
      "AWS::S3::Bucket",
      Match::object_like({{"VersioningConfiguration", Match::object_equals({{"Status", "Enabled"}})}}));
  t.resource_count_is("AWS::Events::Rule", 1);
  // Only actions without resource-level permissions use "*".
  for (const auto& [id, r] : g.cicd["Resources"].items()) {
    if (r["Type"] != "AWS::IAM::Policy") continue;
    for (const auto& st : r["Properties"]["PolicyDocument"]["Statement"]) {
      if (st["Resource"] != "*") continue;
      const Json actions = st["Action"].is_array() ? st["Action"] : Json::array({st["Action"]});
      for (const auto& a : actions)
        EXPECT_TRUE(a == "ecs:DescribeTaskDefinition" || a == "ecs:RegisterTaskDefinition" ||
                    a == "ecr:GetAuthorizationToken")
            << id << " allows " << a << " on *";
    }
  }
}

TEST(Gifmachine, MonitoringAlarmsNotifyATopicAndRecoverTheNatInstance) {
  Gifmachine g;
  auto t = cdk::assertions::Template::from_stack(g.stacks.monitoring);
  t.resource_count_is("AWS::SNS::Topic", 1);
  t.resource_count_is("AWS::SNS::Subscription", 0);
  const auto alarms = of_type(g.monitoring, "AWS::CloudWatch::Alarm");
  EXPECT_EQ(alarms.size(), 7u);
  const auto topics = of_type(g.monitoring, "AWS::SNS::Topic");
  ASSERT_EQ(topics.size(), 1u);
  int recovering = 0;
  for (const auto& id : alarms) {
    const auto& actions = g.monitoring["Resources"][id]["Properties"]["AlarmActions"];
    EXPECT_EQ(actions[0], Json({{"Ref", topics[0]}})) << id << " does not notify the topic";
    if (actions.size() == 2 && actions[1].dump().find(":ec2:recover") != std::string::npos) ++recovering;
  }
  EXPECT_EQ(recovering, 1) << "the NAT instance's alarm recovers it";
  t.has_resource_properties("AWS::CloudWatch::Alarm",
                            Match::object_like({{"MetricName", "StatusCheckFailed_System"}, {"Namespace", "AWS/EC2"}}));

  cdk::App app(cdk::AppProps{.context = {{"alarm_email", "ops@example.com"}}});
  auto stacks = gifmachine::build(app, gifmachine::settings_from_context(app));
  cdk::assertions::Template::from_stack(stacks.monitoring)
      .has_resource_properties("AWS::SNS::Subscription",
                               Match::object_like({{"Protocol", "email"}, {"Endpoint", "ops@example.com"}}));
  cdk::testing::keep_for_lint(stacks.monitoring);
}

TEST(Gifmachine, MonitoringDashboardShowsServiceTargetsDatabaseAndEveryAlarm) {
  Gifmachine g;
  const auto dashboards = of_type(g.monitoring, "AWS::CloudWatch::Dashboard");
  ASSERT_EQ(dashboards.size(), 1u);
  const auto& p = g.monitoring["Resources"][dashboards[0]]["Properties"];
  EXPECT_EQ(p["DashboardName"], "prod-dundermiff-gifmachine");
  // The body is JSON text around the imported names and the alarms' ARNs.
  std::string text;
  std::set<std::string> alarm_arns;
  for (const auto& part : p["DashboardBody"]["Fn::Join"][1]) {
    if (part.is_string()) {
      text += part.get<std::string>();
    } else {
      if (part.contains("Fn::GetAtt")) alarm_arns.insert(part["Fn::GetAtt"][0].get<std::string>());
      text += "token";
    }
  }
  const auto body = Json::parse(text);
  ASSERT_EQ(body["widgets"].size(), 4u);
  std::vector<std::string> titles;
  for (const auto& w : body["widgets"]) titles.push_back(w["properties"]["title"].get<std::string>());
  EXPECT_EQ(titles, (std::vector<std::string>{"Service CPU and memory (%)", "Load balancer targets",
                                              "Database CPU (%)", "Alarms"}));
  std::set<std::string> metrics;
  for (const auto& w : body["widgets"])
    for (const auto& m : w["properties"].value("metrics", Json::array()))
      metrics.insert(m[0].get<std::string>() + "/" + m[1].get<std::string>());
  EXPECT_EQ(metrics, (std::set<std::string>{"AWS/ECS/CPUUtilization", "AWS/ECS/MemoryUtilization",
                                            "AWS/NetworkELB/HealthyHostCount", "AWS/NetworkELB/UnHealthyHostCount",
                                            "AWS/RDS/CPUUtilization"}));
  const auto alarms = of_type(g.monitoring, "AWS::CloudWatch::Alarm");
  EXPECT_EQ(alarm_arns, std::set<std::string>(alarms.begin(), alarms.end())) << "the status widget lists every alarm";
}

TEST(Gifmachine, BucketsAreEncryptedPrivateAndHttpsOnlyAndImagesAreScanned) {
  Gifmachine g;
  int buckets = 0;
  for (const Json* t : {&g.main, &g.cicd})
    for (const auto& id : of_type(*t, "AWS::S3::Bucket")) {
      ++buckets;
      const auto& p = (*t)["Resources"][id]["Properties"];
      EXPECT_TRUE(p.contains("BucketEncryption")) << id;
      for (const char* block : {"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"})
        EXPECT_EQ(p["PublicAccessBlockConfiguration"][block], true) << id << " " << block;
      EXPECT_EQ(p["VersioningConfiguration"]["Status"], "Enabled") << id;
      bool https_only = false;
      for (const auto& policy : of_type(*t, "AWS::S3::BucketPolicy"))
        if (target_of((*t)["Resources"][policy]["Properties"]["Bucket"]) == id)
          for (const auto& st : (*t)["Resources"][policy]["Properties"]["PolicyDocument"]["Statement"])
            if (st["Effect"] == "Deny" &&
                st.value("/Condition/Bool/aws:SecureTransport"_json_pointer, std::string()) == "false")
              https_only = true;
      EXPECT_TRUE(https_only) << id << " accepts plain HTTP";
    }
  EXPECT_EQ(buckets, 2) << "the configuration bucket and the pipeline's artifact bucket";
  cdk::assertions::Template::from_stack(g.stacks.main)
      .has_resource_properties(
          "AWS::ECR::Repository",
          Match::object_like({{"ImageScanningConfiguration", Match::object_equals({{"ScanOnPush", true}})}}));
  for (const auto& id : of_type(g.main, "AWS::SecretsManager::Secret"))
    EXPECT_TRUE(g.main["Resources"][id]["Properties"].contains("GenerateSecretString")) << id << " holds a literal";
}

namespace {

const std::string kImageSource = std::string(CDKPP_GOLDEN_DIR) + "/../../../samples/gifmachine/image";

std::string container_image(const Json& t) {
  const auto tasks = of_type(t, "AWS::ECS::TaskDefinition");
  return t["Resources"][tasks.at(0)]["Properties"]["ContainerDefinitions"][0]["Image"].dump();
}

}  // namespace

// -c image_source=DIR: the first deployment runs the image built from the
// sample's Dockerfile, published to the bootstrap repository as an asset.
TEST(Gifmachine, AnImageSourceIsBuiltAsAnAssetForTheFirstDeployment) {
  cdk::App app;
  auto stacks = gifmachine::build(app, gifmachine::Settings{.image_source = kImageSource});
  const Json main = Json::parse(samples::template_text(stacks.main));
  EXPECT_THAT(container_image(main), HasSubstr("cdk-hnb659fds-container-assets-"));
  EXPECT_THAT(container_image(main), ::testing::ContainsRegex(":[0-9a-f]{64}"));
  EXPECT_TRUE(main["Parameters"].contains("BootstrapVersion"));
  EXPECT_THAT(samples::security_findings(app), ::testing::IsEmpty());
  cdk::testing::keep_for_lint(stacks.main);

  Gifmachine from_repository;
  EXPECT_THAT(container_image(from_repository.main), Not(HasSubstr("container-assets")));
  EXPECT_FALSE(from_repository.main.contains("Parameters") && from_repository.main["Parameters"].contains("BootstrapVersion"));
}

TEST(Gifmachine, AnImageSourceWithoutADockerfileIsAnErrorNamingTheContainer) {
  cdk::App app;
  try {
    gifmachine::build(app, gifmachine::Settings{.image_source = kImageSource + "/.."});
    FAIL() << "expected cdk::Error";
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.path(), HasSubstr("Task/gifmachine")) << e.what();
    EXPECT_THAT(std::string(e.what()), HasSubstr("Dockerfile"));
  }
}
