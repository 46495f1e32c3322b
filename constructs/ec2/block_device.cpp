#include <cdk/ec2/block_device.hpp>

namespace cdk::ec2 {

const char* ebs_volume_type_name(EbsDeviceVolumeType type) noexcept {
  switch (type) {
    case EbsDeviceVolumeType::Gp3: return "gp3";
    case EbsDeviceVolumeType::Gp2: return "gp2";
    case EbsDeviceVolumeType::Io1: return "io1";
    case EbsDeviceVolumeType::Io2: return "io2";
    case EbsDeviceVolumeType::St1: return "st1";
    case EbsDeviceVolumeType::Sc1: return "sc1";
    case EbsDeviceVolumeType::Standard: return "standard";
  }
  return "gp3";
}

std::string block_device_problem(const BlockDevice& d) {
  const std::string name = "block device \"" + d.device_name + "\"";
  if (d.device_name.empty()) return "a block device has no device_name";
  const auto& v = d.volume;
  if (v.size_gib && (*v.size_gib < 1 || *v.size_gib > 16384)) return name + " size must be 1-16384 GiB";
  if (!v.size_gib && v.snapshot_id.empty() && d.device_name != "/dev/xvda" && d.device_name != "/dev/sda1")
    return name + " needs a size_gib or a snapshot_id";
  const bool provisioned = v.volume_type == EbsDeviceVolumeType::Io1 || v.volume_type == EbsDeviceVolumeType::Io2;
  if (provisioned && !v.iops) return name + " is " + ebs_volume_type_name(v.volume_type) + " and needs iops";
  if (v.iops && !provisioned && v.volume_type != EbsDeviceVolumeType::Gp3)
    return name + " sets iops, which only gp3, io1 and io2 volumes take";
  if (!v.kms_key_id.is_null() && !v.encrypted) return name + " has a KMS key but is not encrypted";
  return {};
}

}  // namespace cdk::ec2
