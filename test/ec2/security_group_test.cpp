// SecurityGroup: inline CIDR rules, separate group-to-group rules (with the
// AWS CDK's logical ids), outbound defaults, imports and errors.
#include "support/expect_error.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ec2/security_group.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::ec2::Peer;
using cdk::ec2::Port;
using cdk::ec2::SecurityGroup;
using cdk::testing::error_of;
using ::testing::HasSubstr;

struct GroupFixture {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
};

TEST(SecurityGroup, DefaultsToItsPathAsDescriptionAllOutboundAndNoIngress) {
  GroupFixture f;
  f.stack.add<SecurityGroup>("Sg", {.vpc = f.vpc});
  auto t = Template::from_stack(f.stack);
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_equals({{"GroupDescription", "Stack/Sg"},
                                                  {"SecurityGroupEgress", Match::array_equals({Match::object_equals({
                                                                              {"CidrIp", "0.0.0.0/0"},
                                                                              {"Description", "Allow all outbound traffic by default"},
                                                                              {"IpProtocol", "-1"}})})},
                                                  {"VpcId", Match::any_value()}}));
  cdk::testing::keep_for_lint(f.stack);
}

TEST(SecurityGroup, PutsCidrRulesInlineWithTheCdksDescription) {
  GroupFixture f;
  auto& sg = f.stack.add<SecurityGroup>("Sg", {.vpc = f.vpc, .description = "web"});
  sg.add_ingress_rule(Peer::ipv4("10.0.0.0/8"), Port::tcp_range(1000, 2000));
  sg.add_ingress_rule(Peer::ipv6("2001:db8::/32"), Port::tcp(443), "https over v6");
  auto t = Template::from_stack(f.stack);
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"GroupDescription", "web"},
                                                {"SecurityGroupIngress", Match::array_equals({
                                                    Match::object_equals({{"CidrIp", "10.0.0.0/8"},
                                                                          {"Description", "from 10.0.0.0/8:1000-2000"},
                                                                          {"FromPort", 1000},
                                                                          {"IpProtocol", "tcp"},
                                                                          {"ToPort", 2000}}),
                                                    Match::object_like({{"CidrIpv6", "2001:db8::/32"},
                                                                        {"Description", "https over v6"}}),
                                                })}}));
  t.resource_count_is("AWS::EC2::SecurityGroupIngress", 0);
  cdk::testing::keep_for_lint(f.stack);
}

TEST(SecurityGroup, AddsTheSameInlineRuleOnce) {
  GroupFixture f;
  auto& sg = f.stack.add<SecurityGroup>("Sg", {.vpc = f.vpc});
  sg.add_ingress_rule(Peer::ipv4("10.0.0.0/8"), Port::tcp(22));
  sg.add_ingress_rule(Peer::ipv4("10.0.0.0/8"), Port::tcp(22), "again");
  auto t = Template::from_stack(f.stack);
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"SecurityGroupIngress", Match::array_equals({Match::any_value()})}}));
}

TEST(SecurityGroup, OpensToTheWorldOnlyWhenAskedExplicitly) {
  GroupFixture f;
  auto& sg = f.stack.add<SecurityGroup>("Sg", {.vpc = f.vpc});
  sg.connections().allow_from_any_ipv4(Port::tcp(443), "public HTTPS");
  auto t = Template::from_stack(f.stack);
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"SecurityGroupIngress", Match::array_equals({Match::object_like(
                                                                            {{"CidrIp", "0.0.0.0/0"},
                                                                             {"FromPort", 443},
                                                                             {"Description", "public HTTPS"}})})}}));
  cdk::testing::keep_for_lint(f.stack);
}

