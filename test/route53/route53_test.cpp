// route53: HostedZone (public and private) and records.
#include "support/expect_error.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/route53/cfn_hosted_zone.hpp>
#include <cdk/route53/route53.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::HasSubstr;
namespace r53 = cdk::route53;

// Stands in for a load balancer: what elbv2 implements.
class FakeLoadBalancer : public r53::IAliasRecordTarget {
 public:
  [[nodiscard]] r53::AliasTargetConfig alias_target() const override {
    return {.dns_name = "my-lb-1234567890.eu-west-1.elb.amazonaws.com", .hosted_zone_id = "Z32O12XQLNTSW2"};
  }
};

class Route53Test : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  r53::HostedZone& zone = stack.add<r53::HostedZone>("Zone", {.zone_name = "example.com"});
  Match zone_ref(const Template& t) {
    return Match::object_equals({{"Ref", t.logical_id(zone.cfn_hosted_zone())}});
  }
};

TEST_F(Route53Test, PublicZoneNameGetsATrailingDot) {
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Route53::HostedZone", Match::object_equals({{"Name", "example.com."}}));
  EXPECT_FALSE(zone.is_private());
  EXPECT_EQ(zone.hosted_zone_name_servers().name(), "NameServers");
  cdk::testing::keep_for_lint(stack);
}

TEST_F(Route53Test, PrivateZoneListsItsVpcsInTheStackRegion) {
  auto& vpc = stack.add<cdk::CfnResource>("Vpc", "AWS::EC2::VPC", cdk::Value::map({{"CidrBlock", "10.0.0.0/16"}}));
  auto& internal = stack.add<r53::HostedZone>("Internal", {.zone_name = "corp.internal", .comment = "internal names",
                                                           .vpcs = {vpc.ref()}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Route53::HostedZone", Match::object_equals({
      {"Name", "corp.internal."}, {"HostedZoneConfig", Match::object_equals({{"Comment", "internal names"}})},
      {"VPCs", Match::array_equals({Match::object_equals({{"VPCId", Match::object_equals({{"Ref", t.logical_id(vpc)}})},
                                                           {"VPCRegion", Match::object_equals({{"Ref", "AWS::Region"}})}})})}}));
  EXPECT_TRUE(internal.is_private());
  EXPECT_THAT([&] { (void)internal.hosted_zone_name_servers(); }, ::testing::ThrowsMessage<cdk::Error>(HasSubstr("Stack/Internal")));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(Route53Test, RecordNamesAreRelativeToTheZone) {
  EXPECT_EQ(r53::RecordSet::fully_qualified_name("www", "example.com"), "www.example.com.");
  EXPECT_EQ(r53::RecordSet::fully_qualified_name("", "example.com"), "example.com.");
  EXPECT_EQ(r53::RecordSet::fully_qualified_name("api.example.com", "example.com"), "api.example.com.");
  EXPECT_EQ(r53::RecordSet::fully_qualified_name("x.example.com.", "example.com"), "x.example.com.");
  EXPECT_EQ(r53::RecordSet::fully_qualified_name("a.b", "example.com."), "a.b.example.com.");
}

