#include "nuxt_laravel/nuxt_laravel.hpp"
#include "sample_checks.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/ec2/cfn_security_group.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/ecs_patterns/ecs_patterns.hpp>
#include <cdk/ecs/cfn_service.hpp>
#include <cdk/ecs/fargate_service.hpp>
#include <cdk/error.hpp>
#include <cdk/rds/cfn_db_instance.hpp>
#include <cdk/rds/database_instance.hpp>
#include <cdk/secretsmanager/cfn_secret.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

using cdk::assertions::Match;
using samples::Json;

namespace {

struct NuxtLaravel {
  explicit NuxtLaravel(std::map<std::string, std::string> context = {})
      : app(cdk::AppProps{.context = std::move(context)}),
        stack(nuxt_laravel::build(app, nuxt_laravel::settings_from_context(app))),
        t(Json::parse(samples::template_text(stack))),
        ids(cdk::assertions::Template::from_stack(stack)) {}

  const Json& resources() const { return t["Resources"]; }
  /// The logical id of the ECS service made under this id ("Frontend", "Backend").
  std::string service(std::string_view id) {
    auto& s = dynamic_cast<cdk::ecs::FargateService&>(stack.node().find_child(id));
    return ids.logical_id(s.cfn_service());
  }
  std::string database() {
    return ids.logical_id(dynamic_cast<cdk::rds::DatabaseInstance&>(stack.node().find_child("Database")).cfn_instance());
  }
  /// The master secret RDS keeps, as its ARN appears in the template's JSON.
  std::string database_secret() { return R"("Fn::GetAtt":[")" + database() + R"(","MasterUserSecret.SecretArn"])"; }
  /// The security group (logical id) an ECS service runs in.
  std::string service_group(std::string_view id) {
    const auto& groups =
        resources()[service(id)]["Properties"]["NetworkConfiguration"]["AwsvpcConfiguration"]["SecurityGroups"];
    EXPECT_EQ(groups.size(), 1u);
    return groups.at(0)["Fn::GetAtt"][0].get<std::string>();
  }
  /// The target group (logical id) the load balancer sends a service's traffic to.
  std::string target_group(std::string_view id) {
    const auto& lbs = resources()[service(id)]["Properties"]["LoadBalancers"];
    EXPECT_EQ(lbs.size(), 1u);
    return lbs.at(0)["TargetGroupArn"]["Ref"].get<std::string>();
  }
  /// The container definitions of a service's task definition.
  const Json& containers(std::string_view id) {
    const auto task = resources()[service(id)]["Properties"]["TaskDefinition"]["Ref"].get<std::string>();
    return resources()[task]["Properties"]["ContainerDefinitions"];
  }
  const Json& only(const std::string& type) {
    const auto found = ids.find_resources(type);
    EXPECT_EQ(found.size(), 1u) << type;
    return resources()[found.at(0)];
  }

  cdk::App app;
  cdk::Stack& stack;
  Json t;
  cdk::assertions::Template ids;
};

/// An ingress rule with the security group it lets in (samples::Ingress has only CIDRs).
struct GroupIngress {
  std::string group;   // the group the rule belongs to
  std::string source;  // the source group, or "" for a CIDR rule
  std::string cidr;
  long from = -1;
  long to = -1;
};

std::string group_id_of(const Json& v) {
  if (v.is_object() && v.contains("Fn::GetAtt")) return v["Fn::GetAtt"][0].get<std::string>();
  if (v.is_object() && v.contains("Ref")) return v["Ref"].get<std::string>();
  return v.dump();
}

std::vector<GroupIngress> group_ingress(const Json& t) {
  std::vector<GroupIngress> out;
  auto add = [&](const std::string& group, const Json& p) {
    out.push_back({group, p.contains("SourceSecurityGroupId") ? group_id_of(p["SourceSecurityGroupId"]) : "",
                   p.value("CidrIp", std::string()), p.value("FromPort", -1L), p.value("ToPort", -1L)});
  };
  for (const auto& [id, r] : t["Resources"].items()) {
    if (r["Type"] == "AWS::EC2::SecurityGroup" && r.contains("Properties"))
      for (const auto& p : r["Properties"].value("SecurityGroupIngress", Json::array())) add(id, p);
    if (r["Type"] == "AWS::EC2::SecurityGroupIngress") add(group_id_of(r["Properties"]["GroupId"]), r["Properties"]);
  }
  return out;
}

const Json* find_by(const Json& list, const std::string& key, const std::string& value) {
  for (const auto& e : list)
    if (e.value(key, std::string()) == value) return &e;
  return nullptr;
}

}  // namespace