TEST(SecurityGroup, RulesBetweenGroupsAreSeparateResourcesWithTheCdksLogicalIds) {
  GroupFixture f;
  auto& a = f.stack.add<SecurityGroup>("A", {.vpc = f.vpc});
  auto& b = f.stack.add<SecurityGroup>("B", {.vpc = f.vpc, .allow_all_outbound = false});
  a.connections().allow_from(b, Port::tcp(80));
  auto t = Template::from_stack(f.stack);
  // Same ids as aws-cdk-lib for the same tree (Stack/A, Stack/B).
  EXPECT_EQ(a.unique_id(), "StackA888ED64B");
  EXPECT_EQ(t.find_resources("AWS::EC2::SecurityGroupIngress"),
            std::vector<std::string>{"AfromStackB854B335680D2F54550"});
  EXPECT_EQ(t.find_resources("AWS::EC2::SecurityGroupEgress"), std::vector<std::string>{"BtoStackA888ED64B806176B171"});
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress",
                            Match::object_equals({{"Description", "from StackB854B3356:80"},
                                                  {"FromPort", 80},
                                                  {"GroupId", Match::object_equals({{"Fn::GetAtt", Match::array_equals({"ACCC8ACD5", "GroupId"})}})},
                                                  {"IpProtocol", "tcp"},
                                                  {"SourceSecurityGroupId", Match::object_equals({{"Fn::GetAtt", Match::array_equals({"B08E7C7AF", "GroupId"})}})},
                                                  {"ToPort", 80}}));
  t.has_resource_properties("AWS::EC2::SecurityGroupEgress",
                            Match::object_like({{"Description", "to StackA888ED64B:80"},
                                                {"DestinationSecurityGroupId", Match::object_like({{"Fn::GetAtt", Match::array_equals({"ACCC8ACD5", "GroupId"})}})}}));
  cdk::testing::keep_for_lint(f.stack);
}

TEST(SecurityGroup, TwoGroupsAllowingEachOtherFormNoCycle) {
  GroupFixture f;
  auto& a = f.stack.add<SecurityGroup>("A", {.vpc = f.vpc});
  auto& b = f.stack.add<SecurityGroup>("B", {.vpc = f.vpc});
  a.connections().allow_from(b, Port::tcp(80));
  b.connections().allow_from(a, Port::tcp(8080));
  auto t = Template::from_stack(f.stack);  // throws on a dependency cycle
  t.resource_count_is("AWS::EC2::SecurityGroupIngress", 2);
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"GroupDescription", "Stack/A"}, {"SecurityGroupIngress", Match::absent()}}));
  cdk::testing::keep_for_lint(f.stack);
}

TEST(SecurityGroup, WithoutAllOutboundHoldsANoTrafficRuleUntilTheFirstEgressRule) {
  GroupFixture f;
  auto& closed = f.stack.add<SecurityGroup>("Closed", {.vpc = f.vpc, .description = "closed", .allow_all_outbound = false});
  auto& https = f.stack.add<SecurityGroup>("Https", {.vpc = f.vpc, .description = "https", .allow_all_outbound = false});
  https.add_egress_rule(Peer::any_ipv4(), Port::tcp(443));
  (void)closed;
  auto t = Template::from_stack(f.stack);
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"GroupDescription", "closed"},
                                                {"SecurityGroupEgress", Match::array_equals({Match::object_equals({
                                                                            {"CidrIp", "255.255.255.255/32"},
                                                                            {"Description", "Disallow all traffic"},
                                                                            {"FromPort", 252},
                                                                            {"IpProtocol", "icmp"},
                                                                            {"ToPort", 86}})})}}));
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"GroupDescription", "https"},
                                                {"SecurityGroupEgress", Match::array_equals({Match::object_equals({
                                                                            {"CidrIp", "0.0.0.0/0"},
                                                                            {"Description", "to 0.0.0.0/0:443"},
                                                                            {"FromPort", 443},
                                                                            {"IpProtocol", "tcp"},
                                                                            {"ToPort", 443}})})}}));
  cdk::testing::keep_for_lint(f.stack);
}

TEST(SecurityGroup, IgnoresExplicitEgressRulesWithAWarningWhileAllOutboundIsAllowed) {
  GroupFixture f;
  auto& sg = f.stack.add<SecurityGroup>("Sg", {.vpc = f.vpc});
  sg.add_egress_rule(Peer::ipv4("10.0.0.0/16"), Port::tcp(5432));
  ASSERT_EQ(sg.node().metadata().size(), 1U);
  EXPECT_EQ(sg.node().metadata()[0].type, cdk::Annotations::warning_type);
  EXPECT_THAT(sg.node().metadata()[0].data, HasSubstr("allow_all_outbound"));
  auto t = Template::from_stack(f.stack);
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"SecurityGroupEgress", Match::array_equals({Match::object_like({{"IpProtocol", "-1"}})})}}));
}

