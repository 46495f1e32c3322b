// Hand-written tests of the generated L1 classes: call-site ergonomics, tokens,
// nested and recursive property types, tags, validation, escape hatches.
#include <cdk/ec2/cfn_security_group.hpp>
#include <cdk/ec2/cfn_subnet.hpp>
#include <cdk/ec2/cfn_vpc.hpp>
#include <cdk/ssm/cfn_parameter.hpp>
#include <cdk/wafv2/cfn_web_acl.hpp>
#include <cdk/autoscaling/cfn_auto_scaling_group.hpp>
#include <cdk/cdk.hpp>

#include "synth/synthesizer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <type_traits>
#include <vector>

namespace {

using Json = cdk::detail::Json;

Json resources(cdk::App& app) {
  auto assembly = cdk::detail::synthesize(app, {});
  return assembly.stacks.at(0).template_json.at("Resources");
}

std::string synth_errors(cdk::App& app) {
  try {
    (void)cdk::detail::synthesize(app, {});
  } catch (const cdk::SynthError& e) {
    std::string out;
    for (const auto& d : e.errors()) out += d.to_string() + "\n";
    return out;
  }
  return {};
}

// Literals of the wrong type do not convert; tokens always do.
static_assert(std::is_convertible_v<const char*, cdk::Prop<std::string>>);
static_assert(std::is_convertible_v<cdk::Value, cdk::Prop<std::string>>);
static_assert(!std::is_convertible_v<const char*, cdk::Prop<bool>>);
static_assert(!std::is_convertible_v<int, cdk::Prop<bool>>);
static_assert(std::is_convertible_v<bool, cdk::Prop<bool>>);
static_assert(std::is_convertible_v<int, cdk::Prop<std::int64_t>>);
static_assert(!std::is_convertible_v<bool, cdk::Prop<std::int64_t>>);
static_assert(!std::is_convertible_v<double, cdk::Prop<std::int64_t>>);
static_assert(!std::is_convertible_v<const char*, cdk::Prop<std::int64_t>>);
static_assert(std::is_convertible_v<int, cdk::Prop<double>>);
static_assert(std::is_convertible_v<std::vector<std::string>, cdk::PropList<std::string>>);
static_assert(std::is_aggregate_v<cdk::ec2::CfnVPC::Props>);
static_assert(std::is_aggregate_v<cdk::ec2::CfnSecurityGroup::IngressProperty>);

TEST(CfnVpc, RendersLiteralPropsUnderCloudFormationNames) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Net");
  auto& vpc = stack.add<cdk::ec2::CfnVPC>(
      "Vpc", {.cidr_block = "10.0.0.0/16", .enable_dns_hostnames = true, .tags = {{"team", "infra"}}});
  EXPECT_EQ(vpc.cfn_type(), "AWS::EC2::VPC");
  auto r = resources(app).at(vpc.logical_id());
  EXPECT_EQ(r.at("Type"), "AWS::EC2::VPC");
  const auto& p = r.at("Properties");
  EXPECT_EQ(p.at("CidrBlock"), "10.0.0.0/16");
  EXPECT_EQ(p.at("EnableDnsHostnames"), true);
  EXPECT_EQ(p.at("Tags"), Json::parse(R"([{"Key":"team","Value":"infra"}])"));
  EXPECT_FALSE(p.contains("EnableDnsSupport"));
}

// Props written inline are moved in; props kept in a variable are copied, and
// the variable stays the caller's to change and reuse.
TEST(CfnVpc, PropsKeptInAVariableAreCopiedAndStayTheCallers) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Net");
  cdk::ec2::CfnVPC::Props props{.cidr_block = "10.0.0.0/16", .tags = {{"team", "infra"}}};
  auto& a = stack.add<cdk::ec2::CfnVPC>("A", props);
  props.cidr_block = "10.1.0.0/16";
  const auto& b = stack.add<cdk::ec2::CfnVPC>("B", props);
  auto& c = stack.add<cdk::ec2::CfnVPC>("C", std::move(props));
  const auto r = resources(app);
  EXPECT_EQ(r.at(a.logical_id()).at("Properties").at("CidrBlock"), "10.0.0.0/16");
  EXPECT_EQ(r.at(b.logical_id()).at("Properties").at("CidrBlock"), "10.1.0.0/16");
  EXPECT_EQ(r.at(c.logical_id()).at("Properties").at("CidrBlock"), "10.1.0.0/16");
  EXPECT_EQ(r.at(a.logical_id()).at("Properties").at("Tags"), r.at(c.logical_id()).at("Properties").at("Tags"));
}

