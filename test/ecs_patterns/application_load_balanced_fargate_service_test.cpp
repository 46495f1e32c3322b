#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/ecs/cfn_cluster.hpp>
#include <cdk/ecs/cfn_service.hpp>
#include <cdk/ecs/cluster.hpp>
#include <cdk/ecs/fargate_service.hpp>
#include <cdk/ecs_patterns/ecs_patterns.hpp>
#include <cdk/elbv2/application_load_balancer.hpp>
#include <cdk/elbv2/cfn_listener.hpp>
#include <cdk/elbv2/cfn_load_balancer.hpp>
#include <cdk/elbv2/cfn_target_group.hpp>
#include <cdk/elbv2/target_group.hpp>
#include <cdk/route53/cfn_hosted_zone.hpp>
#include <cdk/route53/hosted_zone.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::ecs_patterns::ApplicationLoadBalancedFargateService;
using cdk::ecs_patterns::TaskImageOptions;
using cdk::elbv2::Protocol;

namespace {

using cdk::testing::type_at;

struct AlbServiceTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Svc", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  cdk::ecs::Cluster& cluster = stack.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc});
  cdk::route53::HostedZone& zone = stack.add<cdk::route53::HostedZone>("Zone", {.zone_name = "example.com"});

  static TaskImageOptions nginx() { return {.image = cdk::ecs::ContainerImage::from_registry("nginx")}; }
};

// The type of the resource the template has under this logical id ("" for none).

