#pragma once
/// A stack output, optionally exported for Fn::ImportValue.
///
///   stack.add<cdk::CfnOutput>("Url", cdk::CfnOutputProps{.value = lb.get_att("DNSName")});
#include <cdk/cfn_element.hpp>

#include <string>

namespace cdk {

class CfnCondition;

struct CfnOutputProps {
  Value value{};                          ///< required
  std::string description{};              ///< default none
  std::string export_name{};              ///< default: not exported
  const CfnCondition* condition = nullptr;///< default: always output
};

class CfnOutput : public CfnElement {
 public:
  using Props = CfnOutputProps;
  CfnOutput(Construct& scope, std::string_view id, const CfnOutputProps& props);
  [[nodiscard]] Section section() const noexcept override { return Section::Outputs; }
  [[nodiscard]] const CfnOutputProps& props() const noexcept { return props_; }
  /// Fn::ImportValue of the export; requires export_name.
  [[nodiscard]] Value import_value() const;
  [[nodiscard]] Value render() const override;
  [[nodiscard]] std::vector<Diagnostic> validate() const override;

 private:
  CfnOutputProps props_;
};

}  // namespace cdk
