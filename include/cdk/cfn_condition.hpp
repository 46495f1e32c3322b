#pragma once
/// A template condition, for conditional resources and Fn::If.
///
///   auto& prod = stack.add<cdk::CfnCondition>("IsProd", cdk::CfnConditionProps{
///       .expression = cdk::Fn::condition_equals(env.value(), "prod")});
///   bucket.set_condition(prod);
#include <cdk/cfn_element.hpp>

namespace cdk {

struct CfnConditionProps {
  Value expression{};  ///< Fn::Equals/And/Or/Not; required
};

class CfnCondition : public CfnElement {
 public:
  using Props = CfnConditionProps;
  CfnCondition(Construct& scope, std::string_view id, const CfnConditionProps& props);
  [[nodiscard]] Section section() const noexcept override { return Section::Conditions; }
  [[nodiscard]] Value render() const override { return props_.expression; }
  [[nodiscard]] std::vector<Diagnostic> validate() const override;

 private:
  CfnConditionProps props_;
};

}  // namespace cdk
