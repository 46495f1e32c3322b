#pragma once
/// EBS volumes attached at launch (Instance, and launch templates).
///
///   .block_devices = {{.device_name = "/dev/xvda", .volume = {.size_gib = 30}}}   // gp3, encrypted
#include <cdk/container_instances.hpp>
#include <cdk/optional.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <string>

namespace cdk::ec2 {

enum class EbsDeviceVolumeType : std::uint8_t { Gp3, Gp2, Io1, Io2, St1, Sc1, Standard };

/// "gp3", "io2", ...
const char* ebs_volume_type_name(EbsDeviceVolumeType type) noexcept;

struct EbsDeviceOptions {
  Optional<int> size_gib{};                             ///< 1-16384; default: the snapshot's size
  EbsDeviceVolumeType volume_type = EbsDeviceVolumeType::Gp3;  ///< default gp3
  Optional<int> iops{};                                 ///< required for io1/io2; default: the type's baseline
  bool encrypted = true;                                ///< default true (secure by default; the CDK's is false)
  Value kms_key_id{};                                   ///< default: the account's EBS key
  bool delete_on_termination = true;                    ///< default true
  std::string snapshot_id{};                            ///< default none
};

struct BlockDevice {
  std::string device_name{};  ///< required, e.g. "/dev/xvda" (the root of Amazon Linux) or "/dev/sdf"
  EbsDeviceOptions volume{};  ///< default: encrypted gp3 of the snapshot's size
};

/// Why the device is invalid, or "" (checked by the constructs that take block devices).
std::string block_device_problem(const BlockDevice& device);

}  // namespace cdk::ec2

CDKPP_EXTERN_VECTOR(cdk::ec2::BlockDevice);