TEST(SecurityGroup, AllowsAllIpv6OutboundWhenAsked) {
  GroupFixture f;
  f.stack.add<SecurityGroup>("Sg", {.vpc = f.vpc, .allow_all_ipv6_outbound = true});
  auto t = Template::from_stack(f.stack);
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"SecurityGroupEgress", Match::array_equals({
                                                     Match::object_like({{"CidrIp", "0.0.0.0/0"}}),
                                                     Match::object_like({{"CidrIpv6", "::/0"}, {"IpProtocol", "-1"}})})}}));
  cdk::testing::keep_for_lint(f.stack);
}

TEST(SecurityGroup, RefusesAnAllTrafficEgressRuleToTheWorld) {
  GroupFixture f;
  auto& sg = f.stack.add<SecurityGroup>("Sg", {.vpc = f.vpc, .allow_all_outbound = false});
  EXPECT_THAT(error_of([&] { sg.add_egress_rule(Peer::any_ipv4(), Port::all_traffic()); }),
              HasSubstr("Stack/Sg: cannot add an \"all traffic\" egress rule"));
}

TEST(SecurityGroup, PrefixListRulesAreSeparateResourcesLikeTheCdk) {
  GroupFixture f;
  auto& b = f.stack.add<SecurityGroup>("B", {.vpc = f.vpc});
  b.add_ingress_rule(Peer::prefix_list("pl-123"), Port::udp(53));
  auto t = Template::from_stack(f.stack);
  EXPECT_EQ(t.find_resources("AWS::EC2::SecurityGroupIngress"), std::vector<std::string>{"Bfrompl123UDP53ABFD4B5C"});
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress",
                            Match::object_like({{"SourcePrefixListId", "pl-123"}, {"Description", "from pl-123:UDP 53"}}));
  cdk::testing::keep_for_lint(f.stack);
}

TEST(SecurityGroup, AllowInternallyAddsASelfReferencingRule) {
  GroupFixture f;
  auto& a = f.stack.add<SecurityGroup>("A", {.vpc = f.vpc});
  a.connections().allow_internally(Port::icmp_ping());
  auto t = Template::from_stack(f.stack);
  EXPECT_EQ(t.find_resources("AWS::EC2::SecurityGroupIngress"),
            std::vector<std::string>{"AfromStackA888ED64BICMPType8FCE2F3C6"});
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress",
                            Match::object_like({{"IpProtocol", "icmp"}, {"FromPort", 8}, {"ToPort", -1}}));
  t.resource_count_is("AWS::EC2::SecurityGroupEgress", 0);  // all outbound is allowed already
  cdk::testing::keep_for_lint(f.stack);
}

TEST(SecurityGroup, ImportedGroupsGetSeparateRulesNamedLikeTheCdks) {
  GroupFixture f;
  auto& a = f.stack.add<SecurityGroup>("A", {.vpc = f.vpc});
  auto& c = SecurityGroup::from_security_group_id(f.stack, "C", "sg-0123456789abcdef0");
  EXPECT_TRUE(c.imported());
  c.add_ingress_rule(Peer::ipv4("10.1.0.0/16"), Port::all_tcp());
  c.connections().allow_from(a, Port::udp_range(5, 6));
  c.add_egress_rule(Peer::ipv4("10.1.0.0/16"), Port::tcp(1));  // allows all outbound: nothing to add
  auto t = Template::from_stack(f.stack);
  auto ids = t.find_resources("AWS::EC2::SecurityGroupIngress");
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"Cfrom1010016ALLPORTS012EB37F", "CfromStackA888ED64BUDP56F1E2D61E"}));
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress",
                            Match::object_like({{"GroupId", "sg-0123456789abcdef0"}, {"CidrIp", "10.1.0.0/16"}, {"FromPort", 0}, {"ToPort", 65535}}));
  t.resource_count_is("AWS::EC2::SecurityGroupEgress", 0);
  cdk::testing::keep_for_lint(f.stack);
}

