#pragma once
/// Intrinsic functions and pseudo parameters, as cdk::Value.
///
///   auto azs = cdk::Fn::get_azs();
///   auto first = cdk::Fn::select(0, azs);
///   auto url = cdk::Fn::sub("https://${Host}/", {{"Host", lb.dns_name()}});
#include <cdk/value.hpp>

#include <string>
#include <utility>
#include <vector>

namespace cdk {

class CfnCondition;
class CfnMapping;

namespace Fn {
Value join(std::string_view delimiter, Value::List parts);
Value sub(std::string_view body, Value::Map variables = {});
Value select(int index, Value list);
Value split(std::string_view delimiter, Value source);
/// Fn::GetAZs of the given region; "" is the stack's region.
Value get_azs(Value region = "");
Value import_value(Value export_name);
Value base64(Value text);
Value cidr(Value ip_block, int count, int cidr_bits);
Value find_in_map(const CfnMapping& mapping, Value top_level_key, Value second_level_key);
Value condition_if(const CfnCondition& condition, Value if_true, Value if_false);
Value condition_equals(Value a, Value b);
Value condition_and(Value::List conditions);
Value condition_or(Value::List conditions);
Value condition_not(Value condition);
/// {"Condition": name}, to nest a condition inside And/Or/Not.
Value condition(const CfnCondition& condition);
Value get_att(const CfnElement& element, std::string_view attribute);
Value ref(const CfnElement& element);
}  // namespace Fn

/// Pseudo parameters: {"Ref": "AWS::Region"} and friends.
namespace Aws {
Value account_id();
Value region();
Value partition();
Value stack_name();
Value stack_id();
Value url_suffix();
Value notification_arns();
/// Removes a property when used as its value (inside Fn::If).
Value no_value();
}  // namespace Aws

}  // namespace cdk
