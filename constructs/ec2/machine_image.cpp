#include <cdk/ec2/machine_image.hpp>

// Designated initializers leave the other L1 properties unset on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#include <cdk/cfn_mapping.hpp>
#include <cdk/cfn_parameter.hpp>
#include <cdk/error.hpp>
#include <cdk/fn.hpp>
#include <cdk/stack.hpp>

#include <cctype>

namespace cdk::ec2 {

namespace {
// The fixed part of the AWS CDK's construct id for SSM parameter values, so
// the parameter gets the same logical id as in a CDK app.
constexpr const char* kSsmParameterSuffix = "C96584B6F00A464EAD1953AFF4B05118Parameter";
constexpr const char* kAmazonLinuxPrefix = "/aws/service/ami-amazon-linux-latest/";

std::string alphanumeric(std::string_view s) {
  std::string out;
  for (unsigned char c : s)
    if (std::isalnum(c)) out += static_cast<char>(c);
  return out;
}

bool valid_ami(std::string_view id) {
  if (!id.starts_with("ami-")) return false;
  id.remove_prefix(4);
  if (id.size() != 8 && id.size() != 17) return false;
  for (unsigned char c : id)
    if (!std::isxdigit(c)) return false;
  return true;
}
}  // namespace

MachineImage MachineImage::latest_amazon_linux_2023(AmazonLinux2023Options options) {
  MachineImage m;
  m.parameter_ = std::string(kAmazonLinuxPrefix) + "al2023-ami-" + (options.minimal ? "minimal-" : "") + "kernel-" +
                 options.kernel + (options.cpu == AmazonLinuxCpuType::Arm64 ? "-arm64" : "-x86_64");
  m.root_device_ = "/dev/xvda";
  return m;
}

MachineImage MachineImage::from_ssm_parameter(std::string parameter_name, OperatingSystemType os) {
  MachineImage m;
  m.parameter_ = std::move(parameter_name);
  m.os_ = os;
  if (m.parameter_.starts_with(kAmazonLinuxPrefix)) m.root_device_ = "/dev/xvda";
  return m;
}

MachineImage MachineImage::generic_linux(std::map<std::string, std::string> amis_by_region) {
  MachineImage m;
  m.amis_ = std::move(amis_by_region);
  return m;
}

MachineImage MachineImage::generic_windows(std::map<std::string, std::string> amis_by_region) {
  MachineImage m = generic_linux(std::move(amis_by_region));
  m.os_ = OperatingSystemType::Windows;
  return m;
}

MachineImageConfig MachineImage::get_image(Construct& scope) const {
  MachineImageConfig config{.os_type = os_,
                            .user_data = os_ == OperatingSystemType::Windows ? UserData::for_windows() : UserData::for_linux(),
                            .root_device_name = root_device_};
  Stack& stack = Stack::of(scope);
  if (!parameter_.empty()) {
    if (!parameter_.starts_with("/"))
      throw Error(scope.node().path(), "SSM parameter name \"" + parameter_ + "\" does not start with '/'",
                  "use the full name, such as /aws/service/ami-amazon-linux-latest/...");
    const std::string id = "SsmParameterValue" + alphanumeric(parameter_) + kSsmParameterSuffix;
    CfnParameter* param = dynamic_cast<CfnParameter*>(stack.node().try_find_child(id));
    if (!param)
      param = &stack.add<CfnParameter>(
          id, CfnParameterProps{.type = "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", .default_value = parameter_});
    config.image_id = param->value();
    return config;
  }
  if (amis_.empty())
    throw Error(scope.node().path(), "the generic image has no AMIs", "give at least one region -> AMI id");
  for (const auto& [region, ami] : amis_)
    if (!valid_ami(ami))
      throw Error(scope.node().path(), "\"" + ami + "\" (for " + region + ") is not an AMI id",
                  "AMI ids are \"ami-\" and 8 or 17 hex digits");
  const std::string& region = stack.env().region;
  if (!region.empty()) {
    const auto it = amis_.find(region);
    if (it == amis_.end())
      throw Error(scope.node().path(), "the generic image has no AMI for " + region, "add " + region + " to the map");
    config.image_id = it->second;
    return config;
  }
  CfnMappingProps mapping;
  for (const auto& [r, ami] : amis_) mapping.mapping[r] = {{"ami", Value(ami)}};
  auto& map = scope.add<CfnMapping>("AmiMap", std::move(mapping));
  config.image_id = map.find_in_map(Aws::region(), "ami");
  return config;
}

}  // namespace cdk::ec2