TEST(CfnSubnet, AcceptsTokensWhereLiteralsGo) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Net");
  auto& vpc = stack.add<cdk::ec2::CfnVPC>("Vpc", {.cidr_block = "10.0.0.0/16"});
  auto& subnet = stack.add<cdk::ec2::CfnSubnet>(
      "A", {.availability_zone = cdk::Fn::select(0, cdk::Fn::get_azs()),
            .cidr_block = cdk::Fn::select(0, cdk::Fn::cidr(vpc.attr_cidr_block(), 4, 8)),
            .map_public_ip_on_launch = false,
            .vpc_id = vpc.ref()});
  auto p = resources(app).at(subnet.logical_id()).at("Properties");
  EXPECT_EQ(p.at("VpcId"), Json::parse(R"({"Ref":")" + vpc.logical_id() + R"("})"));
  EXPECT_EQ(p.at("AvailabilityZone").at("Fn::Select").at(0), 0);
  EXPECT_EQ(p.at("CidrBlock").at("Fn::Select").at(1).at("Fn::Cidr").at(0),
            Json::parse(R"({"Fn::GetAtt":[")" + vpc.logical_id() + R"(","CidrBlock"]})"));
  EXPECT_EQ(p.at("MapPublicIpOnLaunch"), false);
}

TEST(CfnSecurityGroup, NestedPropertyTypesAreAggregatesInLists) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Net");
  auto& vpc = stack.add<cdk::ec2::CfnVPC>("Vpc", {.cidr_block = "10.0.0.0/16"});
  std::vector<std::string> ids = {"sg-1", "sg-2"};
  auto& sg = stack.add<cdk::ec2::CfnSecurityGroup>(
      "Web", {.group_description = "web",
              .security_group_ingress = {{.cidr_ip = "0.0.0.0/0", .from_port = 443, .ip_protocol = "tcp", .to_port = 443},
                                         {.ip_protocol = "tcp", .source_security_group_id = vpc.attr_default_security_group()}},
              .vpc_id = vpc.ref()});
  auto p = resources(app).at(sg.logical_id()).at("Properties");
  ASSERT_EQ(p.at("SecurityGroupIngress").size(), 2u);
  EXPECT_EQ(p.at("SecurityGroupIngress").at(0),
            Json::parse(R"({"CidrIp":"0.0.0.0/0","FromPort":443,"IpProtocol":"tcp","ToPort":443})"));
  EXPECT_TRUE(p.at("SecurityGroupIngress").at(1).at("SourceSecurityGroupId").contains("Fn::GetAtt"));
  EXPECT_FALSE(p.contains("SecurityGroupEgress"));
  (void)ids;
}

TEST(CfnWebAcl, RecursivePropertyTypesNestThroughBoxes) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Edge");
  using Acl = cdk::wafv2::CfnWebACL;
  Acl::StatementProperty geo{.geo_match_statement = Acl::GeoMatchStatementProperty{.country_codes = {"NL", "BE"}}};
  auto& acl = stack.add<Acl>(
      "Acl", {.default_action = {{.allow = Acl::AllowActionProperty{}}},
              .rules = {{.action = Acl::RuleActionProperty{.block = Acl::BlockActionProperty{}},
                         .name = "not-benelux",
                         .priority = 1,
                         .statement = {{.not_statement = Acl::NotStatementProperty{.statement = geo}}},
                         .visibility_config = {{.cloud_watch_metrics_enabled = true,
                                                .metric_name = "geo",
                                                .sampled_requests_enabled = false}}}},
              .scope = "REGIONAL",
              .visibility_config = {{.cloud_watch_metrics_enabled = true, .metric_name = "acl",
                                     .sampled_requests_enabled = false}}});
  auto p = resources(app).at(acl.logical_id()).at("Properties");
  EXPECT_EQ(p.at("Rules").at(0).at("Statement").at("NotStatement").at("Statement").at("GeoMatchStatement").at("CountryCodes"),
            Json::parse(R"(["NL","BE"])"));
  EXPECT_EQ(p.at("DefaultAction"), Json::parse(R"({"Allow":{}})"));
}

