#include "synthetic.hpp"

#include <cdk/autoscaling/autoscaling.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ec2/ec2.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/rds/rds.hpp>
#include <cdk/s3/s3.hpp>

#include <stdexcept>
#include <string>

namespace synthetic {

using namespace cdk;

namespace {

int count_resources(const Construct& scope) {
  int n = 0;
  for (const Construct* c : scope.node().find_all())
    if (dynamic_cast<const CfnResource*>(c) != nullptr) ++n;
  return n;
}

int positive(const App& app, const char* key, int fallback) {
  const auto text = app.context(key);
  if (!text) return fallback;
  const int v = std::stoi(*text);
  if (v < 1) throw std::invalid_argument(std::string(key) + " must be at least 1");
  return v;
}

struct Unit {
  s3::Bucket* bucket = nullptr;
};

// One unit of the five L2 kinds; `shared` is the bucket every group reads
// (the first bucket of the stack before, or this unit's own).
Unit add_unit(Stack& stack, int n, ec2::Vpc& vpc, s3::Bucket* shared) {
  const std::string id = std::to_string(n);
  auto& sg = stack.add<ec2::SecurityGroup>("Sg" + id, {.vpc = vpc});
  sg.add_ingress_rule(ec2::Peer::ipv4("10.0.0.0/8"), ec2::Port::tcp(443), "HTTPS from the corporate network");
  auto& bucket = stack.add<s3::Bucket>("Bucket" + id);
  auto& web = stack.add<autoscaling::AutoScalingGroup>("Web" + id, {
      .vpc = vpc, .instance_type = "t3.small", .min_capacity = 1, .max_capacity = 2});
  (shared != nullptr ? *shared : bucket).grant_read(web);
  auto& lb = stack.add<elbv2::NetworkLoadBalancer>("Lb" + id, {.vpc = vpc});
  lb.add_listener("Http", {.port = 80}).add_targets("Web", {.port = 80, .targets = {web}});
  auto& db = stack.add<rds::DatabaseInstance>("Db" + id, {
      .engine = rds::DatabaseInstanceEngine::mysql_8_0(), .vpc = vpc, .instance_type = "db.t4g.micro",
      .allocated_storage_gib = 20});
  db.connections().allow_default_port_from(web);
  return {&bucket};
}

}  // namespace

Settings settings_from_context(const App& app) {
  Settings s;
  s.stacks = positive(app, "stacks", s.stacks);
  s.resources_per_stack = positive(app, "resources_per_stack", s.resources_per_stack);
  return s;
}

int build(App& app, const Settings& settings) {
  ec2::Vpc* vpc = nullptr;
  s3::Bucket* previous_first_bucket = nullptr;
  int total = 0;
  for (int i = 0; i < settings.stacks; ++i) {
    auto& stack = app.add<Stack>(i == 0 ? std::string("Net") : "App" + std::to_string(i));
    if (i == 0)
      vpc = &stack.add<ec2::Vpc>("Vpc", {
          .max_azs = 2,
          .nat_gateways = 1,
          .subnet_configuration = {{"public", ec2::SubnetType::Public, 24},
                                   {"app", ec2::SubnetType::PrivateWithEgress, 22},
                                   {"data", ec2::SubnetType::PrivateIsolated, 24}}});
    // Units while a whole one fits (every unit costs as many resources as
    // the first), then single security groups up to the exact count.
    int count = count_resources(stack);
    s3::Bucket* first_bucket = nullptr;
    int unit_cost = 0;
    for (int n = 1;; ++n) {
      if (unit_cost > 0 && count + unit_cost > settings.resources_per_stack) break;
      const Unit u = add_unit(stack, n, *vpc, previous_first_bucket);
      if (first_bucket == nullptr) {
        first_bucket = u.bucket;
        unit_cost = count_resources(stack) - count;
        if (count + unit_cost > settings.resources_per_stack)
          throw std::invalid_argument("resources_per_stack is smaller than one unit of constructs");
      }
      count += unit_cost;
    }
    for (int n = 1; count < settings.resources_per_stack; ++n, ++count)
      stack.add<ec2::SecurityGroup>("Pad" + std::to_string(n), {.vpc = *vpc});
    if (const int real = count_resources(stack); real != settings.resources_per_stack)
      throw std::logic_error("stack " + stack.node().path() + " has " + std::to_string(real) + " resources, not " +
                             std::to_string(settings.resources_per_stack));
    total += count;
    previous_first_bucket = first_bucket;
  }
  return total;
}

}  // namespace synthetic
