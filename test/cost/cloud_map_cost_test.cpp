// The cost of Cloud Map: a DNS namespace is a Route 53 hosted zone, an
// instance in the template a registered resource per month; what tasks
// register at run time, queries and health checks are listed as usage.
#include <cdk/app.hpp>
#include <cdk/ec2/vpc.hpp>
#include <cdk/servicediscovery/servicediscovery.hpp>
#include <cdk/stack.hpp>

#include "cost/estimate.hpp"
#include "synth/synthesizer.hpp"

#include <gtest/gtest.h>

#include "support/lint.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace {

using namespace cdk::detail::cost;
namespace sd = cdk::servicediscovery;

struct CloudMapCostTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Shop", cdk::StackProps{.env = {.region = "eu-west-1"}});
  cdk::detail::Assembly assembly;

  StackCost price() {
    assembly = cdk::detail::synthesize(app, {});
    for (const auto& s : assembly.stacks)
      if (s.stack == &stack) return estimate_stack({"Shop", "eu-west-1", &s.template_json}, PriceTable::builtin(), {});
    ADD_FAILURE() << "stack not synthesized";
    return {};
  }
};

double price_of(std::string_view item) { return PriceTable::builtin().price(item, "eu-west-1", "").value_or(-1); }

std::vector<CostLine> lines_of(const StackCost& c, std::string_view type) {
  std::vector<CostLine> out;
  for (const auto& l : c.lines)
    if (l.type == type) out.push_back(l);
  return out;
}

std::vector<NotPriced> gaps_of(const StackCost& c, std::string_view type, Gap gap) {
  std::vector<NotPriced> out;
  for (const auto& n : c.not_priced)
    if (n.type == type && n.gap == gap) out.push_back(n);
  return out;
}

TEST_F(CloudMapCostTest, DnsNamespacesPayForTheirHostedZoneAndHttpOnesOnlyForUse) {
  auto& vpc = stack.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2, .nat_gateways = 0,
                                               .subnet_configuration = {{"public", cdk::ec2::SubnetType::Public, 24}}});
  stack.add<sd::PrivateDnsNamespace>("Private", {.name = "internal", .vpc = vpc});
  stack.add<sd::PublicDnsNamespace>("Public", {.name = "example.com"});
  stack.add<sd::HttpNamespace>("Http", {.name = "apps"});
  auto c = price();
  for (const char* type : {"AWS::ServiceDiscovery::PrivateDnsNamespace", "AWS::ServiceDiscovery::PublicDnsNamespace"}) {
    const auto l = lines_of(c, type);
    ASSERT_EQ(l.size(), 1U) << type;
    EXPECT_DOUBLE_EQ(l.front().monthly_usd, price_of("route53.hosted_zone")) << type;
    EXPECT_DOUBLE_EQ(l.front().monthly_usd, 0.50) << type;
    EXPECT_EQ(gaps_of(c, type, Gap::Usage).size(), 1U) << type;
  }
  EXPECT_TRUE(lines_of(c, "AWS::ServiceDiscovery::HttpNamespace").empty());
  EXPECT_EQ(gaps_of(c, "AWS::ServiceDiscovery::HttpNamespace", Gap::Usage).size(), 1U);
  EXPECT_TRUE(c.not_priced.end() == std::find_if(c.not_priced.begin(), c.not_priced.end(), [](const NotPriced& n) {
    return n.gap == Gap::Unsupported || n.gap == Gap::MissingPrice;
  }));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CloudMapCostTest, RegisteredInstancesArePricedAndWhatTasksRegisterIsListed) {
  auto& ns = stack.add<sd::PublicDnsNamespace>("Ns", {.name = "example.com"});
  auto& www = ns.create_service("Www", {.name = "www", .health_check = sd::HealthCheckConfig{}});
  www.register_ip_instance("One", {.ipv4 = "203.0.113.10"});
  www.register_ip_instance("Two", {.ipv4 = "203.0.113.11"});
  auto c = price();
  const auto instances = lines_of(c, "AWS::ServiceDiscovery::Instance");
  ASSERT_EQ(instances.size(), 2U);
  for (const auto& l : instances) {
    EXPECT_DOUBLE_EQ(l.monthly_usd, price_of("cloudmap.instance"));
    EXPECT_EQ(l.what, "registered instance");
  }
  const auto service = gaps_of(c, "AWS::ServiceDiscovery::Service", Gap::Usage);
  ASSERT_EQ(service.size(), 2U);  // run-time registrations and calls, and the Route 53 health checks
  EXPECT_NE(service.front().what.find("registered at run time"), std::string::npos);
  EXPECT_NE(service.back().what.find("Route 53 health checks"), std::string::npos);
  EXPECT_TRUE(c.not_priced.end() == std::find_if(c.not_priced.begin(), c.not_priced.end(), [](const NotPriced& n) {
    return n.gap == Gap::Unsupported || n.gap == Gap::MissingPrice;
  }));
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
