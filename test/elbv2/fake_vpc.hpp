#pragma once
// A VPC given as plain values (an existing VPC), for load balancer and Auto
// Scaling tests that do not need ec2::Vpc: two AZs with a public, a private
// and an isolated subnet each.
#include <cdk/ec2/ivpc.hpp>

#include <string>
#include <vector>

namespace elbv2test {

class FakeVpc : public cdk::ec2::IVpc {
 public:
  [[nodiscard]] cdk::Value vpc_id() const override { return "vpc-0a1b2c3d4e5f60718"; }
  [[nodiscard]] cdk::Value vpc_cidr_block() const override { return "10.0.0.0/16"; }
  [[nodiscard]] std::vector<cdk::Value> availability_zones() const override { return {"eu-west-1a", "eu-west-1b"}; }
  [[nodiscard]] cdk::ec2::SelectedSubnets select_subnets(const cdk::ec2::SubnetSelection& s = {}) const override {
    using T = cdk::ec2::SubnetType;
    const T type = s.subnet_type.value_or(T::PrivateWithEgress);
    const char* prefix = type == T::Public ? "subnet-0aaa000" : type == T::PrivateWithEgress ? "subnet-0bbb000" : "subnet-0ccc000";
    cdk::ec2::SelectedSubnets out;
    const std::size_t n = s.availability_zones.empty() ? 2 : s.availability_zones.size();
    for (std::size_t i = 0; i < n; ++i) {
      out.subnet_id_values.emplace_back(std::string(prefix) + std::to_string(i + 1));
      out.availability_zones.emplace_back(i == 0 ? "eu-west-1a" : "eu-west-1b");
    }
    out.has_public = type == T::Public;
    return out;
  }
  [[nodiscard]] std::vector<cdk::Construct*> internet_connectivity_established() const override { return {}; }
};

}  // namespace elbv2test