TEST(NuxtLaravel, MatchesItsGoldenTemplateAndLints) {
  NuxtLaravel n;
  samples::expect_matches_golden("nuxt_laravel", n.stack);
  cdk::testing::keep_for_lint(n.stack);
}

TEST(NuxtLaravel, PassesTheSecurityRulesWithAReasonedSuppression) {
  NuxtLaravel n;
  EXPECT_THAT(samples::security_findings(n.app), ::testing::IsEmpty());
}

TEST(NuxtLaravel, SynthesisIsDeterministic) {
  NuxtLaravel a;
  NuxtLaravel b;
  EXPECT_EQ(samples::template_text(a.stack), samples::template_text(b.stack));
}

TEST(NuxtLaravel, DatabaseIsPrivateEncryptedAndInIsolatedSubnets) {
  NuxtLaravel n;
  const auto public_ids = samples::public_subnets(n.t);
  ASSERT_EQ(public_ids.size(), 2u);
  const auto& group = n.only("AWS::RDS::DBSubnetGroup");
  const auto subnets = samples::refs_in(group["Properties"]["SubnetIds"]);
  EXPECT_EQ(subnets.size(), 2u);
  for (const auto& subnet : subnets) {
    EXPECT_FALSE(public_ids.contains(subnet)) << subnet << " is public";
    EXPECT_THAT(subnet, ::testing::HasSubstr("data")) << "database subnets are the isolated data tier";
    // Isolated: the subnet's route table has no route out of the VPC.
    for (const auto& [id, r] : n.resources().items())
      if (r["Type"] == "AWS::EC2::SubnetRouteTableAssociation" && r["Properties"]["SubnetId"]["Ref"] == subnet)
        for (const auto& [rid, route] : n.resources().items())
          if (route["Type"] == "AWS::EC2::Route")
            EXPECT_NE(route["Properties"]["RouteTableId"], r["Properties"]["RouteTableId"]) << rid << " leaves " << subnet;
  }
  const auto& db = n.resources()[n.database()]["Properties"];
  EXPECT_NE(db.value("PubliclyAccessible", false), true);
  EXPECT_EQ(db.value("StorageEncrypted", false), true);
  EXPECT_EQ(db.value("DeletionProtection", false), true);
  EXPECT_EQ(db["Engine"], "mysql");
}

TEST(NuxtLaravel, DatabaseIsReachableOnlyFromLaravelsApiWorkerAndScheduler) {
  NuxtLaravel n;
  const auto& db_groups = n.resources()[n.database()]["Properties"]["VPCSecurityGroups"];
  ASSERT_EQ(db_groups.size(), 1u);
  const std::string db_group = group_id_of(db_groups[0]);
  std::set<std::string> sources;
  for (const auto& rule : group_ingress(n.t)) {
    if (rule.group != db_group) continue;
    sources.insert(rule.source);
    EXPECT_TRUE(rule.cidr.empty());
    EXPECT_EQ(rule.from, 3306);
    EXPECT_EQ(rule.to, 3306);
  }
  const auto& worker = dynamic_cast<cdk::ecs_patterns::QueueProcessingFargateService&>(n.stack.node().find_child("Worker"));
  auto& scheduler = dynamic_cast<cdk::ecs_patterns::ScheduledFargateTask&>(n.stack.node().find_child("Scheduler"));
  std::set<std::string> laravel = {n.service_group("Backend"),
                                   n.ids.logical_id(*worker.service().connections().security_groups().at(0)->resource()),
                                   n.ids.logical_id(*scheduler.connections().security_groups().at(0)->resource())};
  EXPECT_EQ(sources, laravel) << "the database lets in exactly the API, the queue worker and the scheduler";
  for (const auto& rule : group_ingress(n.t))
    EXPECT_FALSE(rule.source == n.service_group("Frontend") && rule.group == db_group);
}

