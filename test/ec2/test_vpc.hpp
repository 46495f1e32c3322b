#pragma once
// A minimal IVpc for tests of constructs that only need a VPC id.
#include <cdk/construct.hpp>
#include <cdk/ec2/cfn_vpc.hpp>
#include <cdk/ec2/ivpc.hpp>

namespace ec2test {

class BareVpc : public cdk::Construct, public cdk::ec2::IVpc {
 public:
  BareVpc(cdk::Construct& scope, std::string_view id) : cdk::Construct(scope, id) {
    vpc_ = &add<cdk::ec2::CfnVPC>("Resource", {.cidr_block = "10.0.0.0/16"});
  }
  cdk::Value vpc_id() const override { return vpc_->ref(); }
  cdk::Value vpc_cidr_block() const override { return vpc_->attr_cidr_block(); }
  std::vector<cdk::Value> availability_zones() const override { return {}; }
  cdk::ec2::SelectedSubnets select_subnets(const cdk::ec2::SubnetSelection&) const override { return {}; }
  std::vector<cdk::Construct*> internet_connectivity_established() const override { return {}; }

 private:
  cdk::ec2::CfnVPC* vpc_ = nullptr;
};

}  // namespace ec2test
