#pragma once
/// cdk::ec2::MachineImage: which AMI an instance boots.
///
///   cdk::ec2::MachineImage::latest_amazon_linux_2023()           // SSM public parameter, resolved at deploy
///   cdk::ec2::MachineImage::latest_amazon_linux_2023({.cpu = cdk::ec2::AmazonLinuxCpuType::Arm64})
///   cdk::ec2::MachineImage::generic_linux({{"eu-west-1", "ami-0123456789abcdef0"}})
///
/// SSM-based images become a template parameter of type
/// AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>, as in the CDK (same
/// logical id), so every deploy picks up the latest AMI.
#include <cdk/ec2/user_data.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace cdk {
class Construct;
}

namespace cdk::ec2 {

enum class OperatingSystemType : std::uint8_t { Linux, Windows };
enum class AmazonLinuxCpuType : std::uint8_t { X86_64, Arm64 };

struct AmazonLinux2023Options {
  std::string kernel = "default";                  ///< "default", "6.1", "6.12"; default "default"
  AmazonLinuxCpuType cpu = AmazonLinuxCpuType::X86_64;  ///< default x86_64
  bool minimal = false;                            ///< the minimal AMI; default false
};

/// What an instance needs from its image.
struct MachineImageConfig {
  Value image_id{};
  OperatingSystemType os_type = OperatingSystemType::Linux;
  UserData user_data = UserData::for_linux();  ///< the image's default user data
  std::string root_device_name{};              ///< known for Amazon Linux ("/dev/xvda"); else empty
};

class MachineImage {
 public:
  /// The latest Amazon Linux 2023 from the public SSM parameter
  /// /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 (and variants).
  static MachineImage latest_amazon_linux_2023(AmazonLinux2023Options options = {});
  /// The AMI id held by any SSM parameter, resolved at deploy time.
  static MachineImage from_ssm_parameter(std::string parameter_name, OperatingSystemType os = OperatingSystemType::Linux);
  /// Region -> AMI id. A stack with a known region gets the literal id (and an
  /// error if the region is missing); an environment-agnostic one a mapping.
  static MachineImage generic_linux(std::map<std::string, std::string> amis_by_region);
  static MachineImage generic_windows(std::map<std::string, std::string> amis_by_region);

  /// The image for a construct in `scope` (may add the parameter or mapping to the stack / scope).
  [[nodiscard]] MachineImageConfig get_image(Construct& scope) const;

  /// The SSM parameter name, for SSM-based images; else "".
  [[nodiscard]] const std::string& parameter_name() const noexcept { return parameter_; }

 private:
  MachineImage() = default;
  OperatingSystemType os_ = OperatingSystemType::Linux;
  std::string parameter_;
  std::map<std::string, std::string> amis_;
  std::string root_device_;
};

}  // namespace cdk::ec2