TEST(NuxtLaravel, OnlyTheLoadBalancerIsOpenToTheWorldOnHttpAndHttps) {
  NuxtLaravel n;
  const auto& lb = n.only("AWS::ElasticLoadBalancingV2::LoadBalancer");
  EXPECT_EQ(lb["Properties"]["Scheme"], "internet-facing");
  const auto& lb_groups = lb["Properties"]["SecurityGroups"];
  ASSERT_EQ(lb_groups.size(), 1u);
  const std::string lb_group = group_id_of(lb_groups[0]);
  std::set<long> world_ports;
  for (const auto& rule : samples::ingress_rules(n.t)) {
    if (rule.cidr.empty()) continue;
    EXPECT_EQ(rule.group, lb_group) << rule.group << " is open to " << rule.cidr;
    EXPECT_EQ(rule.cidr, "0.0.0.0/0");
    EXPECT_EQ(rule.from, rule.to);
    world_ports.insert(rule.from);
  }
  EXPECT_EQ(world_ports, (std::set<long>{80, 443}));
  // Each service is reached by the load balancer alone, on its container port.
  for (const auto& [id, port] : {std::pair{"Frontend", 3000L}, std::pair{"Backend", 8000L}}) {
    int rules = 0;
    for (const auto& rule : group_ingress(n.t))
      if (rule.group == n.service_group(id)) {
        ++rules;
        EXPECT_EQ(rule.source, lb_group) << id;
        EXPECT_EQ(rule.from, port) << id;
        EXPECT_EQ(rule.to, port) << id;
      }
    EXPECT_EQ(rules, 1) << id;
    const auto& net = n.resources()[n.service(id)]["Properties"]["NetworkConfiguration"]["AwsvpcConfiguration"];
    EXPECT_EQ(net["AssignPublicIp"], "DISABLED") << id;
    for (const auto& subnet : samples::refs_in(net["Subnets"])) EXPECT_THAT(subnet, ::testing::HasSubstr("app"));
  }
}

TEST(NuxtLaravel, DatabaseCredentialsReachTheBackendOnlyAsSecrets) {
  NuxtLaravel n;
  const std::string secret = n.database_secret();
  // RDS makes, keeps and rotates the master password: the template holds none, not even a reference.
  const auto& db = n.resources()[n.database()]["Properties"];
  EXPECT_FALSE(db.contains("MasterUserPassword"));
  EXPECT_EQ(db.value("ManageMasterUserPassword", false), true);
  for (const auto* id : {"Frontend", "Backend"})
    for (const auto& c : n.containers(id))
      for (const auto& e : c.value("Environment", Json::array())) {
        const auto name = e["Name"].get<std::string>();
        for (const auto* word : {"PASSWORD", "SECRET", "KEY", "USER"})
          EXPECT_THAT(name, ::testing::Not(::testing::HasSubstr(word))) << id << " has " << name << " in plain text";
        EXPECT_THAT(e["Value"].dump(), ::testing::Not(::testing::HasSubstr(secret))) << name;
      }
  const auto& backend = n.containers("Backend");
  ASSERT_EQ(backend.size(), 1u);
  for (const auto& [name, field] : {std::pair{"DB_PASSWORD", ":password::"}, std::pair{"DB_USERNAME", ":username::"}}) {
    const Json* s = find_by(backend[0]["Secrets"], "Name", name);
    ASSERT_NE(s, nullptr) << name;
    const auto from = s->at("ValueFrom").dump();
    EXPECT_THAT(from, ::testing::HasSubstr(secret)) << name;
    EXPECT_THAT(from, ::testing::HasSubstr(field)) << name;
  }
  ASSERT_NE(find_by(backend[0]["Secrets"], "Name", "APP_KEY"), nullptr);
  EXPECT_FALSE(n.containers("Frontend")[0].contains("Secrets"));
  // Only the execution roles of Laravel's API, queue worker and scheduler may read the database secret.
  std::set<std::string> readers;
  for (const auto& [id, r] : n.resources().items())
    if (r["Type"] == "AWS::IAM::Policy" && r["Properties"]["PolicyDocument"].dump().find(secret) != std::string::npos)
      readers.insert(r["Properties"]["Roles"][0]["Ref"].get<std::string>());
  ASSERT_EQ(readers.size(), 3u);
  for (const auto& reader : readers)
    EXPECT_THAT(reader, ::testing::AnyOf(::testing::StartsWith("BackendTaskExecutionRole"),
                                         ::testing::StartsWith("WorkerQueueProcessingTaskDefExecutionRole"),
                                         ::testing::StartsWith("SchedulerScheduledTaskDefExecutionRole")));
}

