// Connections, Port and Peer: the connection model other constructs build on.
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ec2/connections.hpp>
#include <cdk/ec2/security_group.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::ec2::Connections;
using cdk::ec2::Peer;
using cdk::ec2::Port;
using cdk::ec2::SecurityGroup;
using ::testing::HasSubstr;

// A construct with a default port, as a database or load balancer would be.
class Service : public cdk::Construct, public cdk::ec2::IConnectable {
 public:
  Service(cdk::Construct& scope, std::string_view id, cdk::ec2::IVpc& vpc, std::optional<Port> port)
      : cdk::Construct(scope, id),
        sg_(add<SecurityGroup>("SecurityGroup", {.vpc = vpc})),
        connections_({.security_groups = {sg_}, .default_port = port}) {}
  Connections& connections() override { return connections_; }
  SecurityGroup& sg() { return sg_; }

 private:
  SecurityGroup& sg_;
  Connections connections_;
};

struct Fixture {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
};

TEST(Port, NamesPortsLikeTheCdk) {
  EXPECT_EQ(Port::tcp(443).to_string(), "443");
  EXPECT_EQ(Port::tcp_range(1000, 2000).to_string(), "1000-2000");
  EXPECT_EQ(Port::all_tcp().to_string(), "ALL PORTS");
  EXPECT_EQ(Port::udp(53).to_string(), "UDP 53");
  EXPECT_EQ(Port::udp_range(5, 6).to_string(), "UDP 5-6");
  EXPECT_EQ(Port::all_udp().to_string(), "UDP ALL PORTS");
  EXPECT_EQ(Port::all_traffic().to_string(), "ALL TRAFFIC");
  EXPECT_EQ(Port::icmp_ping().to_string(), "ICMP Type 8");
  EXPECT_EQ(Port::icmp_type_and_code(3, 4).to_string(), "ICMP Type 3 Code 4");
  EXPECT_EQ(Port::all_icmp().to_string(), "ALL ICMP");
}

TEST(Port, GivesProtocolAndRangeForRules) {
  EXPECT_EQ(Port::all_traffic().protocol(), "-1");
  EXPECT_FALSE(Port::all_traffic().from_port().has_value());
  EXPECT_EQ(Port::all_udp().protocol(), "udp");
  EXPECT_EQ(Port::all_udp().to_port(), 65535);
  EXPECT_EQ(Port::icmp_ping().to_port(), -1);
  EXPECT_EQ(Port::tcp(22), Port::tcp_range(22, 22));
  EXPECT_TRUE(Port::tcp(65535).problem().empty());
  EXPECT_FALSE(Port::tcp(-1).problem().empty());
}

TEST(Peer, ChecksLiteralCidrsAndAcceptsTokens) {
  EXPECT_TRUE(Peer::ipv4("192.168.1.0/24").problem().empty());
  EXPECT_EQ(Peer::any_ipv4().value(), cdk::Value("0.0.0.0/0"));
  EXPECT_EQ(Peer::any_ipv6().value(), cdk::Value("::/0"));
  EXPECT_THAT(Peer::ipv4("1.2.3/24").problem(), HasSubstr("invalid IPv4 CIDR"));
  EXPECT_THAT(Peer::ipv4("1.2.3.4").problem(), HasSubstr("did you mean \"1.2.3.4/32\"?"));
  EXPECT_TRUE(Peer::ipv4(cdk::Fn::select(0, cdk::Fn::get_azs())).problem().empty());
  EXPECT_TRUE(Peer::ipv4("10.0.0.0/8").can_inline_rule());
  EXPECT_FALSE(Peer::prefix_list("pl-1").can_inline_rule());
}

TEST(Connections, AllowDefaultPortFromAddsTheIngressOnThatPort) {
  Fixture f;
  auto& db = f.stack.add<Service>("Db", f.vpc, Port::tcp(5432));
  auto& web = f.stack.add<SecurityGroup>("Web", {.vpc = f.vpc});
  db.connections().allow_default_port_from(web, "web to db");
  auto t = Template::from_stack(f.stack);
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress",
                            Match::object_like({{"FromPort", 5432}, {"ToPort", 5432}, {"Description", "web to db"}}));
  cdk::testing::keep_for_lint(f.stack);
}

