#include <cdk/cfn_condition.hpp>
#include <cdk/cfn_mapping.hpp>
#include <cdk/fn.hpp>

namespace cdk {

namespace Fn {
Value join(std::string_view delimiter, Value::List parts) {
  return Value::intrinsic("Fn::Join", Value::list({std::string(delimiter), Value(std::move(parts))}));
}
Value sub(std::string_view body, Value::Map variables) {
  if (variables.empty()) return Value::intrinsic("Fn::Sub", std::string(body));
  return Value::intrinsic("Fn::Sub", Value::list({std::string(body), Value(std::move(variables))}));
}
Value select(int index, Value list) {
  return Value::intrinsic("Fn::Select", Value::list({index, std::move(list)}));
}
Value split(std::string_view delimiter, Value source) {
  return Value::intrinsic("Fn::Split", Value::list({std::string(delimiter), std::move(source)}));
}
Value get_azs(Value region) { return Value::intrinsic("Fn::GetAZs", std::move(region)); }
Value import_value(Value export_name) { return Value::intrinsic("Fn::ImportValue", std::move(export_name)); }
Value base64(Value text) { return Value::intrinsic("Fn::Base64", std::move(text)); }
Value cidr(Value ip_block, int count, int cidr_bits) {
  return Value::intrinsic("Fn::Cidr", Value::list({std::move(ip_block), count, cidr_bits}));
}
Value find_in_map(const CfnMapping& mapping, Value top_level_key, Value second_level_key) {
  return Value::intrinsic("Fn::FindInMap", Value::list({Value::logical_id(mapping), std::move(top_level_key),
                                                        std::move(second_level_key)}));
}
Value condition_if(const CfnCondition& condition, Value if_true, Value if_false) {
  return Value::intrinsic("Fn::If",
                          Value::list({Value::logical_id(condition), std::move(if_true), std::move(if_false)}));
}
Value condition_equals(Value a, Value b) {
  return Value::intrinsic("Fn::Equals", Value::list({std::move(a), std::move(b)}));
}
Value condition_and(Value::List conditions) { return Value::intrinsic("Fn::And", Value(std::move(conditions))); }
Value condition_or(Value::List conditions) { return Value::intrinsic("Fn::Or", Value(std::move(conditions))); }
Value condition_not(Value condition) { return Value::intrinsic("Fn::Not", Value::list({std::move(condition)})); }
Value condition(const CfnCondition& condition) { return Value::intrinsic("Condition", Value::logical_id(condition)); }
Value get_att(const CfnElement& element, std::string_view attribute) { return Value::get_att(element, attribute); }
Value ref(const CfnElement& element) { return Value::ref(element); }
}  // namespace Fn

namespace Aws {
Value account_id() { return Value::pseudo("AWS::AccountId"); }
Value region() { return Value::pseudo("AWS::Region"); }
Value partition() { return Value::pseudo("AWS::Partition"); }
Value stack_name() { return Value::pseudo("AWS::StackName"); }
Value stack_id() { return Value::pseudo("AWS::StackId"); }
Value url_suffix() { return Value::pseudo("AWS::URLSuffix"); }
Value notification_arns() { return Value::pseudo("AWS::NotificationARNs"); }
Value no_value() { return Value::pseudo("AWS::NoValue"); }
}  // namespace Aws

}  // namespace cdk
