#pragma once
/// Subnet types and how constructs pick subnets of a VPC.
///
///   auto picked = vpc.select_subnets({.subnet_type = cdk::ec2::SubnetType::PrivateIsolated});
///   db.props().subnet_ids = picked.subnet_ids();
#include <cdk/container_instances.hpp>
#include <cdk/ec2/construct_lists.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace cdk::ec2 {

class Subnet;

enum class SubnetType : std::uint8_t {
  /// No route out of the VPC: for data tiers.
  PrivateIsolated,
  /// Outbound internet through a NAT gateway or NAT instance in a public subnet.
  PrivateWithEgress,
  /// Routed to the internet gateway; instances may get public IPs.
  Public,
};

/// "Isolated", "Private" or "Public": the AWS CDK's name of the type (subnet tags, default group names).
const char* subnet_type_name(SubnetType type) noexcept;

/// Which subnets a construct uses. Fields combine (type and AZs, say).
struct SubnetSelection {
  Optional<SubnetType> subnet_type{};             ///< default: PrivateWithEgress, else PrivateIsolated, else Public (the CDK's order)
  std::string subnet_group_name{};                ///< a subnet group's name (excludes subnet_type); default: any group
  List<std::string> availability_zones{};         ///< only these AZs (literal names); default: all
  bool one_per_az = false;                        ///< at most one subnet per AZ; default false
  List<Ptr<Subnet>> subnets{};                    ///< exactly these subnets of the VPC (excludes type and group); default: by the fields above
};

/// The subnets a selection matched, in AZ order.
struct SelectedSubnets {
  List<Subnet*> subnets{};                     ///< the Subnet constructs (empty for an ImportedVpc)
  List<Value> subnet_id_values{};              ///< {"Ref": subnet} each
  List<Value> availability_zones{};            ///< literal names or Fn::Select tokens, one per subnet
  bool has_public = false;                     ///< some selected subnet is public

  /// The subnet ids as one list value, for SubnetIds-like properties.
  [[nodiscard]] Value subnet_ids() const { return Value(subnet_id_values); }
};

}  // namespace cdk::ec2

CDKPP_EXTERN_VECTOR(cdk::ec2::SubnetSelection);
CDKPP_EXTERN_VECTOR(cdk::ec2::Subnet*);