TEST(SecurityGroup, ImmutableImportsGetNoRules) {
  GroupFixture f;
  auto& c = SecurityGroup::from_security_group_id(f.stack, "C", "sg-0123456789abcdef0", {.mutable_rules = false});
  c.add_ingress_rule(Peer::ipv4("10.1.0.0/16"), Port::tcp(22));
  auto t = Template::from_stack(f.stack);
  t.resource_count_is("AWS::EC2::SecurityGroupIngress", 0);
}

TEST(SecurityGroup, DisabledInlineRulesMakeEveryRuleASeparateResource) {
  GroupFixture f;
  auto& sg = f.stack.add<SecurityGroup>("Sg", {.vpc = f.vpc, .disable_inline_rules = true});
  sg.add_ingress_rule(Peer::ipv4("10.0.0.0/8"), Port::tcp(443));
  auto t = Template::from_stack(f.stack);
  t.resource_count_is("AWS::EC2::SecurityGroupIngress", 1);
  t.resource_count_is("AWS::EC2::SecurityGroupEgress", 1);
  t.has_resource_properties("AWS::EC2::SecurityGroup", Match::object_like({{"SecurityGroupIngress", Match::absent()},
                                                                          {"SecurityGroupEgress", Match::absent()}}));
  cdk::testing::keep_for_lint(f.stack);
}

TEST(SecurityGroup, TakesATokenCidrLikeTheVpcsOwn) {
  GroupFixture f;
  auto& sg = f.stack.add<SecurityGroup>("Sg", {.vpc = f.vpc});
  sg.add_ingress_rule(Peer::ipv4(f.vpc.vpc_cidr_block()), Port::tcp(443));
  auto t = Template::from_stack(f.stack);
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"SecurityGroupIngress", Match::array_equals({Match::object_like({
                                                    {"CidrIp", Match::object_like({{"Fn::GetAtt", Match::any_value()}})},
                                                    {"Description", Match::object_like({{"Fn::Join", Match::any_value()}})}})})}}));
  cdk::testing::keep_for_lint(f.stack);
}

TEST(SecurityGroup, RulesAcrossStacksPutTheMirrorRuleWithThePeer) {
  cdk::App app;
  auto& net = app.add<cdk::Stack>("Net");
  auto& app_stack = app.add<cdk::Stack>("App");
  auto& vpc = net.add<cdk::testing::TestVpc>("Vpc");
  auto& web = net.add<SecurityGroup>("Web", {.vpc = vpc, .allow_all_outbound = false});
  auto& db = app_stack.add<SecurityGroup>("Db", {.vpc = vpc});
  db.connections().allow_from(web, Port::tcp(5432));
  // The ingress is in the database group's construct; the mirror egress of
  // the web group lives there too, so only App refers to Net (the CDK's placement).
  EXPECT_NE(db.node().try_find_child("from " + web.unique_id() + ":5432"), nullptr);
  EXPECT_NE(db.node().try_find_child(web.unique_id() + ":5432 from"), nullptr);
  EXPECT_EQ(web.node().children().size(), 1U);
  (void)Template::from_stack(app_stack);
}

TEST(SecurityGroup, AddsIpv6EgressRulesEvenWhileAllIpv4OutboundIsAllowed) {
  GroupFixture f;
  auto& sg = f.stack.add<SecurityGroup>("Sg", {.vpc = f.vpc});
  sg.add_egress_rule(Peer::ipv6("2001:db8::/32"), Port::tcp(443));
  EXPECT_TRUE(sg.node().metadata().empty());
  auto t = Template::from_stack(f.stack);
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"SecurityGroupEgress", Match::array_equals({
                                                     Match::object_like({{"CidrIp", "0.0.0.0/0"}}),
                                                     Match::object_like({{"CidrIpv6", "2001:db8::/32"}, {"FromPort", 443}})})}}));
  cdk::testing::keep_for_lint(f.stack);
}

