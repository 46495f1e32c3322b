#pragma once
/// The ECS-optimized AMIs for EC2 capacity, resolved at deploy time from the
/// public SSM parameters AWS keeps current.
///
///   .machine_image = cdk::ecs::ecs_optimized_amazon_linux_2023(),
///   .root_volume = {.device_name = cdk::ecs::ecs_optimized_root_device},
///
/// An image from an SSM parameter does not tell its root device, so an
/// AutoScalingGroup (which encrypts the root volume) needs it spelled out.
#include <cdk/ec2/machine_image.hpp>

namespace cdk::ecs {

/// The root device of the Amazon Linux 2023 ECS-optimized AMIs.
inline constexpr const char* ecs_optimized_root_device = "/dev/xvda";

enum class AmiHardware { Standard, Arm64, Gpu };

/// Amazon Linux 2023 with the ECS agent, for x86_64 (default), ARM64 or GPU instances.
inline ec2::MachineImage ecs_optimized_amazon_linux_2023(AmiHardware hardware = AmiHardware::Standard) {
  const char* variant = hardware == AmiHardware::Arm64 ? "amazon-linux-2023/arm64"
                        : hardware == AmiHardware::Gpu ? "amazon-linux-2023/gpu"
                                                       : "amazon-linux-2023";
  return ec2::MachineImage::from_ssm_parameter(std::string("/aws/service/ecs/optimized-ami/") + variant +
                                               "/recommended/image_id");
}

}  // namespace cdk::ecs
