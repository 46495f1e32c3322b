// ImportedVpc: a VPC made elsewhere, used through IVpc.
#include "support/expect_error.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ec2/imported_vpc.hpp>
#include <cdk/ec2/instance.hpp>
#include <cdk/ec2/security_group.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::ec2::ImportedVpc;
using cdk::ec2::SubnetType;
using cdk::testing::error_of;
using ::testing::HasSubstr;

cdk::ec2::VpcAttributes attributes() {
  return {.vpc_id = "vpc-0123456789abcdef0",
          .vpc_cidr_block = "10.1.0.0/16",
          .availability_zones = {"eu-west-1a", "eu-west-1b"},
          .public_subnet_ids = {"subnet-0000000000000000a", "subnet-0000000000000000b"},
          .private_subnet_ids = {"subnet-1111111111111111a", "subnet-1111111111111111b"}};
}

TEST(ImportedVpc, PlacesConstructsInItsSubnetsByTypeAndAz) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack", cdk::StackProps{.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& vpc = ImportedVpc::from_attributes(stack, "Vpc", attributes());
  auto& inst = stack.add<cdk::ec2::Instance>("Inst", {.vpc = vpc, .instance_type = "t3.micro",
                                                      .vpc_subnets = {.availability_zones = {"eu-west-1b"}}});
  inst.connections().allow_from(cdk::ec2::Peer::ipv4(vpc.vpc_cidr_block()), cdk::ec2::Port::tcp(22));
  auto pub = vpc.select_subnets({.subnet_type = SubnetType::Public});
  EXPECT_TRUE(pub.has_public);
  EXPECT_EQ(pub.subnet_ids(), cdk::Value::list({"subnet-0000000000000000a", "subnet-0000000000000000b"}));
  EXPECT_TRUE(pub.subnets.empty());
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::EC2::Instance", Match::object_like({{"SubnetId", "subnet-1111111111111111b"},
                                                                     {"AvailabilityZone", Match::absent()}}));
  t.has_resource_properties("AWS::EC2::SecurityGroup", Match::object_like({{"VpcId", "vpc-0123456789abcdef0"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST(ImportedVpc, RejectsIdsThatDoNotFit) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto bad_vpc = attributes();
  bad_vpc.vpc_id = "my-vpc";
  EXPECT_THAT(error_of([&] { (void)ImportedVpc::from_attributes(stack, "A", bad_vpc); }), HasSubstr("Stack/A: \"my-vpc\" is not a VPC id"));
  auto odd = attributes();
  odd.private_subnet_ids.pop_back();
  EXPECT_THAT(error_of([&] { (void)ImportedVpc::from_attributes(stack, "B", odd); }),
              HasSubstr("Stack/B: 1 private subnet ids do not divide over 2 availability zones"));
  auto bad_subnet = attributes();
  bad_subnet.public_subnet_ids[0] = "sub-1";
  EXPECT_THAT(error_of([&] { (void)ImportedVpc::from_attributes(stack, "C", bad_subnet); }), HasSubstr("is not a subnet id"));
  auto no_azs = attributes();
  no_azs.availability_zones.clear();
  EXPECT_THAT(error_of([&] { (void)ImportedVpc::from_attributes(stack, "D", no_azs); }), HasSubstr("needs its availability zones"));
  auto& vpc = ImportedVpc::from_attributes(stack, "E", {.vpc_id = "vpc-01234567", .availability_zones = {"a"}});
  EXPECT_THAT(error_of([&] { (void)vpc.vpc_cidr_block(); }), HasSubstr("Stack/E: the imported VPC's CIDR block is unknown"));
  EXPECT_THAT(error_of([&] { (void)vpc.select_subnets(); }), HasSubstr("Stack/E: the imported VPC has no Public subnets"));
  EXPECT_THAT(error_of([&] { (void)vpc.select_subnets({.subnet_group_name = "app"}); }), HasSubstr("by type and AZ only"));
}

}  // namespace