TEST(NuxtLaravel, PathRoutingSendsApiToTheBackendAndEverythingElseToTheFrontend) {
  NuxtLaravel n;
  const auto& rule = n.only("AWS::ElasticLoadBalancingV2::ListenerRule")["Properties"];
  EXPECT_EQ(rule["Priority"], 10);
  ASSERT_EQ(rule["Conditions"].size(), 1u);
  EXPECT_EQ(rule["Conditions"][0]["Field"], "path-pattern");
  EXPECT_EQ(rule["Conditions"][0]["PathPatternConfig"]["Values"], Json::array({"/api/*"}));
  ASSERT_EQ(rule["Actions"].size(), 1u);
  EXPECT_EQ(rule["Actions"][0]["Type"], "forward");
  EXPECT_EQ(rule["Actions"][0]["TargetGroupArn"]["Ref"], n.target_group("Backend"));
  EXPECT_NE(n.target_group("Backend"), n.target_group("Frontend"));

  int listeners = 0;
  for (const auto& [id, r] : n.resources().items()) {
    if (r["Type"] != "AWS::ElasticLoadBalancingV2::Listener") continue;
    ++listeners;
    const auto& p = r["Properties"];
    const auto& action = p["DefaultActions"][0];
    if (p["Port"] == 443) {
      EXPECT_EQ(p["Protocol"], "HTTPS");
      EXPECT_EQ(p["Certificates"].size(), 1u);
      EXPECT_EQ(action["Type"], "forward");
      EXPECT_EQ(action["TargetGroupArn"]["Ref"], n.target_group("Frontend"));
      EXPECT_EQ(rule["ListenerArn"]["Ref"], id) << "the /api/* rule belongs to the HTTPS listener";
    } else {
      EXPECT_EQ(p["Port"], 80);
      EXPECT_EQ(action["Type"], "redirect");
      EXPECT_EQ(action["RedirectConfig"]["Protocol"], "HTTPS");
      EXPECT_EQ(action["RedirectConfig"]["Port"], "443");
    }
  }
  EXPECT_EQ(listeners, 2);
  const auto& backend_group = n.resources()[n.target_group("Backend")]["Properties"];
  EXPECT_EQ(backend_group["Port"], 8000);
  EXPECT_EQ(backend_group["TargetType"], "ip");
  EXPECT_EQ(backend_group["HealthCheckPath"], "/up");
  EXPECT_EQ(n.resources()[n.target_group("Frontend")]["Properties"]["Port"], 3000);
}

TEST(NuxtLaravel, EachServiceHasItsOwnRepositoryAndLogGroup) {
  NuxtLaravel n;
  std::set<std::string> repositories;
  std::set<std::string> log_groups;
  for (const auto* id : {"Frontend", "Backend"}) {
    const auto& c = n.containers(id);
    ASSERT_EQ(c.size(), 1u);
    const auto image = c[0]["Image"].dump();
    for (const auto& [rid, r] : n.resources().items())
      if (r["Type"] == "AWS::ECR::Repository" && image.find(rid) != std::string::npos) repositories.insert(rid);
    EXPECT_EQ(c[0]["LogConfiguration"]["LogDriver"], "awslogs");
    log_groups.insert(c[0]["LogConfiguration"]["Options"]["awslogs-group"]["Ref"].get<std::string>());
  }
  EXPECT_EQ(repositories.size(), 2u);
  EXPECT_EQ(log_groups.size(), 2u);
  auto t = cdk::assertions::Template::from_stack(n.stack);
  t.resource_count_is("AWS::ECR::Repository", 2);
  t.all_resources_properties("AWS::ECR::Repository",
                             Match::object_like({{"ImageScanningConfiguration", Match::object_like({{"ScanOnPush", true}})}}));
  for (const auto& g : log_groups) EXPECT_EQ(n.resources()[g]["Properties"]["RetentionInDays"], 30);
}

TEST(NuxtLaravel, PipelineBuildsBothImagesFromGitHubAndDeploysBackendFirst) {
  NuxtLaravel n;
  const auto& connection = n.only("AWS::CodeStarConnections::Connection")["Properties"];
  EXPECT_EQ(connection["ProviderType"], "GitHub");
  const auto& pipeline = n.only("AWS::CodePipeline::Pipeline")["Properties"];
  ASSERT_EQ(pipeline["Stages"].size(), 3u);
  const auto& source = pipeline["Stages"][0]["Actions"][0];
  EXPECT_EQ(source["ActionTypeId"]["Provider"], "CodeStarSourceConnection");
  EXPECT_EQ(source["Configuration"]["FullRepositoryId"], "example-org/nuxt-laravel");
  EXPECT_EQ(source["Configuration"]["BranchName"], "main");
  EXPECT_EQ(source["Configuration"]["ConnectionArn"]["Fn::GetAtt"][0], n.ids.find_resources("AWS::CodeStarConnections::Connection")[0]);

  // Every build project pushes to one of the two repositories, and each repository gets one project.
  std::set<std::string> pushed_to;
  for (const auto& b : pipeline["Stages"][1]["Actions"]) {
    EXPECT_EQ(b["ActionTypeId"]["Provider"], "CodeBuild");
    const auto& project = n.resources()[b["Configuration"]["ProjectName"]["Ref"].get<std::string>()]["Properties"];
    EXPECT_EQ(project["Environment"]["PrivilegedMode"], true);
    const Json* uri = find_by(project["Environment"]["EnvironmentVariables"], "Name", "REPOSITORY_URI");
    ASSERT_NE(uri, nullptr);
    pushed_to.insert(uri->at("Value")["Fn::GetAtt"][0].get<std::string>());
    EXPECT_THAT(project["Source"]["BuildSpec"].get<std::string>(), ::testing::HasSubstr("imagedefinitions.json"));
  }
  EXPECT_EQ(pushed_to.size(), 2u);

  const auto& deploys = pipeline["Stages"][2]["Actions"];
  ASSERT_EQ(deploys.size(), 3u);  // the API, its queue worker (the same image), the frontend
  std::map<std::string, long> order;
  for (const auto& d : deploys) {
    EXPECT_EQ(d["ActionTypeId"]["Provider"], "ECS");
    EXPECT_EQ(d["Configuration"]["FileName"], "imagedefinitions.json");
    order[d["Configuration"]["ServiceName"]["Fn::GetAtt"][0].get<std::string>()] = d["RunOrder"].get<long>();
  }
  EXPECT_LT(order.at(n.service("Backend")), order.at(n.service("Frontend")));
  const auto& worker = dynamic_cast<cdk::ecs_patterns::QueueProcessingFargateService&>(n.stack.node().find_child("Worker"));
  EXPECT_EQ(order.at(n.ids.logical_id(worker.service().cfn_service())), order.at(n.service("Backend")));

  auto t = cdk::assertions::Template::from_stack(n.stack);
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_with({Match::object_like({{"Action", "codestar-connections:UseConnection"}})})}})}}));
}