TEST(CfnSubnet, MissingRequiredPropertyIsASynthesisErrorNamingPathAndProperty) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Net");
  stack.add<cdk::ec2::CfnSubnet>("A", {.cidr_block = "10.0.0.0/24"});
  auto errors = synth_errors(app);
  EXPECT_NE(errors.find("Net/A"), std::string::npos) << errors;
  EXPECT_NE(errors.find("missing required property VpcId of AWS::EC2::Subnet"), std::string::npos) << errors;
  EXPECT_NE(errors.find("set props.vpc_id"), std::string::npos) << errors;
}

TEST(CfnParameter, MapTaggedTypesMergeTagsFromTheTree) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Cfg");
  auto& param = stack.add<cdk::ssm::CfnParameter>("P", {.tags = {{"owner", "me"}}, .type = "String", .value = "v"});
  cdk::Tags::of(stack).add("env", "prod");
  auto p = resources(app).at(param.logical_id()).at("Properties");
  EXPECT_EQ(p.at("Tags").at("owner"), "me");
  EXPECT_EQ(p.at("Tags").at("env"), "prod");
}

TEST(CfnAutoScalingGroup, StandardTagsFromTheTreePropagateAtLaunch) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Asg");
  auto& asg = stack.add<cdk::autoscaling::CfnAutoScalingGroup>("G", {.max_size = "2", .min_size = "1"});
  cdk::Tags::of(stack).add("env", "prod");
  auto p = resources(app).at(asg.logical_id()).at("Properties");
  ASSERT_EQ(p.at("Tags").size(), 1u);
  EXPECT_EQ(p.at("Tags").at(0).at("Key"), "env");
  EXPECT_EQ(p.at("Tags").at(0).at("Value"), "prod");
  EXPECT_EQ(p.at("Tags").at(0).at("PropagateAtLaunch"), true);
}

TEST(CfnVpc, PropsCanChangeAfterCreationAndOverridesApplyLast) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Net");
  auto& vpc = stack.add<cdk::ec2::CfnVPC>("Vpc", {.cidr_block = "10.0.0.0/16"});
  vpc.props().enable_dns_support = true;
  vpc.set_property("Ipv4NetmaskLength", 16);
  vpc.add_property_override("InstanceTenancy", "dedicated");
  auto p = resources(app).at(vpc.logical_id()).at("Properties");
  EXPECT_EQ(p.at("EnableDnsSupport"), true);
  EXPECT_EQ(p.at("Ipv4NetmaskLength"), 16);
  EXPECT_EQ(p.at("InstanceTenancy"), "dedicated");
}

TEST(CfnVpc, ListsTakeOneTokenForTheWholeList) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Net");
  auto& vpc = stack.add<cdk::ec2::CfnVPC>("Vpc", {.cidr_block = "10.0.0.0/16"});
  auto& sg = stack.add<cdk::ec2::CfnSecurityGroup>("Sg", {.group_description = "d", .vpc_id = vpc.ref()});
  cdk::PropList<std::string> azs = cdk::Fn::get_azs();
  cdk::PropList<std::string> ids = {"a", sg.attr_group_id()};
  EXPECT_EQ(azs.value().kind(), cdk::Value::Kind::Intrinsic);
  EXPECT_EQ(ids.value().as_list().size(), 2u);
  EXPECT_TRUE(ids.value().as_list()[1].is_token());
}

}  // namespace

namespace {

TEST(CfnSecurityGroup, MissingRequiredPropertyOfANestedTypeIsASynthesisError) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Net");
  stack.add<cdk::ec2::CfnSecurityGroup>(
      "Sg", {.group_description = "d", .security_group_ingress = {{.from_port = 22, .to_port = 22}}});
  auto errors = synth_errors(app);
  EXPECT_NE(errors.find("Net/Sg"), std::string::npos) << errors;
  EXPECT_NE(errors.find("missing required property IpProtocol of AWS::EC2::SecurityGroup.Ingress"), std::string::npos)
      << errors;
  EXPECT_NE(errors.find("set IngressProperty::ip_protocol"), std::string::npos) << errors;
}

}  // namespace
