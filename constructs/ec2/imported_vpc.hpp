#pragma once
/// cdk::ec2::ImportedVpc: a VPC made outside this app, known by its ids (the
/// AWS CDK's Vpc.fromVpcAttributes). Constructs placed in it take it as IVpc.
///
///   auto& vpc = cdk::ec2::ImportedVpc::from_attributes(stack, "Vpc", {
///       .vpc_id = "vpc-0123456789abcdef0",
///       .availability_zones = {"eu-west-1a", "eu-west-1b"},
///       .private_subnet_ids = {"subnet-0123456789abcdef0", "subnet-0fedcba9876543210"}});
///   stack.add<cdk::ec2::Instance>("Web", {.vpc = vpc, .instance_type = "t3.micro"});
///
/// Subnet ids are listed group by group, one per AZ in the order of
/// availability_zones (so each list's length is a multiple of the AZ count).
/// Selections by type, AZ and one_per_az work; SelectedSubnets.subnets stays
/// empty (there are no Subnet constructs), so gateway endpoints and route
/// changes need the subnets' route tables, which an import does not know.
#include <cdk/construct.hpp>
#include <cdk/ec2/ivpc.hpp>
#include <cdk/list.hpp>

#include <string>
#include <vector>

namespace cdk::ec2 {

struct VpcAttributes {
  Value vpc_id{};                                 ///< required: "vpc-..." or a token
  Value vpc_cidr_block{};                         ///< the primary CIDR; default unknown (vpc_cidr_block() then throws)
  List<std::string> availability_zones{};         ///< required: AZ names
  List<Value> public_subnet_ids{};                ///< default none
  List<Value> private_subnet_ids{};               ///< PrivateWithEgress; default none
  List<Value> isolated_subnet_ids{};              ///< default none
};

class ImportedVpc : public Construct, public IVpc {
 public:
  using Props = VpcAttributes;
  ImportedVpc(Construct& scope, std::string_view id, VpcAttributes attributes);

  /// scope.add<ImportedVpc>(id, attributes).
  static ImportedVpc& from_attributes(Construct& scope, std::string_view id, VpcAttributes attributes);

  [[nodiscard]] Value vpc_id() const override { return attrs_.vpc_id; }
  [[nodiscard]] Value vpc_cidr_block() const override;
  [[nodiscard]] std::vector<Value> availability_zones() const override;
  [[nodiscard]] SelectedSubnets select_subnets(const SubnetSelection& selection = {}) const override;
  [[nodiscard]] std::vector<Construct*> internet_connectivity_established() const override { return {}; }

 private:
  VpcAttributes attrs_;
};

}  // namespace cdk::ec2
