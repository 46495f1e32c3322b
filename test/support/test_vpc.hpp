#pragma once
// The VPCs construct tests place things in, without depending on every detail
// of cdk::ec2::Vpc:
// - TestVpc: made of L1 resources in the template (two AZs, each with a
//   public, a private (egress) and an isolated subnet), for tests that check
//   Refs to the VPC and its subnets.
// - imported_vpc(): an existing VPC known by literal ids, through the
//   library's own ImportedVpc, for tests that check ids in the template.
#include <cdk/construct.hpp>
#include <cdk/ec2/cfn_subnet.hpp>
#include <cdk/ec2/cfn_vpc.hpp>
#include <cdk/ec2/imported_vpc.hpp>
#include <cdk/ec2/ivpc.hpp>
#include <cdk/fn.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cdk::testing {

class TestVpc : public cdk::Construct, public cdk::ec2::IVpc {
 public:
  TestVpc(cdk::Construct& scope, std::string_view id) : Construct(scope, id) {
    vpc_ = &add<cdk::ec2::CfnVPC>("Resource", cdk::ec2::CfnVPC::Props{.cidr_block = "10.0.0.0/16"});
    const char* kinds[] = {"Public", "Private", "Isolated"};
    int n = 0;
    for (int k = 0; k < 3; ++k)
      for (int az = 0; az < 2; ++az) {
        cdk::ec2::CfnSubnet::Props p;
        p.availability_zone = cdk::Fn::select(az, cdk::Fn::get_azs());
        p.cidr_block = "10.0." + std::to_string(n++ * 16) + ".0/20";
        p.vpc_id = vpc_->ref();
        auto& s = add<cdk::ec2::CfnSubnet>(std::string(kinds[k]) + "Subnet" + std::to_string(az + 1), std::move(p));
        subnets_[k].push_back(s.ref());
      }
  }
  cdk::Value vpc_id() const override { return vpc_->ref(); }
  cdk::Value vpc_cidr_block() const override { return vpc_->attr_cidr_block(); }
  std::vector<cdk::Value> availability_zones() const override {
    return {cdk::Fn::select(0, cdk::Fn::get_azs()), cdk::Fn::select(1, cdk::Fn::get_azs())};
  }
  cdk::ec2::SelectedSubnets select_subnets(const cdk::ec2::SubnetSelection& sel = {}) const override {
    using T = cdk::ec2::SubnetType;
    T type = sel.subnet_type.value_or(T::PrivateWithEgress);
    int k = type == T::Public ? 0 : type == T::PrivateWithEgress ? 1 : 2;
    cdk::ec2::SelectedSubnets out;
    out.subnet_id_values = subnets_[k];
    out.availability_zones = availability_zones();
    out.has_public = k == 0;
    return out;
  }
  std::vector<cdk::Construct*> internet_connectivity_established() const override { return {}; }

 private:
  cdk::ec2::CfnVPC* vpc_ = nullptr;
  std::vector<cdk::Value> subnets_[3];
};

/// An existing VPC in eu-west-1a and eu-west-1b with a public
/// (subnet-0aaa000N), a private (subnet-0bbb000N) and an isolated
/// (subnet-0ccc000N) subnet in each AZ.
inline cdk::ec2::ImportedVpc& imported_vpc(cdk::Construct& scope, std::string_view id = "Vpc") {
  return cdk::ec2::ImportedVpc::from_attributes(scope, id, {
      .vpc_id = "vpc-0a1b2c3d4e5f60718",
      .vpc_cidr_block = "10.0.0.0/16",
      .availability_zones = {"eu-west-1a", "eu-west-1b"},
      .public_subnet_ids = {"subnet-0aaa0001", "subnet-0aaa0002"},
      .private_subnet_ids = {"subnet-0bbb0001", "subnet-0bbb0002"},
      .isolated_subnet_ids = {"subnet-0ccc0001", "subnet-0ccc0002"}});
}

}  // namespace cdk::testing
