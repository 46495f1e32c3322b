// servicediscovery namespaces: the three kinds, their attributes, create_service
// and the checks of their names.
#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/servicediscovery/cfn_http_namespace.hpp>
#include <cdk/servicediscovery/cfn_private_dns_namespace.hpp>
#include <cdk/servicediscovery/cfn_public_dns_namespace.hpp>
#include <cdk/servicediscovery/cfn_service.hpp>
#include <cdk/servicediscovery/servicediscovery.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace {

using cdk::testing::get_att;

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::testing::expect_error;
namespace sd = cdk::servicediscovery;

class NamespaceTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
};

TEST_F(NamespaceTest, PrivateDnsNamespaceIsAHostedZoneOfTheVpc) {
  auto& ns = stack.add<sd::PrivateDnsNamespace>("Namespace", {.name = "internal", .vpc = vpc, .description = "apps"});
  auto t = Template::from_stack(stack);
  const auto id = t.logical_id(ns.cfn_namespace());
  EXPECT_EQ(id.substr(0, 9), "Namespace");  // Namespace/Resource, as the AWS CDK names it
  t.has_resource_properties("AWS::ServiceDiscovery::PrivateDnsNamespace", Match::object_equals({
      {"Name", "internal"}, {"Description", "apps"},
      {"Vpc", Match::object_equals({{"Ref", Match::string_like_regexp("^Vpc")}})}}));
  EXPECT_EQ(ns.type(), sd::NamespaceType::DnsPrivate);
  EXPECT_EQ(ns.namespace_name(), "internal");
  stack.add<cdk::CfnOutput>("Id", {.value = ns.namespace_id()});
  stack.add<cdk::CfnOutput>("Arn", {.value = ns.namespace_arn()});
  stack.add<cdk::CfnOutput>("Zone", {.value = ns.namespace_hosted_zone_id()});
  auto u = Template::from_stack(stack);
  u.has_output("Id", Match::object_like({{"Value", get_att(id, "Id")}}));
  u.has_output("Arn", Match::object_like({{"Value", get_att(id, "Arn")}}));
  u.has_output("Zone", Match::object_like({{"Value", get_att(id, "HostedZoneId")}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(NamespaceTest, PublicAndHttpNamespacesTakeANameAndNoVpc) {
  auto& pub = stack.add<sd::PublicDnsNamespace>("Public", {.name = "example.com"});
  auto& http = stack.add<sd::HttpNamespace>("Http", {.name = "apps"});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ServiceDiscovery::PublicDnsNamespace", Match::object_equals({{"Name", "example.com"}}));
  t.has_resource_properties("AWS::ServiceDiscovery::HttpNamespace", Match::object_equals({{"Name", "apps"}}));
  EXPECT_EQ(pub.type(), sd::NamespaceType::DnsPublic);
  EXPECT_TRUE(pub.is_dns());
  EXPECT_EQ(http.type(), sd::NamespaceType::Http);
  EXPECT_FALSE(http.is_dns());
  EXPECT_EQ(sd::namespace_type_name(http.type()), "HTTP");
  cdk::testing::keep_for_lint(stack);
}

TEST_F(NamespaceTest, CreateServiceMakesTheServiceAsTheNamespacesChild) {
  auto& ns = stack.add<sd::PrivateDnsNamespace>("Namespace", {.name = "internal", .vpc = vpc});
  auto& api = ns.create_service("Api", {.name = "api"});
  EXPECT_EQ(api.node().path(), "Stack/Namespace/Api");
  EXPECT_EQ(&api.namespace_(), &ns);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ServiceDiscovery::Service", Match::object_like({
      {"Name", "api"}, {"NamespaceId", get_att(t.logical_id(ns.cfn_namespace()), "Id")}}));
  auto& other = stack.add<sd::PrivateDnsNamespace>("Other", {.name = "other", .vpc = vpc});
  expect_error([&] { ns.create_service("Wrong", {.namespace_ = other}); }, "Stack/Namespace/Wrong", "Stack/Other");
  cdk::testing::keep_for_lint(stack);
}

TEST_F(NamespaceTest, NamesOutsideTheLimitsAreErrorsNamingThePath) {
  expect_error([&] { stack.add<sd::PrivateDnsNamespace>("NoName", {.vpc = vpc}); }, "Stack/NoName", "needs a name");
  expect_error([&] { stack.add<sd::PrivateDnsNamespace>("NoVpc", {.name = "internal"}); }, "Stack/NoVpc", "needs a VPC");
  expect_error([&] { stack.add<sd::PrivateDnsNamespace>("Spaces", {.name = "my apps", .vpc = vpc}); }, "Stack/Spaces",
               "not a domain name");
  expect_error([&] { stack.add<sd::PublicDnsNamespace>("Dash", {.name = "-bad.example.com"}); }, "Stack/Dash",
               "not a domain name");
  expect_error([&] { stack.add<sd::PublicDnsNamespace>("Label", {.name = std::string(64, 'a') + ".com"}); },
               "Stack/Label", "not a domain name");
  std::string long_name;
  for (int i = 0; i < 4; ++i) long_name += std::string(63, 'a') + ".";
  long_name += "com";  // 259 characters
  expect_error([&] { stack.add<sd::PublicDnsNamespace>("Long", {.name = long_name}); }, "Stack/Long",
               "longer than 253 characters");
  expect_error([&] { stack.add<sd::HttpNamespace>("Http", {.name = "my apps"}); }, "Stack/Http", "is not valid");
  expect_error([&] { stack.add<sd::HttpNamespace>("Empty", {}); }, "Stack/Empty", "needs a name");
  expect_error([&] { stack.add<sd::HttpNamespace>("Desc", {.name = "apps", .description = std::string(1025, 'x')}); },
               "Stack/Desc", "1,024");
  // A fully qualified name and 63-character labels are fine.
  stack.add<sd::PublicDnsNamespace>("Fqdn", {.name = std::string(63, 'a') + ".example.com."});
}

}  // namespace
