// servicediscovery IpInstance and CnameInstance: attributes, default ids and
// what each record type needs from an instance.
#include "support/expect_error.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/servicediscovery/cfn_instance.hpp>
#include <cdk/servicediscovery/cfn_service.hpp>
#include <cdk/servicediscovery/servicediscovery.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::testing::expect_error;
namespace sd = cdk::servicediscovery;

class InstanceTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  sd::PrivateDnsNamespace& ns = stack.add<sd::PrivateDnsNamespace>("Ns", {.name = "internal", .vpc = vpc});
};

TEST_F(InstanceTest, AnIpInstanceRegistersItsAddressAndPort) {
  auto& api = ns.create_service("Api", {.name = "api"});
  auto& db = api.register_ip_instance("Db", {.ipv4 = "10.0.3.7", .custom_attributes = {{"stage", "prod"}}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ServiceDiscovery::Instance", Match::object_equals({
      {"InstanceAttributes", Match::object_equals({{"AWS_INSTANCE_IPV4", "10.0.3.7"}, {"AWS_INSTANCE_PORT", "80"},
                                                   {"stage", "prod"}})},
      {"InstanceId", "StackNsApiDbEB303BEC"},  // the AWS CDK's Names.uniqueId of Stack/Ns/Api/Db
      {"ServiceId", Match::object_equals({{"Fn::GetAtt", Match::array_equals({t.logical_id(api.cfn_service()), "Id"})}})}}));
  EXPECT_EQ(db.node().path(), "Stack/Ns/Api/Db");
  cdk::testing::keep_for_lint(stack);
}

TEST_F(InstanceTest, SrvServicesNeedAPortAndAnAddress) {
  auto& srv = ns.create_service("Srv", {.name = "_api._tcp", .dns_record_type = sd::DnsRecordType::Srv});
  expect_error([&] { srv.register_ip_instance("NoPort", {.ipv4 = "10.0.3.7"}); }, "Stack/Ns/Srv/NoPort", "need a port");
  expect_error([&] { srv.register_ip_instance("NoIp", {.port = 8080}); }, "Stack/Ns/Srv/NoIp", "needs ipv4 or ipv6");
  srv.register_ip_instance("Ok", {.ipv6 = "2001:db8::7", .port = 8080, .instance_id = "api-1"});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ServiceDiscovery::Instance", Match::object_like({
      {"InstanceAttributes", Match::object_equals({{"AWS_INSTANCE_IPV6", "2001:db8::7"}, {"AWS_INSTANCE_PORT", "8080"}})},
      {"InstanceId", "api-1"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(InstanceTest, AddressRecordsNeedTheMatchingAddress) {
  auto& a = ns.create_service("A", {.name = "a"});
  auto& aaaa = ns.create_service("Aaaa", {.name = "aaaa", .dns_record_type = sd::DnsRecordType::Aaaa});
  auto& both = ns.create_service("Both", {.name = "both", .dns_record_type = sd::DnsRecordType::AAaaa});
  expect_error([&] { a.register_ip_instance("V6", {.ipv6 = "2001:db8::7"}); }, "Stack/Ns/A/V6", "need an IPv4 address");
  expect_error([&] { aaaa.register_ip_instance("V4", {.ipv4 = "10.0.0.1"}); }, "Stack/Ns/Aaaa/V4", "need an IPv6 address");
  expect_error([&] { both.register_ip_instance("V4", {.ipv4 = "10.0.0.1"}); }, "Stack/Ns/Both/V4", "need an IPv6 address");
  expect_error([&] { a.register_ip_instance("Port", {.ipv4 = "10.0.0.1", .port = 70000}); }, "Stack/Ns/A/Port",
               "port 70000");
  expect_error([&] { a.register_ip_instance("Id", {.ipv4 = "10.0.0.1", .instance_id = "has space"}); }, "Stack/Ns/A/Id",
               "instance id");
  expect_error([&] { a.register_ip_instance("Attr", {.ipv4 = "10.0.0.1", .custom_attributes = {{"AWS_X", "y"}}}); },
               "Stack/Ns/A/Attr", "reserved prefix");
  expect_error([&] { stack.add<sd::IpInstance>("Loose", sd::IpInstanceProps{.ipv4 = "10.0.0.1"}); }, "Stack/Loose",
               "register_ip_instance");
}

TEST_F(InstanceTest, CnameInstancesNeedACnameService) {
  auto& docs = ns.create_service("Docs", {.name = "docs", .dns_record_type = sd::DnsRecordType::Cname});
  docs.register_cname_instance("Site", {.instance_cname = "docs.example.com"});
  expect_error([&] { docs.register_ip_instance("Ip", {.ipv4 = "10.0.0.1"}); }, "Stack/Ns/Docs/Ip", "CNAME records");
  auto& a = ns.create_service("A", {.name = "a"});
  expect_error([&] { a.register_cname_instance("C", {.instance_cname = "x.example.com"}); }, "Stack/Ns/A/C",
               "does not answer with CNAME records");
  expect_error([&] { docs.register_cname_instance("Empty", {}); }, "Stack/Ns/Docs/Empty", "needs the name");
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ServiceDiscovery::Instance", Match::object_like({
      {"InstanceAttributes", Match::object_equals({{"AWS_INSTANCE_CNAME", "docs.example.com"}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(InstanceTest, HttpNamespaceServicesTakeIpInstancesButNoCnames) {
  auto& http = stack.add<sd::HttpNamespace>("Http", {.name = "apps"});
  auto& api = http.create_service("Api", {.name = "api"});
  api.register_ip_instance("One", {.ipv4 = "10.0.0.1", .port = 8080});
  expect_error([&] { api.register_cname_instance("C", {.instance_cname = "x.example.com"}); }, "Stack/Http/Api/C",
               "HTTP namespace");
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::ServiceDiscovery::Instance", 1);
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
