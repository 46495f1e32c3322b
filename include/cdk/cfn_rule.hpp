#pragma once
/// A template rule: checks parameter values before a deploy starts.
#include <cdk/cfn_element.hpp>
#include <cdk/container_instances.hpp>
#include <cdk/list.hpp>

#include <string>
#include <vector>

namespace cdk {

struct CfnRuleAssertion {
  Value assert_{};            ///< condition that must hold; required
  std::string description{};  ///< shown when it fails; default none
};

struct CfnRuleProps {
  Value rule_condition{};                   ///< when the rule applies; default always
  List<CfnRuleAssertion> assertions{};         ///< at least one
};

class CfnRule : public CfnElement {
 public:
  using Props = CfnRuleProps;
  CfnRule(Construct& scope, std::string_view id, const CfnRuleProps& props);
  [[nodiscard]] Section section() const noexcept override { return Section::Rules; }
  [[nodiscard]] Value render() const override;
  [[nodiscard]] std::vector<Diagnostic> validate() const override;

 private:
  CfnRuleProps props_;
};

}  // namespace cdk

CDKPP_EXTERN_VECTOR(cdk::CfnRuleAssertion);