TEST(SecurityGroup, NamesSeparateRulesFromTokenPeersOneByOne) {
  GroupFixture f;
  auto& c = SecurityGroup::from_security_group_id(f.stack, "C", "sg-0123456789abcdef0");
  c.add_ingress_rule(Peer::ipv4(f.vpc.vpc_cidr_block()), Port::tcp(80));
  c.add_ingress_rule(Peer::ipv4(f.vpc.vpc_cidr_block()), Port::tcp(80));  // the same token: added once
  c.add_ingress_rule(Peer::ipv4(cdk::Fn::select(0, cdk::Fn::cidr(f.vpc.vpc_cidr_block(), 2, 8))), Port::tcp(80));
  // The CDK's ids: "{IndirectPeer}" first, then quoted and numbered.
  EXPECT_NE(c.node().try_find_child("from {IndirectPeer}:80"), nullptr);
  EXPECT_NE(c.node().try_find_child("from '{IndirectPeer2}':80"), nullptr);
  auto t = Template::from_stack(f.stack);
  t.resource_count_is("AWS::EC2::SecurityGroupIngress", 2);
  cdk::testing::keep_for_lint(f.stack);
}

TEST(SecurityGroup, ReportsAnInvalidCidrWithThePath) {
  GroupFixture f;
  auto& sg = f.stack.add<SecurityGroup>("Sg", {.vpc = f.vpc});
  EXPECT_THAT(error_of([&] { sg.add_ingress_rule(Peer::ipv4("10.0.0.300/8"), Port::tcp(22)); }),
              HasSubstr("Stack/Sg: invalid IPv4 CIDR \"10.0.0.300/8\""));
  EXPECT_THAT(error_of([&] { sg.add_ingress_rule(Peer::ipv4("10.0.0.1"), Port::tcp(22)); }),
              HasSubstr("did you mean \"10.0.0.1/32\"?"));
  EXPECT_THAT(error_of([&] { sg.add_ingress_rule(Peer::ipv4("10.0.0.0/33"), Port::tcp(22)); }),
              HasSubstr("invalid mask"));
  EXPECT_THAT(error_of([&] { sg.add_ingress_rule(Peer::ipv6("10.0.0.0/8"), Port::tcp(22)); }),
              HasSubstr("invalid IPv6 CIDR"));
  EXPECT_THAT(error_of([&] { sg.add_ingress_rule(Peer::prefix_list("abc"), Port::tcp(22)); }),
              HasSubstr("does not start with \"pl-\""));
}

TEST(SecurityGroup, ReportsAnInvalidPortWithThePath) {
  GroupFixture f;
  auto& sg = f.stack.add<SecurityGroup>("Sg", {.vpc = f.vpc});
  EXPECT_THAT(error_of([&] { sg.add_ingress_rule(Peer::ipv4("10.0.0.0/8"), Port::tcp(70000)); }),
              HasSubstr("Stack/Sg: port 70000 is outside 0-65535"));
  EXPECT_THAT(error_of([&] { sg.add_ingress_rule(Peer::ipv4("10.0.0.0/8"), Port::udp_range(90, 80)); }),
              HasSubstr("starts after it ends"));
  EXPECT_THAT(error_of([&] { sg.add_ingress_rule(Peer::ipv4("10.0.0.0/8"), Port::icmp_type(300)); }),
              HasSubstr("outside 0-255"));
}

TEST(SecurityGroup, ReportsBadPropsWithThePath) {
  GroupFixture f;
  EXPECT_THAT(error_of([&] { f.stack.add<SecurityGroup>("NoVpc", {}); }), HasSubstr("Stack/NoVpc: a security group needs a VPC"));
  EXPECT_THAT(error_of([&] { f.stack.add<SecurityGroup>("Long", {.vpc = f.vpc, .description = std::string(256, 'x')}); }),
              HasSubstr("Stack/Long: security group description is 256 characters"));
  EXPECT_THAT(error_of([&] { f.stack.add<SecurityGroup>("Name", {.vpc = f.vpc, .security_group_name = "sg-web"}); }),
              HasSubstr("Stack/Name: security group name \"sg-web\" starts with \"sg-\""));
  EXPECT_THAT(error_of([&] { (void)SecurityGroup::from_security_group_id(f.stack, "Bad", "web"); }),
              HasSubstr("Stack/Bad: \"web\" is not a security group id"));
  EXPECT_THROW((void)SecurityGroup::from_security_group_id(f.stack, "Short", "sg-123"), cdk::Error);
}

}  // namespace
