#pragma once
/// cdk::ec2::Instance: one EC2 instance, the AWS CDK's Instance (same construct
/// ids: InstanceSecurityGroup, InstanceRole, InstanceProfile, Resource).
///
///   auto& web = stack.add<cdk::ec2::Instance>("Web", {
///       .vpc = vpc, .instance_type = "t3.small",
///       .machine_image = cdk::ec2::MachineImage::latest_amazon_linux_2023()});
///   web.add_user_data({"dnf install -y nginx"});
///   web.connections().allow_from(lb, cdk::ec2::Port::tcp(80));
///   bucket.grant_read(web);                       // IGrantable: its role
///
/// Secure by default: a private subnet, a security group with no inbound
/// rules, IMDSv2 required, encrypted EBS volumes (the root volume too when
/// the image's root device is known, as for Amazon Linux), no key pair.
/// A public IP comes from the subnet (Public subnets map one on launch);
/// network interfaces and placement options are not offered (use resource()).
#include <cdk/construct.hpp>
#include <cdk/ec2/block_device.hpp>
#include <cdk/ec2/connections.hpp>
#include <cdk/ec2/ivpc.hpp>
#include <cdk/ec2/machine_image.hpp>
#include <cdk/ec2/user_data.hpp>
#include <cdk/iam/grantable.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>

#include <string>
#include <vector>

namespace cdk::iam {
class Role;
}

namespace cdk::ec2 {

class CfnInstance;
class SecurityGroup;

struct InstanceProps {
  Ptr<IVpc> vpc{};                                   ///< required
  std::string instance_type{};                       ///< required, e.g. "t3.micro"
  MachineImage machine_image = MachineImage::latest_amazon_linux_2023();  ///< default: latest Amazon Linux 2023
  SubnetSelection vpc_subnets{};                     ///< default: the VPC's private subnets (the first one)
  Ptr<SecurityGroup> security_group{};               ///< default: a new group, all outbound, no inbound
  Ptr<iam::Role> role{};                             ///< default: a new role assumed by ec2.amazonaws.com
  Optional<UserData> user_data{};                    ///< default: the image's (#!/bin/bash)
  std::string key_name{};                            ///< an EC2 key pair for SSH; default none (use SSM)
  List<BlockDevice> block_devices{};                 ///< default: an encrypted root volume when the image's root device is known
  bool require_imdsv2 = true;                        ///< HttpTokens required; default true
  std::string instance_name{};                       ///< the Name tag; default: the construct path
  bool source_dest_check = true;                     ///< false for NAT instances; default true
  bool detailed_monitoring = false;                  ///< default false
  std::string private_ip_address{};                  ///< default: assigned by EC2
  bool ssm_session_permissions = false;              ///< attach AmazonSSMManagedInstanceCore; default false
};

class Instance : public Construct, public IConnectable, public iam::IGrantable {
 public:
  using Props = InstanceProps;
  Instance(Construct& scope, std::string_view id, const InstanceProps& props);

  /// {"Ref": instance}.
  [[nodiscard]] Value instance_id() const;
  [[nodiscard]] Value instance_private_ip() const;
  [[nodiscard]] Value instance_private_dns_name() const;
  [[nodiscard]] Value instance_public_ip() const;
  [[nodiscard]] Value instance_public_dns_name() const;
  /// The subnet's AZ.
  [[nodiscard]] const Value& instance_availability_zone() const noexcept { return az_; }
  [[nodiscard]] iam::Role& role() const noexcept { return *role_; }
  [[nodiscard]] const UserData& user_data() const noexcept { return user_data_; }
  [[nodiscard]] CfnInstance& resource() const noexcept { return *resource_; }
  [[nodiscard]] SecurityGroup& security_group() const noexcept { return *security_group_; }
  [[nodiscard]] OperatingSystemType os_type() const noexcept { return os_type_; }

  /// Appends commands to the user data.
  void add_user_data(const std::vector<Value>& commands);
  /// Adds a security group to the instance.
  void add_security_group(SecurityGroup& group);

  Connections& connections() override { return connections_; }
  void add_to_principal_policy(const iam::PolicyStatement& statement) override;

 private:
  void refresh_security_groups();

  Connections connections_;
  iam::Role* role_ = nullptr;
  SecurityGroup* security_group_ = nullptr;
  CfnInstance* resource_ = nullptr;
  UserData user_data_ = UserData::for_linux();
  OperatingSystemType os_type_ = OperatingSystemType::Linux;
  Value az_;
};

}  // namespace cdk::ec2