// Logical ids aws-cdk-lib 2.276.0 gives `new ApplicationLoadBalancedFargateService(stack, 'Web', {cluster,
// taskImageOptions: {image}})` (and 'Secure' with HTTPS, a domain and redirectHTTP): a port keeps them.
TEST_F(AlbServiceTest, MainResourcesHaveTheAwsCdkLogicalIds) {
  auto& web = stack.add<ApplicationLoadBalancedFargateService>("Web", {.cluster = cluster, .task_image_options = nginx()});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(web.load_balancer().cfn()), "WebLB720665E7");
  EXPECT_EQ(t.logical_id(web.listener().cfn()), "WebLBPublicListenerB3D72A27");
  EXPECT_EQ(t.logical_id(web.target_group().cfn()), "WebLBPublicListenerECSGroupB52EA5B2");
  EXPECT_EQ(t.logical_id(web.service().cfn_service()), "WebServiceD04B5F3E");
  EXPECT_EQ(type_at(t, "WebTaskDef1C8E6ED7"), "\"AWS::ECS::TaskDefinition\"");
  EXPECT_EQ(type_at(t, "WebTaskDefwebLogGroup034DCD19"), "\"AWS::Logs::LogGroup\"");
  EXPECT_EQ(type_at(t, "WebTaskDefTaskRoleB0D86F55"), "\"AWS::IAM::Role\"");
  EXPECT_EQ(type_at(t, "WebLBSecurityGroupAD942A36"), "\"AWS::EC2::SecurityGroup\"");
  EXPECT_EQ(type_at(t, "WebServiceSecurityGroupBAF50CC8"), "\"AWS::EC2::SecurityGroup\"");
  t.has_output("WebLoadBalancerDNS1B588EBA", Match::object_like({{"Value", Match::object_like({{"Fn::GetAtt", Match::array_equals({"WebLB720665E7", "DNSName"})}})}}));
  t.has_output("WebServiceURL68D0DABC",
               Match::object_like({{"Value", Match::object_like({{"Fn::Join", Match::array_equals({"", Match::array_equals({"http://", Match::object_like({{"Fn::GetAtt", Match::array_equals({"WebLB720665E7", "DNSName"})}})})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AlbServiceTest, DefaultsAreAPublicHttpLoadBalancerInFrontOfOnePrivateTaskOnPort80) {
  auto& web = stack.add<ApplicationLoadBalancedFargateService>("Web", {.cluster = cluster, .task_image_options = nginx()});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::LoadBalancer", Match::object_like({{"Scheme", "internet-facing"}, {"Type", "application"}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::Listener", Match::object_like({{"Port", 80}, {"Protocol", "HTTP"}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::TargetGroup",
                            Match::object_like({{"Port", 80}, {"Protocol", "HTTP"}, {"TargetType", "ip"}}));
  t.has_resource_properties(
      "AWS::ECS::TaskDefinition",
      Match::object_like({{"Cpu", "256"},
                          {"Memory", "512"},
                          {"ContainerDefinitions",
                           Match::array_equals({Match::object_like(
                               {{"Name", "web"},
                                {"Image", "nginx"},
                                {"PortMappings", Match::array_equals({Match::object_like({{"ContainerPort", 80}})})},
                                {"LogConfiguration",
                                 Match::object_like({{"LogDriver", "awslogs"},
                                                     {"Options", Match::object_like({{"awslogs-stream-prefix", "Web"}})}})}})})}}));
  t.has_resource_properties(
      "AWS::ECS::Service",
      Match::object_like({{"DesiredCount", Match::absent()},
                          {"LaunchType", "FARGATE"},
                          {"HealthCheckGracePeriodSeconds", 60},
                          {"LoadBalancers", Match::array_equals({Match::object_like({{"ContainerName", "web"}, {"ContainerPort", 80}})})},
                          {"DeploymentConfiguration",
                           Match::object_like({{"DeploymentCircuitBreaker", Match::object_equals({{"Enable", true}, {"Rollback", true}})},
                                               {"MinimumHealthyPercent", 100}})},
                          {"NetworkConfiguration",
                           Match::object_like({{"AwsvpcConfiguration", Match::object_like({{"AssignPublicIp", "DISABLED"}})}})}}));
  // Clients reach the listener from anywhere; the load balancer reaches the tasks on the container port.
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"SecurityGroupIngress", Match::array_with({Match::object_like({{"CidrIp", "0.0.0.0/0"}, {"FromPort", 80}})})}}));
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress", Match::object_like({{"FromPort", 80}, {"ToPort", 80}}));
  // The service waits for the listener, so ECS never registers tasks in a detached group.
  t.has_resource("AWS::ECS::Service",
                 Match::object_like({{"DependsOn", Match::array_with({t.logical_id(web.listener().cfn())})}}));
  EXPECT_EQ(&web.cluster(), &cluster);
  EXPECT_EQ(web.redirect_listener(), nullptr);
  EXPECT_EQ(web.certificate(), nullptr);
  t.resource_count_is("AWS::CertificateManager::Certificate", 0);
  t.resource_count_is("AWS::Route53::RecordSet", 0);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AlbServiceTest, HttpsWithADomainMakesAValidatedCertificateAnAliasRecordAndTheRedirect) {
  auto& secure = stack.add<ApplicationLoadBalancedFargateService>(
      "Secure", {.cluster = cluster, .task_image_options = nginx(), .protocol = Protocol::Https,
                 .domain_name = "api.example.com", .domain_zone = zone, .redirect_http = true});
  auto t = Template::from_stack(stack);
  ASSERT_NE(secure.certificate(), nullptr);
  ASSERT_NE(secure.redirect_listener(), nullptr);
  ASSERT_NE(secure.dns_record(), nullptr);
  EXPECT_EQ(type_at(t, "SecureCertificateF6AA4E6B"), "\"AWS::CertificateManager::Certificate\"");
  EXPECT_EQ(type_at(t, "SecureDNSE9C3D7BC"), "\"AWS::Route53::RecordSet\"");
  EXPECT_EQ(t.logical_id(secure.redirect_listener()->cfn()), "SecureLBPublicRedirectListenerCF1E20FD");
  const auto zone_ref = Match::object_equals({{"Ref", t.logical_id(zone.cfn_hosted_zone())}});
  t.has_resource_properties("AWS::CertificateManager::Certificate",
                            Match::object_like({{"DomainName", "api.example.com"},
                                                {"ValidationMethod", "DNS"},
                                                {"DomainValidationOptions", Match::array_equals({Match::object_like({{"HostedZoneId", zone_ref}})})}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::Listener",
                            Match::object_like({{"Port", 443},
                                                {"Protocol", "HTTPS"},
                                                {"SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06"},
                                                {"Certificates", Match::array_equals({Match::object_equals({{"CertificateArn", Match::object_equals({{"Ref", "SecureCertificateF6AA4E6B"}})}})})}}));
  t.has_resource("AWS::ElasticLoadBalancingV2::Listener",
                 Match::object_like({{"Properties", Match::object_like({{"Port", 80},
                                                                        {"Protocol", "HTTP"},
                                                                        {"DefaultActions", Match::array_equals({Match::object_like({{"Type", "redirect"},
                                                                                                                                    {"RedirectConfig", Match::object_like({{"Port", "443"}, {"Protocol", "HTTPS"}, {"StatusCode", "HTTP_301"}})}})})}})},
                                     {"DependsOn", Match::array_with({t.logical_id(secure.listener().cfn())})}}));
  t.has_resource_properties("AWS::Route53::RecordSet",
                            Match::object_like({{"Name", "api.example.com."}, {"Type", "A"}, {"HostedZoneId", zone_ref},
                                                {"AliasTarget", Match::any_value()}}));
  t.has_output("*", Match::object_like({{"Value", Match::object_like({{"Fn::Join", Match::array_equals({"", Match::array_equals({"https://", Match::object_equals({{"Ref", "SecureDNSE9C3D7BC"}})})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AlbServiceTest, AGivenCertificateMeansHttpsOn443WithoutMakingOne) {
  const std::string arn = "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
  auto& web = stack.add<ApplicationLoadBalancedFargateService>(
      "Web", {.cluster = cluster, .task_image_options = nginx(), .certificate = arn,
              .ssl_policy = std::string(cdk::elbv2::SslPolicy::tls13)});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(web.protocol(), Protocol::Https);
  t.resource_count_is("AWS::CertificateManager::Certificate", 0);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::Listener",
                            Match::object_like({{"Port", 443}, {"Protocol", "HTTPS"}, {"SslPolicy", "ELBSecurityPolicy-TLS13-1-3-2021-06"},
                                                {"Certificates", Match::array_equals({Match::object_equals({{"CertificateArn", arn}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AlbServiceTest, AVpcInsteadOfAClusterSharesTheStacksDefaultClusterForThatVpc) {
  auto& a = stack.add<ApplicationLoadBalancedFargateService>("A", {.vpc = vpc, .task_image_options = nginx()});
  auto& b = stack.add<ApplicationLoadBalancedFargateService>("B", {.vpc = vpc, .task_image_options = nginx()});
  EXPECT_EQ(&a.cluster(), &b.cluster());
  EXPECT_EQ(a.cluster().node().path(), "Svc/EcsDefaultClusterMnL3mNNYNVpc");
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(a.cluster().cfn_cluster()), "EcsDefaultClusterMnL3mNNYNVpc18E0451A");  // aws-cdk-lib's
  t.resource_count_is("AWS::ECS::Cluster", 2);  // the fixture's and the default one
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AlbServiceTest, PropsReachTheLoadBalancerTaskAndService) {
  auto& web = stack.add<ApplicationLoadBalancedFargateService>(
      "Web", {.cluster = cluster,
              .task_image_options = TaskImageOptions{.image = cdk::ecs::ContainerImage::from_registry("ghcr.io/acme/api:1"),
                                                     .container_name = "api",
                                                     .container_port = 8080,
                                                     .environment = {{"STAGE", "prod"}},
                                                     .enable_logging = false,
                                                     .family = "acme-api",
                                                     .command = {"serve"}},
              .cpu = 512,
              .memory_limit_mib = 2048,
              .cpu_architecture = cdk::ecs::CpuArchitecture::Arm64,
              .desired_count = 3,
              .public_load_balancer = false,
              .listener_port = 8000,
              .health_check = {.path = "/healthz", .healthy_http_codes = "200-299"},
              .min_healthy_percent = 50,
              .circuit_breaker_rollback = false,
              .enable_execute_command = true,
              .service_name = "api",
              .load_balancer_name = "acme-api",
              .idle_timeout_seconds = 120});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::LoadBalancer",
                            Match::object_like({{"Scheme", "internal"}, {"Name", "acme-api"},
                                                {"LoadBalancerAttributes", Match::array_with({Match::object_equals({{"Key", "idle_timeout.timeout_seconds"}, {"Value", "120"}})})}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::Listener", Match::object_like({{"Port", 8000}, {"Protocol", "HTTP"}}));
  // Internal: only the VPC reaches the listener.
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"SecurityGroupIngress", Match::array_with({Match::object_like({{"FromPort", 8000}, {"CidrIp", Match::object_like({{"Fn::GetAtt", Match::any_value()}})}})})}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::TargetGroup",
                            Match::object_like({{"HealthCheckPath", "/healthz"}, {"Matcher", Match::object_equals({{"HttpCode", "200-299"}})}}));
  t.has_resource_properties(
      "AWS::ECS::TaskDefinition",
      Match::object_like({{"Cpu", "512"},
                          {"Memory", "2048"},
                          {"Family", "acme-api"},
                          {"RuntimePlatform", Match::object_like({{"CpuArchitecture", "ARM64"}})},
                          {"ContainerDefinitions",
                           Match::array_equals({Match::object_like({{"Name", "api"},
                                                                    {"Command", Match::array_equals({"serve"})},
                                                                    {"Environment", Match::array_equals({Match::object_equals({{"Name", "STAGE"}, {"Value", "prod"}})})},
                                                                    {"LogConfiguration", Match::absent()},
                                                                    {"PortMappings", Match::array_equals({Match::object_like({{"ContainerPort", 8080}})})}})})}}));
  t.has_resource_properties("AWS::ECS::Service",
                            Match::object_like({{"DesiredCount", 3},
                                                {"ServiceName", "api"},
                                                {"EnableExecuteCommand", true},
                                                {"LoadBalancers", Match::array_equals({Match::object_like({{"ContainerName", "api"}, {"ContainerPort", 8080}})})},
                                                {"DeploymentConfiguration", Match::object_equals({{"MaximumPercent", 200}, {"MinimumHealthyPercent", 50}})}}));
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress", Match::object_like({{"FromPort", 8080}, {"ToPort", 8080}}));
  t.resource_count_is("AWS::Logs::LogGroup", 0);
  EXPECT_EQ(web.task_definition().node().path(), "Svc/Web/TaskDef");
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AlbServiceTest, AnExistingTaskDefinitionIsRunAsItIs) {
  auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task", {.cpu = 1024, .memory_limit_mib = 2048});
  task.add_container("app", {.image = cdk::ecs::ContainerImage::from_registry("nginx"), .port_mappings = {{.container_port = 3000}}});
  auto& web = stack.add<ApplicationLoadBalancedFargateService>("Web", {.cluster = cluster, .task_definition = task});
  EXPECT_EQ(&web.task_definition(), &task);
  EXPECT_EQ(web.node().try_find_child("TaskDef"), nullptr);
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::ECS::TaskDefinition", 1);
  t.has_resource_properties("AWS::ECS::Service",
                            Match::object_like({{"LoadBalancers", Match::array_equals({Match::object_like({{"ContainerName", "app"}, {"ContainerPort", 3000}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AlbServiceTest, BadInputIsAnErrorAtThePatternsPath) {
  using cdk::testing::expect_error;
  const std::string arn = "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
  auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task");
  struct Case {
    const char* name;
    cdk::ecs_patterns::ApplicationLoadBalancedFargateServiceProps props;
    const char* says;
  };
  const std::vector<Case> cases = {
      {"both task sources", {.cluster = cluster, .task_image_options = nginx(), .task_definition = task}, "both task_definition and task_image_options"},
      {"no task source", {.cluster = cluster}, "no image and no task definition"},
      {"no image", {.cluster = cluster, .task_image_options = TaskImageOptions{}}, "task_image_options has no image"},
      {"bad size", {.cluster = cluster, .task_image_options = nginx(), .cpu = 256, .memory_limit_mib = 4096}, "Fargate has no task size of 256 CPU units with 4096 MiB"},
      {"size with task definition", {.cluster = cluster, .task_definition = task, .cpu = 1024}, "belong to the given task definition"},
      {"https without certificate", {.cluster = cluster, .task_image_options = nginx(), .protocol = Protocol::Https}, "HTTPS needs a certificate"},
      {"certificate with http", {.cluster = cluster, .task_image_options = nginx(), .protocol = Protocol::Http, .certificate = arn}, "certificate was given with the HTTP protocol"},
      {"redirect without https", {.cluster = cluster, .task_image_options = nginx(), .redirect_http = true}, "redirect_http sends clients to HTTPS"},
      {"redirect onto 80", {.cluster = cluster, .task_image_options = nginx(), .listener_port = 80, .certificate = arn, .redirect_http = true}, "port 80, which the HTTPS listener uses"},
      {"domain without zone", {.cluster = cluster, .task_image_options = nginx(), .domain_name = "api.example.com"}, "domain_name needs the hosted zone"},
      {"tcp", {.cluster = cluster, .task_image_options = nginx(), .protocol = Protocol::Tcp}, "protocol must be Http or Https"},
      {"cluster and vpc", {.cluster = cluster, .vpc = vpc, .task_image_options = nginx()}, "both cluster and vpc"},
      {"neither cluster nor vpc", {.task_image_options = nginx()}, "no cluster and no vpc"},
      {"zero tasks", {.cluster = cluster, .task_image_options = nginx(), .desired_count = 0}, "desired_count must be at least 1"},
  };
  int n = 0;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string id = "Bad" + std::to_string(n++);
    expect_error([&] { stack.add<ApplicationLoadBalancedFargateService>(id, c.props); }, "Svc/" + id, c.says);
  }
}

}  // namespace