TEST_F(Route53Test, AliasARecordPointsAtTheTargetWithoutTtl) {
  FakeLoadBalancer lb;
  stack.add<r53::ARecord>("Apex", {.zone = zone, .target = r53::RecordTarget::alias(lb, true)});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Route53::RecordSet", Match::object_equals({
      {"Name", "example.com."}, {"Type", "A"}, {"HostedZoneId", zone_ref(t)},
      {"AliasTarget", Match::object_equals({{"DNSName", "my-lb-1234567890.eu-west-1.elb.amazonaws.com"},
                                            {"HostedZoneId", "Z32O12XQLNTSW2"}, {"EvaluateTargetHealth", true}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(Route53Test, AddressRecordsCnamesAndTxtRecordsHaveValuesAndTtl) {
  stack.add<r53::ARecord>("Www", {.zone = zone, .record_name = "www",
                                  .target = r53::RecordTarget::from_ip_addresses({"192.0.2.10", "192.0.2.11"}), .ttl = 300});
  stack.add<r53::AaaaRecord>("Www6", {.zone = zone, .record_name = "www",
                                      .target = r53::RecordTarget::from_ip_addresses({"2001:db8::1"})});
  stack.add<r53::CnameRecord>("Docs", {.zone = zone, .record_name = "docs", .domain_name = "example.github.io"});
  stack.add<r53::TxtRecord>("Spf", {.zone = zone, .values = {"v=spf1 -all", std::string(300, 'k')}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Route53::RecordSet", Match::object_equals({
      {"Name", "www.example.com."}, {"Type", "A"}, {"HostedZoneId", zone_ref(t)},
      {"ResourceRecords", Match::array_equals({"192.0.2.10", "192.0.2.11"})}, {"TTL", "300"}}));
  t.has_resource_properties("AWS::Route53::RecordSet", Match::object_like({
      {"Type", "AAAA"}, {"ResourceRecords", Match::array_equals({"2001:db8::1"})}, {"TTL", "1800"}}));
  t.has_resource_properties("AWS::Route53::RecordSet", Match::object_like({
      {"Name", "docs.example.com."}, {"Type", "CNAME"}, {"ResourceRecords", Match::array_equals({"example.github.io"})}}));
  t.has_resource_properties("AWS::Route53::RecordSet", Match::object_like({
      {"Name", "example.com."}, {"Type", "TXT"},
      {"ResourceRecords", Match::array_equals({"\"v=spf1 -all\"",
                                               "\"" + std::string(255, 'k') + "\" \"" + std::string(45, 'k') + "\""})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(Route53Test, RecordsGoIntoAnImportedZoneByItsId) {
  auto& existing = r53::HostedZone::from_hosted_zone_attributes(
      stack, "Existing", {.hosted_zone_id = "Z0123456789ABCDEFGHIJ", .zone_name = "example.org."});
  EXPECT_EQ(existing.zone_name(), "example.org");
  stack.add<r53::ARecord>("Api", {.zone = existing, .record_name = "api",
                                  .target = r53::RecordTarget::from_ip_addresses({"192.0.2.7"})});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::Route53::HostedZone", 1);  // only the zone made here
  t.has_resource_properties("AWS::Route53::RecordSet", Match::object_like({
      {"Name", "api.example.org."}, {"HostedZoneId", "Z0123456789ABCDEFGHIJ"}}));
  cdk::testing::keep_for_lint(stack);
  EXPECT_THAT([&] { (void)r53::HostedZone::from_hosted_zone_attributes(stack, "NoId", {.zone_name = "example.org"}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("hosted_zone_id")));
}

TEST_F(Route53Test, RejectsRecordsRoute53WouldRefuseNamingThePath) {
  auto expect_error = [&](const char* id, auto make, const char* text) {
    SCOPED_TRACE(id);
    cdk::testing::expect_error([&] { make(id); }, std::string("Stack/") + id, text);
  };
  expect_error("V6InA", [&](const char* id) {
    stack.add<r53::ARecord>(id, {.zone = zone, .target = r53::RecordTarget::from_ip_addresses({"2001:db8::1"})});
  }, "not an IPv4");
  expect_error("V4InAaaa", [&](const char* id) {
    stack.add<r53::AaaaRecord>(id, {.zone = zone, .target = r53::RecordTarget::from_ip_addresses({"192.0.2.1"})});
  }, "not an IPv6");
  expect_error("ApexCname", [&](const char* id) {
    stack.add<r53::CnameRecord>(id, {.zone = zone, .domain_name = "x.example.net"});
  }, "apex");
  expect_error("OtherZone", [&](const char* id) {
    stack.add<r53::ARecord>(id, {.zone = zone, .record_name = "www.example.net.",
                                 .target = r53::RecordTarget::from_ip_addresses({"192.0.2.1"})});
  }, "not in zone");
  expect_error("NoTarget", [&](const char* id) { stack.add<r53::ARecord>(id, {.zone = zone}); }, "no target");
  expect_error("NoZone", [&](const char* id) {
    stack.add<r53::ARecord>(id, {.target = r53::RecordTarget::from_ip_addresses({"192.0.2.1"})});
  }, "no zone");
  expect_error("BadZone", [&](const char* id) { stack.add<r53::HostedZone>(id, {.zone_name = "bad..name"}); }, "empty label");
  expect_error("NoName", [&](const char* id) { stack.add<r53::HostedZone>(id, r53::HostedZoneProps{}); }, "zone_name");
}

}  // namespace
