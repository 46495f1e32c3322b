#pragma once
/// cdk::ec2::BastionHost: a small Linux instance to reach private resources
/// through AWS Systems Manager Session Manager, the AWS CDK's BastionHostLinux.
///
///   auto& bastion = stack.add<cdk::ec2::BastionHost>("Bastion", {.vpc = vpc});
///   db.connections().allow_default_port_from(bastion);
///   // aws ssm start-session --target <instance id>
///
/// Like the CDK it sits in a private subnet (PrivateWithEgress) and is reached
/// through Session Manager (role with AmazonSSMManagedInstanceCore), so no
/// port is open. SSH is opened only by allow_ssh_access_from(peer).
/// Differences from the CDK: Amazon Linux 2023 instead of Amazon Linux 2, the
/// AWS managed SSM policy instead of an inline one, IMDSv2 required and an
/// encrypted root volume.
#include <cdk/construct.hpp>
#include <cdk/ec2/block_device.hpp>
#include <cdk/ec2/connections.hpp>
#include <cdk/ec2/ivpc.hpp>
#include <cdk/ec2/machine_image.hpp>
#include <cdk/iam/grantable.hpp>
#include <cdk/list.hpp>
#include <cdk/ptr.hpp>

#include <string>
#include <vector>

namespace cdk::ec2 {

class Instance;
class SecurityGroup;

struct BastionHostProps {
  Ptr<IVpc> vpc{};                                   ///< required
  std::string instance_type = "t3.nano";             ///< default t3.nano (the CDK's)
  MachineImage machine_image = MachineImage::latest_amazon_linux_2023();  ///< default: latest Amazon Linux 2023
  SubnetSelection subnet_selection{.subnet_type = SubnetType::PrivateWithEgress};  ///< default: a PrivateWithEgress subnet
  Ptr<SecurityGroup> security_group{};               ///< default: a new group with no inbound rules
  std::string instance_name = "BastionHost";         ///< the Name tag; default "BastionHost" (the CDK's)
  List<BlockDevice> block_devices{};                 ///< default: an encrypted root volume
  bool require_imdsv2 = true;                        ///< default true
};

class BastionHost : public Construct, public IConnectable, public iam::IGrantable {
 public:
  using Props = BastionHostProps;
  BastionHost(Construct& scope, std::string_view id, const BastionHostProps& props);

  /// Opens port 22 to `peer`; nothing is open otherwise.
  void allow_ssh_access_from(const Peer& peer, std::string description = "SSH access");

  [[nodiscard]] Instance& instance() const noexcept { return *instance_; }
  [[nodiscard]] Value instance_id() const;
  [[nodiscard]] Value instance_private_ip() const;
  [[nodiscard]] Value instance_availability_zone() const;

  Connections& connections() override;
  void add_to_principal_policy(const iam::PolicyStatement& statement) override;

 private:
  Instance* instance_ = nullptr;
};

}  // namespace cdk::ec2
