#pragma once
/// cdk::ec2::Vpc: a VPC with subnet groups spread over availability zones,
/// the AWS CDK's Vpc (same construct ids, so the same logical ids).
///
///   auto& vpc = stack.add<cdk::ec2::Vpc>("Vpc", {
///       .max_azs = 2,
///       .nat_gateways = 1,
///       .subnet_configuration = {{"public", cdk::ec2::SubnetType::Public, 24},
///                                {"app", cdk::ec2::SubnetType::PrivateWithEgress},
///                                {"data", cdk::ec2::SubnetType::PrivateIsolated, 28}}});
///   auto data = vpc.select_subnets({.subnet_group_name = "data"});
///
/// Defaults as in the CDK: 10.0.0.0/16; a Public and a Private
/// (PrivateWithEgress) group (Public and Isolated when nat_gateways is 0);
/// 3 AZs at most; one NAT gateway per AZ; DNS support and hostnames on.
/// Subnet CIDRs: groups with a cidr_mask are allocated first, in order; the
/// rest of the range is split evenly over the other groups (the CDK's
/// allocator, including its rounding up to the block size). Groups may also
/// list explicit cidr_blocks (an existing address plan): they must lie in the
/// VPC and overlap nothing, and the allocator places the others around them.
///
/// AZs: unless `availability_zones` names them, subnet i is in
/// `Fn::Select [i, Fn::GetAZs ""]`, never a hard-coded name. A stack with an
/// explicit region may use as many AZs as the region has (a committed table);
/// an environment-agnostic stack gets 2, like the CDK. Subnets in AZs named
/// explicitly carry cfn-lint metadata that silences W3010 (hard-coded AZ) for them.
///
/// The default security group loses its rules (restrict_default_security_group).
///
/// Not supported (yet): IPv6, IPAM pools, VPN gateways, reserved groups,
/// importing (Vpc.fromLookup).
#include <cdk/construct.hpp>
#include <cdk/container_instances.hpp>
#include <cdk/ec2/flow_log.hpp>
#include <cdk/ec2/gateway_vpc_endpoint.hpp>
#include <cdk/ec2/ivpc.hpp>
#include <cdk/ec2/nat_provider.hpp>
#include <cdk/ec2/subnet.hpp>
#include <cdk/ec2/subnet_selection.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cdk::ec2 {

class CfnVPC;
class CfnInternetGateway;
class CfnVPCGatewayAttachment;

/// Whether the VPC's instances run on dedicated hardware unless they say otherwise.
enum class DefaultInstanceTenancy : std::uint8_t { Default, Dedicated };

/// One group of subnets, one subnet per AZ.
struct SubnetConfiguration {
  std::string name{};                                  ///< required, unique in the VPC ("Public", "app")
  SubnetType subnet_type = SubnetType::PrivateIsolated;  ///< default PrivateIsolated
  Optional<int> cidr_mask{};                           ///< 16-28; default: an equal share of the space left
  Optional<bool> map_public_ip_on_launch{};            ///< Public groups only; default true for Public
  List<std::string> cidr_blocks{};                     ///< explicit blocks, one per AZ (excludes cidr_mask); default: allocated
};