TEST(Connections, AllowDefaultPortFromAnyIpv4IsTheExplicitWorldOpening) {
  Fixture f;
  auto& lb = f.stack.add<Service>("Lb", f.vpc, Port::tcp(443));
  lb.connections().allow_default_port_from_any_ipv4("public");
  auto t = Template::from_stack(f.stack);
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"SecurityGroupIngress", Match::array_with({Match::object_like({{"CidrIp", "0.0.0.0/0"}, {"FromPort", 443}})})}}));
  cdk::testing::keep_for_lint(f.stack);
}

TEST(Connections, WithoutADefaultPortRefusesDefaultPortCalls) {
  Fixture f;
  auto& svc = f.stack.add<Service>("Svc", f.vpc, std::nullopt);
  try {
    svc.connections().allow_default_port_from(Peer::ipv4("10.0.0.0/8"));
    FAIL() << "no error";
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("Stack/Svc/SecurityGroup"));
    EXPECT_THAT(e.what(), HasSubstr("no default port"));
  }
  auto& other = f.stack.add<Service>("Other", f.vpc, std::nullopt);
  EXPECT_THROW(svc.connections().allow_to_default_port(other), cdk::Error);
}

TEST(Connections, AllowToAddsEgressOnTheSenderAndIngressOnTheReceiver) {
  Fixture f;
  auto& web = f.stack.add<SecurityGroup>("Web", {.vpc = f.vpc, .allow_all_outbound = false});
  auto& db = f.stack.add<Service>("Db", f.vpc, Port::tcp(3306));
  web.connections().allow_to_default_port(db);
  auto t = Template::from_stack(f.stack);
  t.resource_count_is("AWS::EC2::SecurityGroupIngress", 1);
  t.resource_count_is("AWS::EC2::SecurityGroupEgress", 1);
  t.has_resource_properties("AWS::EC2::SecurityGroupEgress", Match::object_like({{"FromPort", 3306}}));
  cdk::testing::keep_for_lint(f.stack);
}

TEST(Connections, GroupsAddedLaterGetTheRulesAllowedBefore) {
  Fixture f;
  auto& a = f.stack.add<SecurityGroup>("A", {.vpc = f.vpc});
  auto& b = f.stack.add<SecurityGroup>("B", {.vpc = f.vpc});
  Connections conns({.security_groups = {a}});
  conns.allow_from(Peer::ipv4("10.0.0.0/8"), Port::tcp(22));
  conns.add_security_group(b);
  auto t = Template::from_stack(f.stack);
  t.resource_properties_count_is("AWS::EC2::SecurityGroup",
                                 Match::object_like({{"SecurityGroupIngress", Match::array_with({Match::object_like({{"CidrIp", "10.0.0.0/8"}})})}}),
                                 2);
  cdk::testing::keep_for_lint(f.stack);
}

TEST(Connections, APeerThatIsASecurityGroupAlsoGetsTheMirrorRule) {
  Fixture f;
  auto& a = f.stack.add<SecurityGroup>("A", {.vpc = f.vpc});
  auto& b = f.stack.add<SecurityGroup>("B", {.vpc = f.vpc, .allow_all_outbound = false});
  a.connections().allow_from(Peer::security_group(b), Port::tcp(80));
  auto t = Template::from_stack(f.stack);
  t.resource_count_is("AWS::EC2::SecurityGroupIngress", 1);
  t.resource_count_is("AWS::EC2::SecurityGroupEgress", 1);
}

TEST(Connections, AllowInternallyWithoutAllOutboundAddsBothDirections) {
  Fixture f;
  auto& a = f.stack.add<SecurityGroup>("A", {.vpc = f.vpc, .allow_all_outbound = false});
  auto& b = f.stack.add<SecurityGroup>("B", {.vpc = f.vpc, .allow_all_outbound = false});
  Connections cluster({.security_groups = {a, b}, .default_port = Port::tcp(2049)});
  cluster.allow_default_port_internally();
  auto t = Template::from_stack(f.stack);
  t.resource_count_is("AWS::EC2::SecurityGroupIngress", 4);  // a<-a, a<-b, b<-a, b<-b
  t.resource_count_is("AWS::EC2::SecurityGroupEgress", 4);
  cdk::testing::keep_for_lint(f.stack);
}

}  // namespace
