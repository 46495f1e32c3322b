// The README's ECS patterns example, as written there: it compiles,
// synthesizes and is cfn-lint clean.
#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/ecs/cluster.hpp>
#include <cdk/ecs_patterns/ecs_patterns.hpp>
#include <cdk/route53/hosted_zone.hpp>
#include <cdk/stack.hpp>

#include <gtest/gtest.h>

#include "support/lint.hpp"
#include "support/test_vpc.hpp"

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;

TEST(EcsPatternsReadme, TheExampleServesHttpsOnItsDomainAndRedirectsHttp) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Shop", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  auto& cluster = stack.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc});
  auto& zone = stack.add<cdk::route53::HostedZone>("Zone", {.zone_name = "example.com"});
  // --- as in README.md ("ECS patterns") ---
  auto& web = stack.add<cdk::ecs_patterns::ApplicationLoadBalancedFargateService>("Web", {
      .cluster = cluster,
      .task_image_options = cdk::ecs_patterns::TaskImageOptions{
          .image = cdk::ecs::ContainerImage::from_registry("public.ecr.aws/nginx/nginx:1.27")},
      .protocol = cdk::elbv2::Protocol::Https, .domain_name = "www.example.com", .domain_zone = zone,
      .redirect_http = true});   // DNS-validated certificate, alias record, HTTP -> HTTPS redirect
  // ---
  EXPECT_NE(web.certificate(), nullptr);
  EXPECT_NE(web.redirect_listener(), nullptr);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CertificateManager::Certificate", Match::object_like({{"DomainName", "www.example.com"}}));
  t.resource_count_is("AWS::ElasticLoadBalancingV2::Listener", 2);
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
