#pragma once
/// A template parameter, set at deploy time (`deploy --parameters Stack:Name=value`).
///
///   auto& size = stack.add<cdk::CfnParameter>("InstanceCount", cdk::CfnParameterProps{
///       .type = "Number", .default_value = 2, .min_value = 1, .max_value = 10});
///   group.set_property("DesiredCapacity", size.value());
#include <cdk/cfn_element.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>

#include <string>
#include <vector>

namespace cdk {

struct CfnParameterProps {
  std::string type = "String";                 ///< CloudFormation parameter type; default "String"
  Value default_value{};                       ///< used when no value is given; default none
  List<std::string> allowed_values{};          ///< default: any
  std::string allowed_pattern{};               ///< regular expression; default none
  std::string description{};                   ///< default none
  std::string constraint_description{};        ///< shown when a constraint fails; default none
  Optional<int> min_length{};                  ///< default none
  Optional<int> max_length{};                  ///< default none
  Optional<double> min_value{};                ///< default none
  Optional<double> max_value{};                ///< default none
  bool no_echo = false;                        ///< mask the value in the console; default false
};

class CfnParameter : public CfnElement {
 public:
  using Props = CfnParameterProps;
  CfnParameter(Construct& scope, std::string_view id, const CfnParameterProps& props = {});
  [[nodiscard]] Section section() const noexcept override { return Section::Parameters; }
  /// The parameter's value: {"Ref": parameter}.
  [[nodiscard]] Value value() const { return ref(); }
  [[nodiscard]] const CfnParameterProps& props() const noexcept { return props_; }
  [[nodiscard]] Value render() const override;
  [[nodiscard]] std::vector<Diagnostic> validate() const override;

 private:
  CfnParameterProps props_;
};

}  // namespace cdk
