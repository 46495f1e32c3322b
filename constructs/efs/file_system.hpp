#pragma once
/// cdk::efs::FileSystem: an encrypted EFS file system with a mount target in
/// each AZ of the selected subnets (the VPC's default: private with egress, else
/// isolated; one per AZ)
/// and its own security group; allow clients on NFS (2049) with connections().
/// Retained when the stack is deleted, as in the AWS CDK. Mount targets are
/// `EfsMountTarget-<subnet id>` (the AWS CDK's flag
/// @aws-cdk/aws-efs:mountTargetOrderInsensitiveLogicalId, on by default; set it
/// to false for `EfsMountTarget1`, `2`, ... as older aws-cdk-lib apps have them).
///
///   auto& fs = stack.add<cdk::efs::FileSystem>("Shared", {.vpc = vpc,
///       .lifecycle_policy = cdk::efs::LifecyclePolicy::AfterDays30});
///   fs.connections().allow_default_port_from(service);
#include <cdk/cfn_resource.hpp>
#include <cdk/construct.hpp>
#include <cdk/ec2/connections.hpp>
#include <cdk/ec2/subnet_selection.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace cdk::ec2 {
class IVpc;
class SecurityGroup;
}  // namespace cdk::ec2

namespace cdk::efs {

class CfnFileSystem;
class CfnMountTarget;

/// When files move to Infrequent Access.
enum class LifecyclePolicy { AfterDays1, AfterDays7, AfterDays14, AfterDays30, AfterDays60, AfterDays90, AfterDays180, AfterDays270, AfterDays365 };
enum class PerformanceMode { GeneralPurpose, MaxIo };
enum class ThroughputMode { Bursting, Elastic, Provisioned };

struct FileSystemProps {
  Ptr<ec2::IVpc> vpc{};                                ///< required
  ec2::SubnetSelection subnets{};                      ///< default the VPC's default (private) subnets, one per AZ
  bool encrypted = true;                               ///< default true (AWS managed key)
  Optional<LifecyclePolicy> lifecycle_policy{};        ///< move to IA after; default none (stay in Standard)
  bool transition_to_primary_on_access = false;        ///< back to Standard after one access; default false
  PerformanceMode performance_mode = PerformanceMode::GeneralPurpose;  ///< default GeneralPurpose
  ThroughputMode throughput_mode = ThroughputMode::Bursting;           ///< default Bursting
  double provisioned_throughput_mibps = 0;             ///< required with Provisioned (1-3414); default none
  bool automatic_backups = true;                       ///< AWS Backup daily backups; default true
  RemovalPolicy removal_policy = RemovalPolicy::Retain;  ///< default Retain
  std::string file_system_name{};                      ///< the Name tag; default the construct path
  Ptr<ec2::SecurityGroup> security_group{};            ///< default one made for the file system
};

class FileSystem : public Construct, public ec2::IConnectable {
 public:
  using Props = FileSystemProps;
  static constexpr int nfs_port = 2049;

  FileSystem(Construct& scope, std::string_view id, const FileSystemProps& props);

  /// {"Ref": file system}: its id ("fs-...").
  [[nodiscard]] Value file_system_id() const;
  [[nodiscard]] Value file_system_arn() const;
  ec2::Connections& connections() override { return connections_; }
  [[nodiscard]] CfnFileSystem& cfn_file_system() noexcept { return *resource_; }
  [[nodiscard]] const std::vector<CfnMountTarget*>& mount_targets() const noexcept { return mount_targets_; }

 private:
  void make_mount_targets(const ec2::SelectedSubnets& picked, ec2::SecurityGroup& group);

  CfnFileSystem* resource_ = nullptr;
  std::vector<CfnMountTarget*> mount_targets_;
  ec2::Connections connections_;
};

}  // namespace cdk::efs
