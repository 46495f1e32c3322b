#include <cdk/ec2/subnet_selection.hpp>

namespace cdk::ec2 {

const char* subnet_type_name(SubnetType type) noexcept {
  switch (type) {
    case SubnetType::PrivateIsolated: return "Isolated";
    case SubnetType::PrivateWithEgress: return "Private";
    case SubnetType::Public: return "Public";
  }
  return "";
}

}  // namespace cdk::ec2