TEST(NuxtLaravel, ContextChangesRepositoryDomainTaskCountsAndStandby) {
  NuxtLaravel n({{"github_owner", "acme"}, {"github_repo", "shop"}, {"branch", "release"},
                 {"domain", "shop.example.org"}, {"zone", "example.org"},
                 {"frontend_tasks", "0"}, {"backend_tasks", "3"}, {"max_tasks", "6"},
                 {"multi_az_database", "true"}});
  const auto& source = n.only("AWS::CodePipeline::Pipeline")["Properties"]["Stages"][0]["Actions"][0]["Configuration"];
  EXPECT_EQ(source["FullRepositoryId"], "acme/shop");
  EXPECT_EQ(source["BranchName"], "release");
  EXPECT_EQ(n.resources()[n.service("Frontend")]["Properties"]["DesiredCount"], 0);
  EXPECT_EQ(n.resources()[n.service("Backend")]["Properties"]["DesiredCount"], 3);
  EXPECT_EQ(n.resources()[n.database()]["Properties"]["MultiAZ"], true);
  auto t = cdk::assertions::Template::from_stack(n.stack);
  t.has_resource_properties("AWS::Route53::HostedZone", Match::object_like({{"Name", "example.org."}}));
  t.has_resource_properties("AWS::CertificateManager::Certificate",
                            Match::object_like({{"DomainName", "shop.example.org"}}));
  t.has_resource_properties("AWS::ApplicationAutoScaling::ScalableTarget",
                            Match::object_like({{"MinCapacity", 3}, {"MaxCapacity", 6}}));
  t.has_resource_properties("AWS::ApplicationAutoScaling::ScalableTarget",
                            Match::object_like({{"MinCapacity", 0}, {"MaxCapacity", 6}}));
  const auto& backend = n.containers("Backend")[0]["Environment"];
  ASSERT_NE(find_by(backend, "Name", "APP_URL"), nullptr);
  EXPECT_EQ(find_by(backend, "Name", "APP_URL")->at("Value"), "https://shop.example.org");
  cdk::testing::keep_for_lint(n.stack);
}

TEST(NuxtLaravel, ContextRejectsATaskCountThatIsNotANumberAndASwitchThatIsNotTrueOrFalse) {
  for (const auto* bad : {"two", "-1", "2x", ""}) {
    cdk::App app(cdk::AppProps{.context = {{"backend_tasks", bad}}});
    EXPECT_THROW((void)nuxt_laravel::settings_from_context(app), cdk::Error) << bad;
  }
  cdk::App yes(cdk::AppProps{.context = {{"multi_az_database", "yes"}}});
  EXPECT_THROW((void)nuxt_laravel::settings_from_context(yes), cdk::Error);
  cdk::App plain(cdk::AppProps{.context = {{"frontend_tasks", "5"}, {"multi_az_database", "false"}}});
  const auto s = nuxt_laravel::settings_from_context(plain);
  EXPECT_EQ(s.frontend_tasks, 5);
  EXPECT_EQ(s.backend_tasks, 2);
  EXPECT_FALSE(s.multi_az_database);
}
