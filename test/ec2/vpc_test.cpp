// Vpc: the CDK's layout and logical ids, the CIDR allocator, AZs, NAT,
// endpoints, flow logs, subnet selection and every input error.
#include "support/expect_error.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/ec2/cfn_route_table.hpp>
#include <cdk/ec2/vpc.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::ec2::SubnetType;
using cdk::ec2::Vpc;
using cdk::testing::error_of;
using ::testing::HasSubstr;

std::vector<std::string> sorted_ids(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

Match select_az(int i) {
  return Match::object_equals({{"Fn::Select", Match::array_equals({i, Match::object_equals({{"Fn::GetAZs", ""}})})}});
}

Match ref(const char* logical_id) { return Match::object_equals({{"Ref", logical_id}}); }

TEST(Vpc, DefaultHasTheCdksResourcesAndLogicalIds) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  stack.add<Vpc>("Vpc");
  auto t = Template::from_stack(stack);
  // aws-cdk-lib 2.x, `new ec2.Vpc(stack, 'Vpc')` in an environment-agnostic stack.
  EXPECT_EQ(t.find_resources("AWS::EC2::VPC"), std::vector<std::string>{"Vpc8378EB38"});
  EXPECT_EQ(sorted_ids(t.find_resources("AWS::EC2::Subnet")),
            sorted_ids({"VpcPublicSubnet1Subnet5C2D37C4", "VpcPublicSubnet2Subnet691E08A3", "VpcPrivateSubnet1Subnet536B997A",
                    "VpcPrivateSubnet2Subnet3788AAA1"}));
  EXPECT_EQ(sorted_ids(t.find_resources("AWS::EC2::RouteTable")),
            sorted_ids({"VpcPublicSubnet1RouteTable6C95E38E", "VpcPublicSubnet2RouteTable94F7E489",
                    "VpcPrivateSubnet1RouteTableB2C5B500", "VpcPrivateSubnet2RouteTableA678073B"}));
  EXPECT_EQ(sorted_ids(t.find_resources("AWS::EC2::SubnetRouteTableAssociation")),
            sorted_ids({"VpcPublicSubnet1RouteTableAssociation97140677", "VpcPublicSubnet2RouteTableAssociationDD5762D8",
                    "VpcPrivateSubnet1RouteTableAssociation70C59FA6", "VpcPrivateSubnet2RouteTableAssociationA89CAD56"}));
  EXPECT_EQ(sorted_ids(t.find_resources("AWS::EC2::Route")),
            sorted_ids({"VpcPublicSubnet1DefaultRoute3DA9E72A", "VpcPublicSubnet2DefaultRoute97F91067",
                    "VpcPrivateSubnet1DefaultRouteBE02A9ED", "VpcPrivateSubnet2DefaultRoute060D2087"}));
  EXPECT_EQ(sorted_ids(t.find_resources("AWS::EC2::EIP")), sorted_ids({"VpcPublicSubnet1EIPD7E02669", "VpcPublicSubnet2EIP3C605A87"}));
  EXPECT_EQ(sorted_ids(t.find_resources("AWS::EC2::NatGateway")),
            sorted_ids({"VpcPublicSubnet1NATGateway4D7517AA", "VpcPublicSubnet2NATGateway9182C01D"}));
  EXPECT_EQ(t.find_resources("AWS::EC2::InternetGateway"), std::vector<std::string>{"VpcIGWD7BA715C"});
  EXPECT_EQ(t.find_resources("AWS::EC2::VPCGatewayAttachment"), std::vector<std::string>{"VpcVPCGWBF912B6E"});

  t.has_resource_properties("AWS::EC2::VPC", Match::object_equals({{"CidrBlock", "10.0.0.0/16"},
                                                                   {"EnableDnsHostnames", true},
                                                                   {"EnableDnsSupport", true},
                                                                   {"InstanceTenancy", "default"},
                                                                   {"Tags", Match::array_equals({Match::object_equals({{"Key", "Name"}, {"Value", "Stack/Vpc"}})})}}));
  t.has_resource_properties("AWS::EC2::Subnet",
                            Match::object_equals({{"AvailabilityZone", select_az(0)},
                                                  {"CidrBlock", "10.0.0.0/18"},
                                                  {"MapPublicIpOnLaunch", true},
                                                  {"Tags", Match::any_value()},
                                                  {"VpcId", ref("Vpc8378EB38")}}));
  // The same three tags as the CDK (the order of tag keys is the core's).
  for (auto tag : {std::pair{"aws-cdk:subnet-name", "Public"}, std::pair{"aws-cdk:subnet-type", "Public"},
                   std::pair{"Name", "Stack/Vpc/PublicSubnet1"}})
    t.has_resource_properties("AWS::EC2::Subnet",
                              Match::object_like({{"CidrBlock", "10.0.0.0/18"},
                                                  {"Tags", Match::array_with({Match::object_equals({{"Key", tag.first}, {"Value", tag.second}})})}}));
  t.resource_properties_count_is("AWS::EC2::Subnet", Match::object_like({{"Tags", Match::array_equals({Match::any_value(), Match::any_value(), Match::any_value()})}}), 4);
  t.has_resource_properties("AWS::EC2::Subnet", Match::object_like({{"AvailabilityZone", select_az(1)},
                                                                    {"CidrBlock", "10.0.192.0/18"},
                                                                    {"MapPublicIpOnLaunch", false}}));
  t.has_resource_properties("AWS::EC2::RouteTable",
                            Match::object_equals({{"Tags", Match::array_equals({Match::object_equals({{"Key", "Name"}, {"Value", "Stack/Vpc/PublicSubnet1"}})})},
                                                  {"VpcId", ref("Vpc8378EB38")}}));
  t.has_resource("AWS::EC2::Route", Match::object_like({{"Properties", Match::object_equals({{"DestinationCidrBlock", "0.0.0.0/0"},
                                                                                          {"GatewayId", ref("VpcIGWD7BA715C")},
                                                                                          {"RouteTableId", ref("VpcPublicSubnet1RouteTable6C95E38E")}})},
                                                        {"DependsOn", Match::array_equals({"VpcVPCGWBF912B6E"})}}));
  t.has_resource_properties("AWS::EC2::Route", Match::object_equals({{"DestinationCidrBlock", "0.0.0.0/0"},
                                                                    {"NatGatewayId", ref("VpcPublicSubnet1NATGateway4D7517AA")},
                                                                    {"RouteTableId", ref("VpcPrivateSubnet1RouteTableB2C5B500")}}));
  t.has_resource("AWS::EC2::NatGateway",
                 Match::object_like({{"Properties", Match::object_equals({
                                                        {"AllocationId", Match::object_equals({{"Fn::GetAtt", Match::array_equals({"VpcPublicSubnet1EIPD7E02669", "AllocationId"})}})},
                                                        {"SubnetId", ref("VpcPublicSubnet1Subnet5C2D37C4")},
                                                        {"Tags", Match::array_equals({Match::object_equals({{"Key", "Name"}, {"Value", "Stack/Vpc/PublicSubnet1"}})})}})},
                                     {"DependsOn", Match::array_equals({"VpcPublicSubnet1DefaultRoute3DA9E72A",
                                                                        "VpcPublicSubnet1RouteTableAssociation97140677"})}}));
  t.has_resource_properties("AWS::EC2::EIP", Match::object_like({{"Domain", "vpc"}}));
  t.has_resource_properties("AWS::EC2::InternetGateway",
                            Match::object_equals({{"Tags", Match::array_equals({Match::object_equals({{"Key", "Name"}, {"Value", "Stack/Vpc"}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST(Vpc, SizesGroupsLikeTheCdkWithMasksFirstAndTheRestSplitEvenly) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& vpc = stack.add<Vpc>("Vpc", {.max_azs = 2,
                                     .nat_gateways = 1,
                                     .subnet_configuration = {{"pub", SubnetType::Public, 24},
                                                              {"app", SubnetType::PrivateWithEgress},
                                                              {"data", SubnetType::PrivateIsolated, 28}}});
  std::vector<std::string> cidrs;
  for (auto* group : {&vpc.public_subnets(), &vpc.isolated_subnets(), &vpc.private_subnets()})
    for (auto* s : *group) cidrs.push_back(s->ipv4_cidr_block());
  // The same blocks aws-cdk-lib allocates for this configuration.
  EXPECT_EQ(cidrs, (std::vector<std::string>{"10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/28", "10.0.2.16/28", "10.0.64.0/18",
                                             "10.0.128.0/18"}));
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::EC2::NatGateway", 1);
  // One shared NAT gateway: both private subnets route to it.
  t.resource_properties_count_is("AWS::EC2::Route", Match::object_like({{"NatGatewayId", ref("VpcpubSubnet1NATGateway8C2C230D")}}), 2);
  EXPECT_EQ(t.find_resources("AWS::EC2::Subnet", Match::object_like({{"CidrBlock", "10.0.2.16/28"}})),
            std::vector<std::string>{"VpcdataSubnet2SubnetAD08DFFF"});
  // Isolated subnets have no default route.
  t.resource_count_is("AWS::EC2::Route", 4);
  cdk::testing::keep_for_lint(stack);
}

TEST(Vpc, KeepsExplicitSubnetBlocksAndAllocatesTheRestAroundThem) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& vpc = stack.add<Vpc>("Vpc", {.subnet_configuration = {
                                         {.name = "pub", .subnet_type = SubnetType::Public, .cidr_blocks = {"10.0.0.0/24", "10.0.1.0/24"}},
                                         {.name = "app", .subnet_type = SubnetType::PrivateWithEgress}}});
  EXPECT_EQ(vpc.public_subnets()[1]->ipv4_cidr_block(), "10.0.1.0/24");
  EXPECT_EQ(vpc.private_subnets()[0]->ipv4_cidr_block(), "10.0.64.0/18");
  EXPECT_EQ(vpc.private_subnets()[1]->ipv4_cidr_block(), "10.0.128.0/18");
  cdk::testing::keep_for_lint(stack);
}

TEST(Vpc, RejectsOverlappingOrMisplacedSubnetBlocks) {
  auto make = [](std::vector<cdk::ec2::SubnetConfiguration> groups) {
    cdk::App app;
    auto& stack = app.add<cdk::Stack>("Stack");
    return error_of([&] { stack.add<Vpc>("Vpc", {.nat_gateways = 0, .subnet_configuration = std::move(groups)}); });
  };
  EXPECT_THAT(make({{.name = "a", .subnet_type = SubnetType::Public, .cidr_blocks = {"10.0.0.0/24", "10.0.1.0/24"}},
                    {.name = "b", .subnet_type = SubnetType::PrivateIsolated, .cidr_blocks = {"10.0.1.128/25", "10.0.2.0/24"}}}),
              HasSubstr("Stack/Vpc: subnet block 10.0.1.128/25 overlaps 10.0.1.0/24"));
  EXPECT_THAT(make({{.name = "a", .subnet_type = SubnetType::Public, .cidr_blocks = {"10.0.0.0/24", "10.1.0.0/24"}}}),
              HasSubstr("Stack/Vpc: subnet block 10.1.0.0/24 is not inside the VPC's 10.0.0.0/16"));
  EXPECT_THAT(make({{.name = "a", .subnet_type = SubnetType::Public, .cidr_blocks = {"10.0.0.0/24"}}}),
              HasSubstr("lists 1 cidr_blocks for 2 availability zones"));
  EXPECT_THAT(make({{.name = "a", .subnet_type = SubnetType::Public, .cidr_mask = 24, .cidr_blocks = {"10.0.0.0/24", "10.0.1.0/24"}}}),
              HasSubstr("sets both cidr_mask and cidr_blocks"));
  EXPECT_THAT(make({{.name = "a", .subnet_type = SubnetType::Public, .cidr_blocks = {"10.0.0.1/24", "10.0.1.0/24"}}}),
              HasSubstr("has host bits set"));
  EXPECT_THAT(make({{.name = "a", .subnet_type = SubnetType::Public, .cidr_blocks = {"10.0.0.0/29", "10.0.1.0/24"}}}),
              HasSubstr("subnet block 10.0.0.0/29 is a /29"));
}

TEST(Vpc, WithoutNatDefaultsToPublicAndIsolatedSubnets) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& vpc = stack.add<Vpc>("Vpc", {.nat_gateways = 0});
  EXPECT_EQ(vpc.isolated_subnets().size(), 2U);
  EXPECT_TRUE(vpc.private_subnets().empty());
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::EC2::NatGateway", 0);
  t.resource_count_is("AWS::EC2::EIP", 0);
  t.has_resource_properties("AWS::EC2::Subnet", Match::object_like({{"Tags", Match::array_with({Match::object_like({{"Value", "Isolated"}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST(Vpc, OnlyPublicSubnetsNeedNoNat) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  stack.add<Vpc>("Vpc", {.max_azs = 1, .subnet_configuration = {{"web", SubnetType::Public}}});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::EC2::NatGateway", 0);
  t.has_resource_properties("AWS::EC2::Subnet", Match::object_like({{"CidrBlock", "10.0.0.0/16"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST(Vpc, EnvironmentAgnosticStacksGetTwoAzsPickedByGetAzs) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& vpc = stack.add<Vpc>("Vpc", {.max_azs = 3});
  ASSERT_EQ(vpc.availability_zones().size(), 2U);
  EXPECT_EQ(vpc.availability_zones()[1], cdk::Fn::select(1, cdk::Fn::get_azs()));
  // Asking for more than the agnostic 2 is not an error (the CDK's rule) but it is said.
  ASSERT_EQ(vpc.node().metadata().size(), 1U);
  EXPECT_EQ(vpc.node().metadata()[0].type, cdk::Annotations::warning_type);
  EXPECT_THAT(vpc.node().metadata()[0].data, HasSubstr("max_azs is 3, but a stack without a known region uses 2"));
  EXPECT_TRUE(stack.add<Vpc>("Second").node().metadata().empty());
}

TEST(Vpc, StacksInAKnownRegionUseUpToThreeAzsByDefault) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack", cdk::StackProps{.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& vpc = stack.add<Vpc>("Vpc");
  EXPECT_EQ(vpc.availability_zones().size(), 3U);
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::EC2::Subnet", 6);
  t.has_resource_properties("AWS::EC2::Subnet", Match::object_like({{"AvailabilityZone", select_az(2)}}));
  cdk::testing::keep_for_lint(stack);
  // A two-AZ region caps the default quietly, as the CDK does.
  auto& west = app.add<cdk::Stack>("West", cdk::StackProps{.env = {.account = "123456789012", .region = "us-west-1"}});
  EXPECT_EQ(west.add<Vpc>("Vpc").availability_zones().size(), 2U);
}

TEST(Vpc, UsesExplicitAvailabilityZonesByName) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack", cdk::StackProps{.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& vpc = stack.add<Vpc>("Vpc", {.availability_zones = {"eu-west-1a", "eu-west-1c"}, .nat_gateways = 1});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::EC2::Subnet", Match::object_like({{"AvailabilityZone", "eu-west-1c"}}));
  auto in_c = vpc.select_subnets({.subnet_type = SubnetType::Public, .availability_zones = {"eu-west-1c"}});
  ASSERT_EQ(in_c.subnets.size(), 1U);
  EXPECT_EQ(in_c.subnets[0]->node().path(), "Stack/Vpc/PublicSubnet2");
  cdk::testing::keep_for_lint(stack);
}

TEST(Vpc, GivesEachPrivateSubnetTheNatOfItsAz) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack", cdk::StackProps{.env = {.account = "123456789012", .region = "us-east-1"}});
  auto& vpc = stack.add<Vpc>("Vpc", {.max_azs = 3});
  EXPECT_EQ(vpc.nat_ids().size(), 3U);
  auto t = Template::from_stack(stack);
  for (std::size_t i = 0; i < 3; ++i) {
    auto& nat = dynamic_cast<cdk::CfnElement&>(vpc.public_subnets()[i]->node().find_child("NATGateway"));
    t.has_resource_properties("AWS::EC2::Route",
                              Match::object_like({{"NatGatewayId", Match::object_equals({{"Ref", t.logical_id(nat)}})},
                                                  {"RouteTableId", Match::object_equals({{"Ref", t.logical_id(vpc.private_subnets()[i]->route_table())}})}}));
  }
  cdk::testing::keep_for_lint(stack);
}

TEST(Vpc, AddsGatewayEndpointsAndFlowLogsWithTheCdksIds) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  stack.add<Vpc>("Vpc", {.max_azs = 2,
                         .nat_gateways = 1,
                         .subnet_configuration = {{"pub", SubnetType::Public, 24},
                                                  {"app", SubnetType::PrivateWithEgress},
                                                  {"data", SubnetType::PrivateIsolated, 28}},
                         .gateway_endpoints = {{"S3", {.service = cdk::ec2::GatewayVpcEndpointService::S3}}},
                         .flow_logs = {{"fl", {}}}});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.find_resources("AWS::EC2::VPCEndpoint"), std::vector<std::string>{"VpcS3A5408339"});
  t.has_resource_properties(
      "AWS::EC2::VPCEndpoint",
      Match::object_like({{"RouteTableIds", Match::array_equals({ref("VpcappSubnet1RouteTable072E8E09"), ref("VpcappSubnet2RouteTableB76BFC59"),
                                                                 ref("VpcpubSubnet1RouteTableE0483FDA"), ref("VpcpubSubnet2RouteTable5A29DF40"),
                                                                 ref("VpcdataSubnet1RouteTableAF5F53E0"), ref("VpcdataSubnet2RouteTable94FA483A")})},
                          {"ServiceName", Match::object_equals({{"Fn::Join", Match::array_equals({"", Match::array_equals({"com.amazonaws.", ref("AWS::Region"), ".s3"})})}})},
                          {"VpcEndpointType", "Gateway"}}));
  EXPECT_EQ(t.find_resources("AWS::EC2::FlowLog"), std::vector<std::string>{"VpcflFlowLog37FD31D1"});
  EXPECT_EQ(t.find_resources("AWS::Logs::LogGroup"), std::vector<std::string>{"VpcflLogGroup5850C7F0"});
  EXPECT_EQ(sorted_ids(t.find_resources("AWS::IAM::Role")), sorted_ids({"CustomVpcRestrictDefaultSGCustomResourceProviderRole26592FE0", "VpcflIAMRole0862C57F"}));
  EXPECT_EQ(t.find_resources("AWS::IAM::Policy"), std::vector<std::string>{"VpcflIAMRoleDefaultPolicy3B872FF2"});
  t.has_resource_properties("AWS::EC2::FlowLog", Match::object_like({{"LogDestinationType", "cloud-watch-logs"},
                                                                    {"LogGroupName", ref("VpcflLogGroup5850C7F0")},
                                                                    {"ResourceType", "VPC"},
                                                                    {"TrafficType", "ALL"}}));
  t.has_resource("AWS::Logs::LogGroup", Match::object_like({{"Properties", Match::object_like({{"RetentionInDays", 731}})},
                                                           {"DeletionPolicy", "Retain"}}));
  t.has_resource_properties("AWS::IAM::Policy",
                            Match::object_like({{"PolicyDocument", Match::object_like({{"Statement", Match::array_equals({Match::object_like({
                                                    {"Action", Match::array_equals({"logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST(Vpc, SendsFlowLogsToANewPrivateEncryptedBucket) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& vpc = stack.add<Vpc>("Vpc", {.nat_gateways = 0});
  vpc.add_flow_log("Logs", {.destination = cdk::ec2::FlowLogDestination::to_s3(), .traffic_type = cdk::ec2::FlowLogTrafficType::Reject});
  vpc.add_gateway_endpoint("Dynamo", {.service = cdk::ec2::GatewayVpcEndpointService::DynamoDb,
                                      .subnets = {{.subnet_type = SubnetType::PrivateIsolated}}});
  auto t = Template::from_stack(stack);
  t.has_resource("AWS::S3::Bucket", Match::object_like({{"Properties", Match::object_like({
                                                            {"BucketEncryption", Match::any_value()},
                                                            {"PublicAccessBlockConfiguration", Match::object_like({{"BlockPublicAcls", true}})}})},
                                                        {"DeletionPolicy", "Retain"}}));
  t.has_resource_properties("AWS::EC2::FlowLog", Match::object_like({{"LogDestinationType", "s3"}, {"TrafficType", "REJECT"}}));
  t.has_resource_properties("AWS::EC2::VPCEndpoint", Match::object_like({{"RouteTableIds", Match::array_equals({Match::any_value(), Match::any_value()})}}));
  t.resource_count_is("AWS::IAM::Role", 1);  // only the default-group provider's
  cdk::testing::keep_for_lint(stack);
}

TEST(Vpc, UsesNatInstancesWithTheCdksIdsAndAGroupOpenOnlyToTheVpc) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack", cdk::StackProps{.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& vpc = stack.add<Vpc>("Vpc", {.max_azs = 2,
                                     .nat_gateway_provider = cdk::ec2::NatProvider::instance({.instance_type = "t3.micro"})});
  EXPECT_EQ(vpc.nat_ids().size(), 2U);
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::EC2::NatGateway", 0);
  t.resource_count_is("AWS::EC2::EIP", 0);
  // aws-cdk-lib's ids for NatProvider.instanceV2 in the same VPC.
  EXPECT_EQ(sorted_ids(t.find_resources("AWS::EC2::Instance")),
            sorted_ids({"VpcPublicSubnet1NatInstance57B636B8", t.find_resources("AWS::EC2::Instance", Match::object_like({{"SubnetId", ref("VpcPublicSubnet2Subnet691E08A3")}}))[0]}));
  EXPECT_EQ(t.find_resources("AWS::EC2::SecurityGroup"), std::vector<std::string>{"VpcNatSecurityGroup8DA26EDC"});
  EXPECT_EQ(t.find_resources("AWS::IAM::Role", Match::object_like({{"Tags", Match::array_with({Match::object_like({{"Value", "Stack/Vpc/PublicSubnet1/NatInstance"}})})}})),
            std::vector<std::string>{"VpcPublicSubnet1NatInstanceInstanceRole9D835E32"});
  t.has_resource_properties("AWS::EC2::Instance", Match::object_like({{"InstanceType", "t3.micro"},
                                                                     {"SourceDestCheck", false},
                                                                     {"SubnetId", ref("VpcPublicSubnet1Subnet5C2D37C4")},
                                                                     {"UserData", Match::object_like({{"Fn::Base64", Match::string_like_regexp("MASQUERADE")}})}}));
  t.has_resource_properties("AWS::EC2::Route", Match::object_equals({{"DestinationCidrBlock", "0.0.0.0/0"},
                                                                    {"InstanceId", ref("VpcPublicSubnet1NatInstance57B636B8")},
                                                                    {"RouteTableId", ref("VpcPrivateSubnet1RouteTableB2C5B500")}}));
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"GroupDescription", "Security Group for NAT instances"},
                                                {"SecurityGroupIngress", Match::array_equals({Match::object_like({
                                                    {"CidrIp", Match::object_equals({{"Fn::GetAtt", Match::array_equals({"Vpc8378EB38", "CidrBlock"})}})},
                                                    {"IpProtocol", "-1"}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST(Vpc, SelectsExplicitSubnetsOfItsOwn) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& vpc = stack.add<Vpc>("Vpc", {.nat_gateways = 0});
  auto& other = stack.add<Vpc>("Other", {.nat_gateways = 0});
  auto picked = vpc.select_subnets({.subnets = {*vpc.isolated_subnets()[1]}});
  ASSERT_EQ(picked.subnets.size(), 1U);
  EXPECT_EQ(picked.subnets[0], vpc.isolated_subnets()[1]);
  EXPECT_THAT(error_of([&] { (void)vpc.select_subnets({.subnets = {*other.public_subnets()[0]}}); }),
              HasSubstr("Stack/Vpc: selected subnet Stack/Other/PublicSubnet1 is not in this VPC"));
}

TEST(Vpc, SelectsSubnetsByTypeGroupAndAz) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& vpc = stack.add<Vpc>("Vpc", {.subnet_configuration = {{"pub", SubnetType::Public},
                                                              {"app", SubnetType::PrivateWithEgress},
                                                              {"data", SubnetType::PrivateIsolated}}});
  auto def = vpc.select_subnets();
  ASSERT_EQ(def.subnets.size(), 2U);
  EXPECT_EQ(def.subnets[0]->group_name(), "app");  // private with egress first, like the CDK
  EXPECT_FALSE(def.has_public);
  EXPECT_EQ(def.subnet_ids(), cdk::Value(def.subnet_id_values));
  auto data = vpc.select_subnets({.subnet_group_name = "data"});
  EXPECT_EQ(data.subnets[1]->node().path(), "Stack/Vpc/dataSubnet2");
  auto pub = vpc.select_subnets({.subnet_type = SubnetType::Public, .one_per_az = true});
  EXPECT_TRUE(pub.has_public);
  EXPECT_EQ(pub.availability_zones.size(), 2U);
}

TEST(Vpc, SecurityGroupsTakeTheVpc) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& vpc = stack.add<Vpc>("Vpc", {.nat_gateways = 0});
  auto& sg = stack.add<cdk::ec2::SecurityGroup>("Sg", {.vpc = vpc});
  sg.add_ingress_rule(cdk::ec2::Peer::ipv4(vpc.vpc_cidr_block()), cdk::ec2::Port::tcp(443));
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::EC2::SecurityGroup", Match::object_like({{"VpcId", ref("Vpc8378EB38")}}));
  cdk::testing::keep_for_lint(stack);
}

struct ErrorCase {
  const char* name;
  cdk::ec2::VpcProps props;
  const char* message;
};

TEST(Vpc, RejectsBadInputNamingTheVpc) {
  const std::vector<ErrorCase> cases = {
      {"bad cidr", {.cidr = "10.0.0/16"}, "invalid IPv4 CIDR \"10.0.0/16\""},
      {"host bits", {.cidr = "10.0.0.1/16"}, "has host bits set; did you mean \"10.0.0.0/16\"?"},
      {"too big", {.cidr = "10.0.0.0/8"}, "is a /8; VPCs take /16 to /28"},
      {"too small", {.cidr = "10.0.0.0/29"}, "is a /29"},
      {"no nat", {.nat_gateways = 0, .subnet_configuration = {{"pub", SubnetType::Public}, {"app", SubnetType::PrivateWithEgress}}},
       "PrivateWithEgress subnets need a NAT"},
      {"no public", {.subnet_configuration = {{"app", SubnetType::PrivateWithEgress}}}, "there is no Public subnet group"},
      {"duplicate", {.subnet_configuration = {{"a", SubnetType::Public}, {"a", SubnetType::PrivateIsolated}}},
       "two subnet groups are named \"a\""},
      {"mask", {.subnet_configuration = {{"a", SubnetType::Public, 29}}}, "cidr_mask 29"},
      {"mask larger than vpc", {.cidr = "10.0.0.0/20", .subnet_configuration = {{"a", SubnetType::Public, 16}}},
       "is larger than the VPC"},
      {"does not fit", {.cidr = "10.0.0.0/24", .subnet_configuration = {{"a", SubnetType::Public, 24}}},
       "subnet group \"a\" does not fit"},
      {"too many subnets", {.cidr = "10.0.0.0/26", .subnet_configuration = {{"a", SubnetType::Public}, {"b", SubnetType::PrivateIsolated}, {"c", SubnetType::PrivateIsolated}}},
       "no room for 6 more subnets"},
      {"map public on private", {.nat_gateways = 0, .subnet_configuration = {{"a", SubnetType::PrivateIsolated, {}, true}}},
       "cannot set map_public_ip_on_launch"},
      {"negative nat", {.nat_gateways = -1}, "nat_gateways is negative"},
      {"zero azs", {.max_azs = 0}, "max_azs must be at least 1"},
      {"both", {.max_azs = 2, .availability_zones = {"a"}}, "both availability_zones and max_azs"},
      {"no igw", {.create_internet_gateway = false}, "NAT needs the internet gateway"},
  };
  for (const auto& c : cases) {
    cdk::App app;
    auto& stack = app.add<cdk::Stack>("Stack");
    EXPECT_THAT(error_of([&] { stack.add<Vpc>("Vpc", c.props); }), ::testing::AllOf(::testing::StartsWith("error: Stack/Vpc: "), HasSubstr(c.message))) << c.name;
  }
}

TEST(Vpc, RejectsMoreAzsThanTheRegionHas) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack", cdk::StackProps{.env = {.account = "123456789012", .region = "eu-west-1"}});
  EXPECT_THAT(error_of([&] { stack.add<Vpc>("A", {.max_azs = 4}); }),
              HasSubstr("Stack/A: max_azs is 4, but eu-west-1 has 3 availability zones"));
  EXPECT_THAT(error_of([&] { stack.add<Vpc>("B", {.availability_zones = {"eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1d"}}); }),
              HasSubstr("Stack/B: 4 availability zones requested, but eu-west-1 has 3"));
  EXPECT_THAT(error_of([&] { stack.add<Vpc>("C", {.availability_zones = {"us-east-1a"}}); }),
              HasSubstr("Stack/C: \"us-east-1a\" is not an availability zone of eu-west-1"));
  EXPECT_THAT(error_of([&] { stack.add<Vpc>("D", {.availability_zones = {"eu-west-1a", "eu-west-1a"}}); }),
              HasSubstr("listed twice"));
}

TEST(Vpc, RejectsSelectionsThatMatchNothing) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& vpc = stack.add<Vpc>("Vpc", {.nat_gateways = 0});
  EXPECT_THAT(error_of([&] { (void)vpc.select_subnets({.subnet_type = SubnetType::PrivateWithEgress}); }),
              HasSubstr("Stack/Vpc: there are no Private subnets in this VPC"));
  EXPECT_THAT(error_of([&] { (void)vpc.select_subnets({.subnet_group_name = "db"}); }),
              HasSubstr("Stack/Vpc: there is no subnet group named \"db\" (groups: Public, Isolated)"));
  EXPECT_THAT(error_of([&] { (void)vpc.select_subnets({.availability_zones = {"eu-west-1a"}}); }),
              HasSubstr("no selected subnet is in eu-west-1a"));
  EXPECT_THAT(error_of([&] { (void)vpc.select_subnets({.subnet_type = SubnetType::Public, .subnet_group_name = "Public"}); }),
              HasSubstr("both subnet_type and subnet_group_name"));
}

// aws-cdk-lib with @aws-cdk/aws-ec2:restrictDefaultSecurityGroup (cdk init's
// value): the same three resources at the same logical ids, whatever the stack.
TEST(VpcRestrictDefaultSecurityGroup, ACustomResourceAndOneProviderPerStackAtTheCdksIds) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Net", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  stack.add<Vpc>("Vpc");
  stack.add<Vpc>("Other", {.cidr = "10.1.0.0/16"});
  auto t = Template::from_stack(stack);
  const std::string role = "CustomVpcRestrictDefaultSGCustomResourceProviderRole26592FE0";
  const std::string handler = "CustomVpcRestrictDefaultSGCustomResourceProviderHandlerDC833E5E";
  EXPECT_EQ(t.find_resources("AWS::IAM::Role"), std::vector<std::string>{role});
  EXPECT_EQ(t.find_resources("AWS::Lambda::Function"), std::vector<std::string>{handler});
  t.resource_count_is("Custom::VpcRestrictDefaultSG", 2);
  t.has_resource("Custom::VpcRestrictDefaultSG",
                 Match::object_equals({{"Type", "Custom::VpcRestrictDefaultSG"},
                                       {"Properties", Match::object_equals({
                                           {"ServiceToken", Match::object_equals({{"Fn::GetAtt", Match::array_equals({handler, "Arn"})}})},
                                           {"DefaultSecurityGroupId", Match::object_equals({{"Fn::GetAtt", Match::array_equals({"Vpc8378EB38", "DefaultSecurityGroup"})}})},
                                           {"Account", "123456789012"}})},
                                       {"DeletionPolicy", "Delete"},
                                       {"UpdateReplacePolicy", "Delete"},
                                       {"Metadata", Match::any_value()}}));
  EXPECT_THAT(t.find_resources("Custom::VpcRestrictDefaultSG"),
              ::testing::Contains("VpcRestrictDefaultSecurityGroupCustomResourceC73DA2BE"));
  // The role may change the rules of these two groups only, one statement each.
  t.has_resource_properties("AWS::IAM::Role", Match::object_like({{"Policies", Match::array_equals({Match::object_like({
      {"PolicyName", "Inline"},
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_equals({
          Match::object_like({{"Action", Match::array_equals({"ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress",
                                                              "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress"})},
                              {"Resource", Match::array_equals({Match::object_like({{"Fn::Join", Match::any_value()}})})}}),
          Match::object_like({{"Resource", Match::array_equals({Match::object_like({{"Fn::Join", Match::any_value()}})})}})})}})}})})}}));
  t.has_resource("AWS::Lambda::Function",
                 Match::object_like({{"Properties", Match::object_like({{"Handler", "index.handler"},
                                                                        {"Runtime", "python3.14"},
                                                                        {"Timeout", 900},
                                                                        {"Code", Match::object_like({{"ZipFile", Match::string_like_regexp("revoke_security_group_ingress")}})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST(VpcRestrictDefaultSecurityGroup, OffByThePropOrByTheCdkFlag) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Net");
  stack.add<Vpc>("Vpc", {.restrict_default_security_group = false});
  EXPECT_EQ(Template::from_stack(stack).find_resources("Custom::VpcRestrictDefaultSG").size(), 0u);

  cdk::App old_app({.context = {{"@aws-cdk/aws-ec2:restrictDefaultSecurityGroup", "false"}}});
  auto& old_stack = old_app.add<cdk::Stack>("Net");
  old_stack.add<Vpc>("Vpc");
  old_stack.add<Vpc>("Forced", {.cidr = "10.1.0.0/16", .restrict_default_security_group = true});
  auto t = Template::from_stack(old_stack);
  EXPECT_EQ(t.find_resources("Custom::VpcRestrictDefaultSG").size(), 1u);
  t.has_resource_properties("Custom::VpcRestrictDefaultSG",
                            Match::object_like({{"Account", Match::object_equals({{"Ref", "AWS::AccountId"}})}}));
}

}  // namespace
