// Instance, BastionHost, MachineImage, UserData and block devices.
#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ec2/bastion_host.hpp>
#include <cdk/ec2/instance.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/ec2/vpc.hpp>
#include <cdk/iam/role.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace {

using cdk::testing::ref_to;

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::ec2::Instance;
using cdk::ec2::MachineImage;
using cdk::ec2::UserData;
using cdk::testing::error_of;
using ::testing::HasSubstr;

constexpr const char* kAl2023Param =
    "SsmParameterValueawsserviceamiamazonlinuxlatestal2023amikerneldefaultx8664C96584B6F00A464EAD1953AFF4B05118Parameter";

struct InstanceFixture {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cdk::ec2::Vpc& vpc = stack.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2, .nat_gateways = 1});
};

TEST(Instance, DefaultsToAPrivateSubnetImdsv2AndAnEncryptedRootWithTheCdksIds) {
  InstanceFixture f;
  auto& inst = f.stack.add<Instance>("Inst", {.vpc = f.vpc, .instance_type = "t3.micro"});
  inst.add_user_data({"echo hi"});
  auto t = Template::from_stack(f.stack);
  EXPECT_EQ(t.find_resources("AWS::EC2::Instance"), std::vector<std::string>{"Inst8D012A14"});
  EXPECT_EQ(sorted(t.find_resources("AWS::IAM::Role")), sorted({"CustomVpcRestrictDefaultSGCustomResourceProviderRole26592FE0", "InstInstanceRole5C66C0AF"}));  // the VPC's provider too, as in aws-cdk-lib
  EXPECT_EQ(t.find_resources("AWS::IAM::InstanceProfile"), std::vector<std::string>{"InstInstanceProfileE928DC07"});
  EXPECT_EQ(t.find_resources("AWS::EC2::SecurityGroup"), std::vector<std::string>{"InstInstanceSecurityGroup632E3E9E"});
  t.has_parameter(kAl2023Param, Match::object_equals({{"Type", "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>"},
                                                       {"Default", "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"}}));
  t.has_resource("AWS::EC2::Instance",
                 Match::object_like({{"Properties", Match::object_like({
                                                       {"AvailabilityZone", Match::object_like({{"Fn::Select", Match::any_value()}})},
                                                       {"IamInstanceProfile", ref_to("InstInstanceProfileE928DC07")},
                                                       {"ImageId", ref_to(kAl2023Param)},
                                                       {"InstanceType", "t3.micro"},
                                                       {"SubnetId", ref_to("VpcPrivateSubnet1Subnet536B997A")},
                                                       {"SecurityGroupIds", Match::array_equals({Match::object_like({{"Fn::GetAtt", Match::array_equals({"InstInstanceSecurityGroup632E3E9E", "GroupId"})}})})},
                                                       {"UserData", Match::object_equals({{"Fn::Base64", "#!/bin/bash\necho hi"}})},
                                                       {"MetadataOptions", Match::object_equals({{"HttpTokens", "required"}})},
                                                       {"BlockDeviceMappings", Match::array_equals({Match::object_equals({
                                                           {"DeviceName", "/dev/xvda"},
                                                           {"Ebs", Match::object_equals({{"DeleteOnTermination", true}, {"Encrypted", true}, {"VolumeType", "gp3"}})}})})},
                                                       {"KeyName", Match::absent()},
                                                       {"Tags", Match::array_equals({Match::object_equals({{"Key", "Name"}, {"Value", "Stack/Inst"}})})}})},
                                     {"DependsOn", Match::array_equals({"InstInstanceRole5C66C0AF"})}}));
  t.has_resource_properties("AWS::EC2::SecurityGroup", Match::object_like({{"GroupDescription", "Stack/Inst/InstanceSecurityGroup"},
                                                                          {"SecurityGroupIngress", Match::absent()}}));
  t.has_resource_properties("AWS::IAM::Role", Match::object_like({{"AssumeRolePolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({Match::object_like({{"Principal", Match::object_equals({{"Service", "ec2.amazonaws.com"}})}})})}})}}));
  cdk::testing::keep_for_lint(f.stack);
}

TEST(Instance, IsConnectableAndGrantable) {
  InstanceFixture f;
  auto& inst = f.stack.add<Instance>("Inst", {.vpc = f.vpc, .instance_type = "t3.micro"});
  auto& lb = f.stack.add<cdk::ec2::SecurityGroup>("Lb", {.vpc = f.vpc});
  inst.connections().allow_from(lb, cdk::ec2::Port::tcp(8080));
  cdk::iam::IGrantable& grantee = inst;
  grantee.add_to_principal_policy({.actions = {"s3:GetObject"}, .resources = {"arn:aws:s3:::bucket/*"}});
  auto t = Template::from_stack(f.stack);
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress", Match::object_like({{"FromPort", 8080}}));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"Roles", Match::array_equals({ref_to("InstInstanceRole5C66C0AF")})}}));
  // The instance waits for the role's policy too.
  t.has_resource("AWS::EC2::Instance", Match::object_like({{"DependsOn", Match::array_with({Match::string_like_regexp("^InstInstanceRoleDefaultPolicy")})}}));
  cdk::testing::keep_for_lint(f.stack);
}

TEST(Instance, TakesItsOwnGroupRoleSubnetDevicesAndKeyPair) {
  InstanceFixture f;
  auto& sg = f.stack.add<cdk::ec2::SecurityGroup>("Sg", {.vpc = f.vpc});
  auto& role = f.stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal("ec2.amazonaws.com")});
  auto& inst = f.stack.add<Instance>("Inst", {.vpc = f.vpc,
                                              .instance_type = "m7g.large",
                                              .machine_image = MachineImage::latest_amazon_linux_2023({.cpu = cdk::ec2::AmazonLinuxCpuType::Arm64}),
                                              .vpc_subnets = {.subnet_type = cdk::ec2::SubnetType::Public},
                                              .security_group = sg,
                                              .role = role,
                                              .key_name = "ops",
                                              .block_devices = {{.device_name = "/dev/xvda", .volume = {.size_gib = 30}},
                                                                {.device_name = "/dev/sdf",
                                                                 .volume = {.size_gib = 100, .volume_type = cdk::ec2::EbsDeviceVolumeType::Io2, .iops = 3000}}},
                                              .instance_name = "web",
                                              .detailed_monitoring = true,
                                              .ssm_session_permissions = true});
  EXPECT_EQ(&inst.role(), &role);
  auto t = Template::from_stack(f.stack);
  t.resource_count_is("AWS::EC2::SecurityGroup", 1);
  t.resource_count_is("AWS::IAM::Role", 2);  // the given one and the VPC's default-group provider
  t.has_resource_properties("AWS::EC2::Instance", Match::object_like({
      {"SubnetId", ref_to("VpcPublicSubnet1Subnet5C2D37C4")},
      {"KeyName", "ops"},
      {"Monitoring", true},
      {"ImageId", ref_to("SsmParameterValueawsserviceamiamazonlinuxlatestal2023amikerneldefaultarm64C96584B6F00A464EAD1953AFF4B05118Parameter")},
      {"BlockDeviceMappings", Match::array_equals({
          Match::object_like({{"Ebs", Match::object_like({{"VolumeSize", 30}, {"Encrypted", true}})}}),
          Match::object_like({{"DeviceName", "/dev/sdf"}, {"Ebs", Match::object_like({{"VolumeType", "io2"}, {"Iops", 3000}})}})})},
      {"Tags", Match::array_equals({Match::object_equals({{"Key", "Name"}, {"Value", "web"}})})}}));
  t.has_resource_properties("AWS::IAM::Role", Match::object_like({{"ManagedPolicyArns", Match::array_equals({Match::any_value()})}}));
  cdk::testing::keep_for_lint(f.stack);
}

TEST(Instance, SharesTheImageParameterBetweenInstances) {
  InstanceFixture f;
  f.stack.add<Instance>("A", {.vpc = f.vpc, .instance_type = "t3.micro"});
  f.stack.add<Instance>("B", {.vpc = f.vpc, .instance_type = "t3.micro"});
  auto t = Template::from_stack(f.stack);
  t.all_resources_properties("AWS::EC2::Instance", Match::object_like({{"ImageId", ref_to(kAl2023Param)}}));
  cdk::testing::keep_for_lint(f.stack);
}

TEST(Instance, ReportsBadInputWithThePath) {
  InstanceFixture f;
  EXPECT_THAT(error_of([&] { f.stack.add<Instance>("NoVpc", {.instance_type = "t3.micro"}); }), HasSubstr("Stack/NoVpc: an instance needs a VPC"));
  EXPECT_THAT(error_of([&] { f.stack.add<Instance>("NoType", {.vpc = f.vpc}); }), HasSubstr("Stack/NoType: an instance needs an instance type"));
  EXPECT_THAT(error_of([&] { f.stack.add<Instance>("Type", {.vpc = f.vpc, .instance_type = "large"}); }),
              HasSubstr("Stack/Type: \"large\" is not an instance type"));
  EXPECT_THAT(error_of([&] {
                f.stack.add<Instance>("Io", {.vpc = f.vpc, .instance_type = "t3.micro",
                                             .block_devices = {{.device_name = "/dev/sdf", .volume = {.size_gib = 10, .volume_type = cdk::ec2::EbsDeviceVolumeType::Io1}}}});
              }),
              HasSubstr("Stack/Io: block device \"/dev/sdf\" is io1 and needs iops"));
  EXPECT_THAT(error_of([&] {
                f.stack.add<Instance>("Size", {.vpc = f.vpc, .instance_type = "t3.micro", .block_devices = {{.device_name = "/dev/sdf"}}});
              }),
              HasSubstr("needs a size_gib or a snapshot_id"));
  EXPECT_THAT(error_of([&] {
                f.stack.add<Instance>("Iso", {.vpc = f.vpc, .instance_type = "t3.micro", .vpc_subnets = {.subnet_type = cdk::ec2::SubnetType::PrivateIsolated}});
              }),
              HasSubstr("Stack/Vpc: there are no Isolated subnets"));
}

TEST(Instance, UsesAVpcFromAnotherStackThroughExports) {
  cdk::App app;
  auto& net = app.add<cdk::Stack>("Net");
  auto& svc = app.add<cdk::Stack>("Svc");
  auto& vpc = net.add<cdk::ec2::Vpc>("Vpc", {.nat_gateways = 1});
  auto& inst = svc.add<Instance>("Inst", {.vpc = vpc, .instance_type = "t3.micro"});
  inst.connections().allow_from(cdk::ec2::Peer::ipv4(vpc.vpc_cidr_block()), cdk::ec2::Port::tcp(443));
  auto t = Template::from_stack(svc);
  t.has_resource_properties("AWS::EC2::Instance", Match::object_like({{"SubnetId", Match::object_like({{"Fn::ImportValue", Match::any_value()}})}}));
  t.has_parameter(kAl2023Param, Match::any_value());  // the image parameter lives in the instance's stack
  EXPECT_TRUE(Template::from_stack(net).find_outputs().size() >= 2U);
  cdk::testing::keep_for_lint(net);
  cdk::testing::keep_for_lint(svc);
}

TEST(MachineImage, GenericLinuxUsesTheRegionsAmiOrAMappingWhenTheRegionIsUnknown) {
  cdk::App app;
  auto& known = app.add<cdk::Stack>("Known", cdk::StackProps{.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& agnostic = app.add<cdk::Stack>("Agnostic");
  const auto image = MachineImage::generic_linux({{"eu-west-1", "ami-0123456789abcdef0"}, {"us-east-1", "ami-0fedcba9876543210"}});
  auto& kvpc = known.add<cdk::ec2::Vpc>("Vpc", {.nat_gateways = 0});
  auto& avpc = agnostic.add<cdk::ec2::Vpc>("Vpc", {.nat_gateways = 0});
  known.add<Instance>("I", {.vpc = kvpc, .instance_type = "t3.micro", .machine_image = image});
  agnostic.add<Instance>("I", {.vpc = avpc, .instance_type = "t3.micro", .machine_image = image});
  auto tk = Template::from_stack(known);
  tk.has_resource_properties("AWS::EC2::Instance", Match::object_like({{"ImageId", "ami-0123456789abcdef0"}, {"BlockDeviceMappings", Match::absent()}}));
  auto ta = Template::from_stack(agnostic);
  ta.has_mapping("*", Match::object_like({{"us-east-1", Match::object_equals({{"ami", "ami-0fedcba9876543210"}})}}));
  ta.has_resource_properties("AWS::EC2::Instance", Match::object_like({{"ImageId", Match::object_like({{"Fn::FindInMap", Match::any_value()}})}}));
  cdk::testing::keep_for_lint(known);
  cdk::testing::keep_for_lint(agnostic);
  auto& other = app.add<cdk::Stack>("Other", cdk::StackProps{.env = {.account = "123456789012", .region = "ap-south-1"}});
  auto& ovpc = other.add<cdk::ec2::Vpc>("Vpc", {.nat_gateways = 0});
  EXPECT_THAT(error_of([&] { other.add<Instance>("I", {.vpc = ovpc, .instance_type = "t3.micro", .machine_image = image}); }),
              HasSubstr("Other/I: the generic image has no AMI for ap-south-1"));
  EXPECT_THAT(error_of([&] {
                other.add<Instance>("J", {.vpc = ovpc, .instance_type = "t3.micro", .machine_image = MachineImage::generic_linux({{"ap-south-1", "ubuntu"}})});
              }),
              HasSubstr("\"ubuntu\" (for ap-south-1) is not an AMI id"));
}

TEST(UserData, RendersLinuxWindowsAndTokens) {
  auto linux_ud = UserData::for_linux();
  linux_ud.add_commands({"yum update -y", "echo done"});
  EXPECT_EQ(linux_ud.render(), cdk::Value("#!/bin/bash\nyum update -y\necho done"));
  auto win = UserData::for_windows();
  win.add_commands({"Install-WindowsFeature Web-Server"});
  EXPECT_EQ(win.render(), cdk::Value("<powershell>Install-WindowsFeature Web-Server</powershell>"));
  auto tokens = UserData::for_linux();
  tokens.add_commands({cdk::Value("echo ") + cdk::Aws::region()});
  EXPECT_EQ(tokens.render().kind(), cdk::Value::Kind::Intrinsic);
  EXPECT_EQ(tokens.render().name(), "Fn::Join");
  EXPECT_EQ(UserData::custom("#cloud-config").render(), cdk::Value("#cloud-config"));
}

TEST(BastionHost, SitsInAPrivateSubnetWithSsmAndNoOpenPortLikeTheCdk) {
  InstanceFixture f;
  f.stack.add<cdk::ec2::BastionHost>("Bastion", {.vpc = f.vpc});
  auto t = Template::from_stack(f.stack);
  // aws-cdk-lib's ids for a BastionHostLinux called "Bastion".
  EXPECT_EQ(t.find_resources("AWS::EC2::Instance"), std::vector<std::string>{"Bastion6045F255"});
  EXPECT_EQ(t.find_resources("AWS::EC2::SecurityGroup"), std::vector<std::string>{"BastionInstanceSecurityGroup71C3847E"});
  EXPECT_EQ(sorted(t.find_resources("AWS::IAM::Role")), sorted({"CustomVpcRestrictDefaultSGCustomResourceProviderRole26592FE0", "BastionInstanceRoleD3B36EDD"}));
  EXPECT_EQ(t.find_resources("AWS::IAM::InstanceProfile"), std::vector<std::string>{"BastionInstanceProfile8FFAF242"});
  t.has_resource_properties("AWS::EC2::Instance", Match::object_like({{"InstanceType", "t3.nano"},
                                                                     {"SubnetId", ref_to("VpcPrivateSubnet1Subnet536B997A")},
                                                                     {"MetadataOptions", Match::object_like({{"HttpTokens", "required"}})},
                                                                     {"Tags", Match::array_equals({Match::object_equals({{"Key", "Name"}, {"Value", "BastionHost"}})})}}));
  t.has_resource_properties("AWS::IAM::Role", Match::object_like({{"ManagedPolicyArns", Match::array_equals({Match::object_like({
      {"Fn::Join", Match::array_equals({"", Match::array_equals({"arn:", ref_to("AWS::Partition"), ":iam::aws:policy/AmazonSSMManagedInstanceCore"})})}})})}}));
  t.has_resource_properties("AWS::EC2::SecurityGroup", Match::object_like({{"SecurityGroupIngress", Match::absent()}}));
  cdk::testing::keep_for_lint(f.stack);
}

TEST(BastionHost, OpensSshOnlyToTheGivenPeer) {
  InstanceFixture f;
  auto& bastion = f.stack.add<cdk::ec2::BastionHost>("Bastion", {.vpc = f.vpc});
  bastion.allow_ssh_access_from(cdk::ec2::Peer::ipv4("203.0.113.0/24"));
  auto& db = f.stack.add<cdk::ec2::SecurityGroup>("Db", {.vpc = f.vpc});
  db.connections().allow_from(bastion, cdk::ec2::Port::tcp(5432));
  auto t = Template::from_stack(f.stack);
  t.has_resource_properties("AWS::EC2::SecurityGroup", Match::object_like({{"SecurityGroupIngress", Match::array_equals({Match::object_like({
      {"CidrIp", "203.0.113.0/24"}, {"FromPort", 22}, {"ToPort", 22}, {"Description", "SSH access"}})})}}));
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress", Match::object_like({{"FromPort", 5432}}));
  cdk::testing::keep_for_lint(f.stack);
}

TEST(BastionHost, NeedsAVpcWithAWayOut) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& isolated = stack.add<cdk::ec2::Vpc>("Vpc", {.nat_gateways = 0});
  EXPECT_THAT(error_of([&] { stack.add<cdk::ec2::BastionHost>("Bastion", {.vpc = isolated}); }),
              HasSubstr("there are no Private subnets"));
  EXPECT_THAT(error_of([&] { stack.add<cdk::ec2::BastionHost>("NoVpc", {}); }), HasSubstr("Stack/NoVpc: a bastion host needs a VPC"));
}

}  // namespace
