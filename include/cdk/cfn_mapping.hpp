#pragma once
/// A template mapping: two-level lookup table read with Fn::FindInMap.
///
///   auto& amis = stack.add<cdk::CfnMapping>("Ami", cdk::CfnMappingProps{.mapping = {
///       {"eu-west-1", {{"ami", "ami-123"}}}}});
///   auto ami = amis.find_in_map(cdk::Aws::region(), "ami");
#include <cdk/cfn_element.hpp>
#include <cdk/container_instances.hpp>

#include <map>
#include <string>

namespace cdk {

struct CfnMappingProps {
  /// top-level key -> second-level key -> value; required, not empty
  std::map<std::string, std::map<std::string, Value>> mapping{};
};

class CfnMapping : public CfnElement {
 public:
  using Props = CfnMappingProps;
  CfnMapping(Construct& scope, std::string_view id, const CfnMappingProps& props);
  [[nodiscard]] Section section() const noexcept override { return Section::Mappings; }
  [[nodiscard]] Value find_in_map(Value top_level_key, Value second_level_key) const;
  [[nodiscard]] Value render() const override;
  [[nodiscard]] std::vector<Diagnostic> validate() const override;

 private:
  CfnMappingProps props_;
};

}  // namespace cdk

CDKPP_EXTERN_MAP(std::map<std::string, cdk::Value>);
