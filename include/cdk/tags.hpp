#pragma once
/// Tags applied to every taggable resource below a scope.
///
///   cdk::Tags::of(stack).add("team", "payments");
///   cdk::Tags::of(vpc).add("tier", "net", {.include_resource_types = {"AWS::EC2::Subnet"}});
#include <cdk/construct.hpp>
#include <cdk/list.hpp>

#include <string>
#include <vector>

namespace cdk {

struct TagProps {
  List<std::string> include_resource_types{};         ///< default: all types
  List<std::string> exclude_resource_types{};         ///< default: none
  int priority = 100;                      ///< higher wins on the same key; default 100
  bool apply_to_launched_instances = true; ///< Auto Scaling PropagateAtLaunch; default true
};

class Tags {
 public:
  static Tags of(Construct& scope) { return Tags(scope); }
  void add(std::string key, std::string value, TagProps props = {});
  void remove(std::string key, TagProps props = {});

 private:
  explicit Tags(Construct& scope) : scope_(scope) {}
  Construct& scope_;
};

}  // namespace cdk
