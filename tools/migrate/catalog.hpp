#pragma once
// The typed L1 classes migrate can write: cfngen's own plan of each resource
// type (class, field and struct names, field shapes), read from the same
// pinned spec and patches the build generates the L1 layer from, so every name
// migrate writes is one the library has.
#include "emit.hpp"
#include "model.hpp"
#include "plan.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace migrate {

class Catalog {
 public:
  /// Reads the spec (.json or .json.gz) and applies the patches file (may be
  /// empty); `services` as cfngen's --services ("all" or "ec2;s3"). Throws
  /// std::runtime_error when a file cannot be read or parsed.
  Catalog(const std::string& spec_path, const std::string& patches_path, const std::string& services);
  /// The same from a parsed spec (tests use a small one).
  Catalog(cfngen::Spec spec, const std::vector<std::string>& services);
  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;

  /// The plan of a CloudFormation type ("AWS::EC2::VPC"), or nullptr when the
  /// library has no typed class for it.
  [[nodiscard]] const cfngen::plan::ResourcePlan* find(std::string_view cfn_type) const;
  /// The plan of a nested property type of a resource, or nullptr.
  [[nodiscard]] static const cfngen::plan::StructPlan* find_struct(const cfngen::plan::ResourcePlan& resource,
                                                                   std::string_view type_name);
  /// `#include` path of a resource's class: "cdk/ec2/cfn_vpc.hpp".
  [[nodiscard]] static std::string header(const cfngen::plan::ResourcePlan& plan);
  /// Qualified class name: "cdk::ec2::CfnVPC".
  [[nodiscard]] static std::string qualified(const cfngen::plan::ResourcePlan& plan);
  [[nodiscard]] const std::string& spec_version() const noexcept { return spec_.version; }

 private:
  cfngen::Spec spec_;
  std::vector<cfngen::plan::ResourcePlan> plans_;
  std::map<std::string, const cfngen::plan::ResourcePlan*, std::less<>> by_type_;
};

}  // namespace migrate