struct VpcProps {
  std::string cidr = "10.0.0.0/16";                      ///< the VPC's IPv4 block, /16 to /28; default 10.0.0.0/16
  Optional<int> max_azs{};                               ///< how many AZs to use at most; default 3
  List<std::string> availability_zones{};                ///< explicit AZ names (excludes max_azs); default: picked by Fn::GetAZs
  Optional<int> nat_gateways{};                          ///< 0 = none, 1 = one shared, ...; default: one per AZ when there are PrivateWithEgress groups
  SubnetSelection nat_gateway_subnets{};                 ///< where NAT gateways go; default: the Public subnets
  NatProvider nat_gateway_provider = NatProvider::gateway();  ///< default: NAT gateways
  List<SubnetConfiguration> subnet_configuration{};          ///< default: Public + PrivateWithEgress (Public + PrivateIsolated when nat_gateways is 0)
  bool enable_dns_hostnames = true;                      ///< default true
  bool enable_dns_support = true;                        ///< default true
  DefaultInstanceTenancy default_instance_tenancy = DefaultInstanceTenancy::Default;  ///< default Default (shared hardware)
  std::string vpc_name{};                                ///< the Name tag; default: the construct path
  bool create_internet_gateway = true;                   ///< for Public groups; default true
  std::map<std::string, GatewayVpcEndpointOptions> gateway_endpoints{};  ///< id -> endpoint; default none
  std::map<std::string, FlowLogOptions> flow_logs{};     ///< id -> flow log; default none
  /// Remove the default security group's rules (all traffic from itself, all out) through a
  /// Custom::VpcRestrictDefaultSG resource and one provider function per stack, at the AWS CDK's
  /// ids. Default: the AWS CDK's flag @aws-cdk/aws-ec2:restrictDefaultSecurityGroup (true, as cdk init sets it).
  Optional<bool> restrict_default_security_group{};
};

class Vpc : public Construct, public IVpc {
 public:
  using Props = VpcProps;
  /// The CDK's default CIDR and AZ count.
  static constexpr const char* default_cidr = "10.0.0.0/16";
  static constexpr int default_max_azs = 3;

  Vpc(Construct& scope, std::string_view id, const VpcProps& props = {});

  [[nodiscard]] Value vpc_id() const override;
  [[nodiscard]] Value vpc_cidr_block() const override;
  [[nodiscard]] std::vector<Value> availability_zones() const override { return azs_; }
  [[nodiscard]] SelectedSubnets select_subnets(const SubnetSelection& selection = {}) const override;
  [[nodiscard]] std::vector<Construct*> internet_connectivity_established() const override;

  [[nodiscard]] const std::vector<Subnet*>& public_subnets() const noexcept { return public_; }
  /// The PrivateWithEgress subnets.
  [[nodiscard]] const std::vector<Subnet*>& private_subnets() const noexcept { return private_; }
  [[nodiscard]] const std::vector<Subnet*>& isolated_subnets() const noexcept { return isolated_; }
  /// {"Ref": internet gateway}; null without one.
  [[nodiscard]] Value internet_gateway_id() const;
  /// The NAT gateways' (or NAT instances') ids, in AZ order.
  [[nodiscard]] const std::vector<Value>& nat_ids() const noexcept { return nat_ids_; }
  [[nodiscard]] CfnVPC& resource() const noexcept { return *vpc_; }

  GatewayVpcEndpoint& add_gateway_endpoint(std::string_view id, GatewayVpcEndpointOptions options);
  FlowLog& add_flow_log(std::string_view id, FlowLogOptions options = {});

 private:
  void check(const VpcProps& props) const;
  void pick_availability_zones(const VpcProps& props);
  std::vector<SubnetConfiguration> subnet_groups(const VpcProps& props);
  int count_nat(const VpcProps& props, const std::vector<SubnetConfiguration>& groups) const;
  void create_subnets(const std::vector<SubnetConfiguration>& groups, const std::string& cidr);
  void make_subnet_group(const SubnetConfiguration& group, const std::vector<std::string>& cidr_blocks);
  void configure_nat(const VpcProps& props, int count);

  std::vector<Value> azs_;
  std::vector<Subnet*> public_, private_, isolated_;
  std::vector<Subnet*> all_;  // creation order
  std::vector<std::string> group_names_;
  std::vector<Value> nat_ids_;
  CfnVPC* vpc_ = nullptr;
  CfnInternetGateway* igw_ = nullptr;
  CfnVPCGatewayAttachment* attachment_ = nullptr;
};

}  // namespace cdk::ec2

CDKPP_EXTERN_VECTOR(cdk::ec2::SubnetConfiguration);
CDKPP_EXTERN_MAP(cdk::ec2::GatewayVpcEndpointOptions);
CDKPP_EXTERN_MAP(cdk::ec2::FlowLogOptions);
