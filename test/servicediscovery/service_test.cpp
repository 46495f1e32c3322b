// servicediscovery::Service: the AWS CDK's defaults for DNS records, routing and
// discovery, health checks, and the checks of what a namespace's kind allows.
#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/servicediscovery/cfn_http_namespace.hpp>
#include <cdk/servicediscovery/cfn_private_dns_namespace.hpp>
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

class ServiceTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  sd::PrivateDnsNamespace& private_ns = stack.add<sd::PrivateDnsNamespace>("Private", {.name = "internal", .vpc = vpc});
  sd::PublicDnsNamespace& public_ns = stack.add<sd::PublicDnsNamespace>("Public", {.name = "example.com"});
  sd::HttpNamespace& http_ns = stack.add<sd::HttpNamespace>("Http", {.name = "apps"});
};

Match records(const char* type, int ttl) {
  return Match::array_equals({Match::object_equals({{"Type", type}, {"TTL", ttl}})});
}

TEST_F(ServiceTest, DefaultsToMultivalueARecordsWithASixtySecondTtl) {
  auto& api = private_ns.create_service("Api");
  auto t = Template::from_stack(stack);
  const auto ns = t.logical_id(private_ns.cfn_namespace());
  t.has_resource_properties("AWS::ServiceDiscovery::Service", Match::object_equals({
      {"DnsConfig", Match::object_equals({{"DnsRecords", records("A", 60)}, {"NamespaceId", get_att(ns, "Id")},
                                          {"RoutingPolicy", "MULTIVALUE"}})},
      {"NamespaceId", get_att(ns, "Id")}}));
  EXPECT_EQ(api.dns_record_type(), sd::DnsRecordType::A);
  EXPECT_EQ(api.routing_policy(), sd::RoutingPolicy::Multivalue);
  EXPECT_EQ(api.discovery_type(), sd::DiscoveryType::DnsAndApi);
  EXPECT_EQ(t.logical_id(api.cfn_service()).substr(0, 10), "PrivateApi");  // Private/Api/Resource
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServiceTest, RecordTypesTtlAndRoutingAreWrittenAsGiven) {
  private_ns.create_service("Srv", {.name = "_api._tcp", .dns_record_type = sd::DnsRecordType::Srv, .dns_ttl_seconds = 10});
  private_ns.create_service("Both", {.name = "both", .dns_record_type = sd::DnsRecordType::AAaaa});
  private_ns.create_service("Alias", {.name = "alias", .dns_record_type = sd::DnsRecordType::Cname, .dns_ttl_seconds = 300});
  private_ns.create_service("Lb", {.name = "lb", .load_balancer = true});
  private_ns.create_service("Pick", {.name = "pick", .routing_policy = sd::RoutingPolicy::Weighted});
  auto t = Template::from_stack(stack);
  auto dns = [](Match recs, const char* policy) {
    return Match::object_like({{"DnsConfig", Match::object_like({{"DnsRecords", std::move(recs)}, {"RoutingPolicy", policy}})}});
  };
  t.has_resource_properties("AWS::ServiceDiscovery::Service", dns(records("SRV", 10), "MULTIVALUE"));
  t.has_resource_properties("AWS::ServiceDiscovery::Service",
                            dns(Match::array_equals({Match::object_equals({{"Type", "A"}, {"TTL", 60}}),
                                                     Match::object_equals({{"Type", "AAAA"}, {"TTL", 60}})}),
                                "MULTIVALUE"));
  t.has_resource_properties("AWS::ServiceDiscovery::Service", dns(records("CNAME", 300), "WEIGHTED"));
  EXPECT_EQ(t.find_resources("AWS::ServiceDiscovery::Service", Match::object_like({
                {"DnsConfig", Match::object_like({{"RoutingPolicy", "WEIGHTED"}})}})).size(),
            3u);  // CNAME, load balancer and the explicit policy
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServiceTest, HttpNamespaceServicesAreFoundByApiCallsOnly) {
  auto& api = http_ns.create_service("Api", {.name = "api", .description = "the API"});
  http_ns.create_service("Typed", {.name = "typed", .discovery_type = sd::DiscoveryType::Api});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ServiceDiscovery::Service", Match::object_equals({
      {"Name", "api"}, {"Description", "the API"}, {"NamespaceId", get_att(t.logical_id(http_ns.cfn_namespace()), "Id")}}));
  // As the AWS CDK: Type HTTP only when API discovery is asked for by name.
  t.has_resource_properties("AWS::ServiceDiscovery::Service", Match::object_like({{"Name", "typed"}, {"Type", "HTTP"}}));
  EXPECT_EQ(api.discovery_type(), sd::DiscoveryType::Api);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServiceTest, PublicNamespaceServicesMayHaveARoute53HealthCheck) {
  public_ns.create_service("Www", {.name = "www", .health_check = sd::HealthCheckConfig{}});
  public_ns.create_service("Tcp", {.name = "tcp", .health_check = sd::HealthCheckConfig{.type = sd::HealthCheckType::Tcp,
                                                                                        .failure_threshold = 3}});
  private_ns.create_service("Custom", {.name = "custom", .custom_health_check = sd::HealthCheckCustomConfig{}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ServiceDiscovery::Service", Match::object_like({
      {"Name", "www"},
      {"HealthCheckConfig", Match::object_equals({{"Type", "HTTP"}, {"ResourcePath", "/"}, {"FailureThreshold", 1}})}}));
  t.has_resource_properties("AWS::ServiceDiscovery::Service", Match::object_like({
      {"Name", "tcp"}, {"HealthCheckConfig", Match::object_equals({{"Type", "TCP"}, {"FailureThreshold", 3}})}}));
  t.has_resource_properties("AWS::ServiceDiscovery::Service", Match::object_like({
      {"Name", "custom"}, {"HealthCheckCustomConfig", Match::object_equals({{"FailureThreshold", 1}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServiceTest, DnsSettingsInAnHttpNamespaceAreErrorsNamingTheService) {
  expect_error([&] { http_ns.create_service("A", {.dns_record_type = sd::DnsRecordType::A}); }, "Stack/Http/A",
               "HTTP namespace Stack/Http has no DNS");
  expect_error([&] { http_ns.create_service("Ttl", {.dns_ttl_seconds = 30}); }, "Stack/Http/Ttl", "has no DNS");
  expect_error([&] { http_ns.create_service("Dns", {.discovery_type = sd::DiscoveryType::DnsAndApi}); }, "Stack/Http/Dns",
               "found by API calls only");
  expect_error([&] {
    private_ns.create_service("ApiOnly", {.dns_record_type = sd::DnsRecordType::Srv, .discovery_type = sd::DiscoveryType::Api});
  }, "Stack/Private/ApiOnly", "no DNS records");
}

TEST_F(ServiceTest, HealthChecksRoutingAndLimitsAreChecked) {
  const sd::HealthCheckConfig http{};
  expect_error([&] { private_ns.create_service("H1", {.health_check = http}); }, "Stack/Private/H1",
               "public DNS namespaces only");
  expect_error([&] { http_ns.create_service("H2", {.health_check = http}); }, "Stack/Http/H2", "public DNS namespaces only");
  expect_error([&] { public_ns.create_service("H3", {.health_check = http, .custom_health_check = sd::HealthCheckCustomConfig{}}); },
               "Stack/Public/H3", "not both");
  expect_error([&] {
    public_ns.create_service("H4", {.health_check = sd::HealthCheckConfig{.type = sd::HealthCheckType::Tcp, .resource_path = "/health"}});
  }, "Stack/Public/H4", "TCP health check has no resource path");
  expect_error([&] { public_ns.create_service("H5", {.health_check = sd::HealthCheckConfig{.failure_threshold = 11}}); },
               "Stack/Public/H5", "failure_threshold 11");
  expect_error([&] {
    private_ns.create_service("R1", {.dns_record_type = sd::DnsRecordType::Cname, .routing_policy = sd::RoutingPolicy::Multivalue});
  }, "Stack/Private/R1", "CNAME records need WEIGHTED");
  expect_error([&] { private_ns.create_service("R2", {.routing_policy = sd::RoutingPolicy::Multivalue, .load_balancer = true}); },
               "Stack/Private/R2", "load balancers needs WEIGHTED");
  expect_error([&] { private_ns.create_service("R3", {.dns_record_type = sd::DnsRecordType::Srv, .load_balancer = true}); },
               "Stack/Private/R3", "A or AAAA records");
  expect_error([&] { private_ns.create_service("T", {.dns_ttl_seconds = -1}); }, "Stack/Private/T", "dns_ttl_seconds -1");
  expect_error([&] { private_ns.create_service("N1", {.name = "my api"}); }, "Stack/Private/N1", "is not valid");
  expect_error([&] { private_ns.create_service("N2", {.name = std::string(128, 'a')}); }, "Stack/Private/N2", "is not valid");
  expect_error([&] { stack.add<sd::Service>("Lost", sd::ServiceProps{}); }, "Stack/Lost", "needs a namespace");
}

}  // namespace
