#include <cdk/ec2/ivpc.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/ec2/subnet.hpp>
#include <cdk/efs/cfn_file_system.hpp>
#include <cdk/efs/cfn_mount_target.hpp>
#include <cdk/efs/file_system.hpp>
#include <cdk/feature_flags.hpp>

namespace cdk::efs {

namespace {
const char* lifecycle_name(LifecyclePolicy p) {
  switch (p) {
    case LifecyclePolicy::AfterDays1: return "AFTER_1_DAY";
    case LifecyclePolicy::AfterDays7: return "AFTER_7_DAYS";
    case LifecyclePolicy::AfterDays14: return "AFTER_14_DAYS";
    case LifecyclePolicy::AfterDays30: return "AFTER_30_DAYS";
    case LifecyclePolicy::AfterDays60: return "AFTER_60_DAYS";
    case LifecyclePolicy::AfterDays90: return "AFTER_90_DAYS";
    case LifecyclePolicy::AfterDays180: return "AFTER_180_DAYS";
    case LifecyclePolicy::AfterDays270: return "AFTER_270_DAYS";
    case LifecyclePolicy::AfterDays365: return "AFTER_365_DAYS";
  }
  return "AFTER_30_DAYS";
}
}  // namespace

FileSystem::FileSystem(Construct& scope, std::string_view id, const FileSystemProps& props) : Construct(scope, id) {
  const auto path = node().path();
  if (!props.vpc) throw Error(path, "no VPC", "set .vpc = vpc");
  if (props.throughput_mode == ThroughputMode::Provisioned &&
      (props.provisioned_throughput_mibps < 1 || props.provisioned_throughput_mibps > 3414))
    throw Error(path, "provisioned throughput must be 1-3414 MiB/s",
                "set .provisioned_throughput_mibps with ThroughputMode::Provisioned");
  if (props.throughput_mode != ThroughputMode::Provisioned && props.provisioned_throughput_mibps != 0)
    throw Error(path, "provisioned_throughput_mibps is set but the throughput mode is not Provisioned",
                "set .throughput_mode = cdk::efs::ThroughputMode::Provisioned or drop the throughput");
  if (props.performance_mode == PerformanceMode::MaxIo && props.throughput_mode == ThroughputMode::Elastic)
    throw Error(path, "Elastic throughput does not work with the MaxIo performance mode",
                "use GeneralPurpose with Elastic throughput");
  if (props.removal_policy == RemovalPolicy::Snapshot)
    throw Error(path, "EFS file systems cannot be snapshotted on delete", "use Retain (default) or Delete");

  auto selection = props.subnets;
  selection.one_per_az = true;
  auto picked = props.vpc->select_subnets(selection);

  ec2::SecurityGroup* group = props.security_group.get();
  // No description: the group's path, as aws-cdk-lib writes it (a changed description replaces the group).
  if (!group) group = &add<ec2::SecurityGroup>("EfsSecurityGroup", {.vpc = props.vpc, .allow_all_outbound = false});
  connections_.add_security_group(*group);
  connections_.set_default_port(ec2::Port::tcp(nfs_port));

  CfnFileSystem::Props p;
  if (props.automatic_backups) p.backup_policy = CfnFileSystem::BackupPolicyProperty{.status = "ENABLED"};
  p.encrypted = props.encrypted;
  p.file_system_tags.push_back(
      {.key = "Name", .value = props.file_system_name.empty() ? path : props.file_system_name});
  if (props.lifecycle_policy) {
    CfnFileSystem::LifecyclePolicyProperty lp;
    lp.transition_to_ia = lifecycle_name(*props.lifecycle_policy);
    p.lifecycle_policies.push_back(std::move(lp));
  }
  if (props.transition_to_primary_on_access) {
    CfnFileSystem::LifecyclePolicyProperty lp;
    lp.transition_to_primary_storage_class = "AFTER_1_ACCESS";
    p.lifecycle_policies.push_back(std::move(lp));
  }
  if (props.performance_mode == PerformanceMode::MaxIo) p.performance_mode = "maxIO";
  if (props.throughput_mode == ThroughputMode::Elastic) p.throughput_mode = "elastic";
  if (props.throughput_mode == ThroughputMode::Provisioned) {
    p.throughput_mode = "provisioned";
    p.provisioned_throughput_in_mibps = props.provisioned_throughput_mibps;
  }
  resource_ = &add<CfnFileSystem>("Resource", std::move(p));
  resource_->apply_removal_policy(props.removal_policy);

  make_mount_targets(picked, *group);
}

// One mount target per subnet, named after its subnet under the AWS CDK's flag
// (so adding or removing a subnet renames no other mount target), else numbered.
// An imported VPC's subnets have no construct to name them after: numbered.
void FileSystem::make_mount_targets(const ec2::SelectedSubnets& picked, ec2::SecurityGroup& group) {
  const bool by_subnet = !picked.subnets.empty() &&
                         FeatureFlags::of(*this).is_enabled(flags::kEfsMountTargetOrderInsensitiveLogicalId);
  for (std::size_t i = 0; i < picked.subnet_id_values.size(); ++i) {
    CfnMountTarget::Props mp;
    mp.file_system_id = resource_->ref();
    mp.security_groups = Value(Value::List{group.security_group_id()});
    mp.subnet_id = picked.subnet_id_values[i];
    const std::string id = by_subnet ? "EfsMountTarget-" + picked.subnets[i]->node().id()
                                     : "EfsMountTarget" + std::to_string(i + 1);
    mount_targets_.push_back(&add<CfnMountTarget>(id, std::move(mp)));
  }
}

Value FileSystem::file_system_id() const { return resource_->ref(); }
Value FileSystem::file_system_arn() const { return resource_->attr_arn(); }

}  // namespace cdk::efs
