#pragma once
// A template value as the JSON text a CloudFormation string property takes
// (a buildspec, CodePipeline's EnvironmentVariables or ParameterOverrides).
// Internal: not included by public headers.
#include <cdk/value.hpp>

#include <vector>

namespace cdk::codebuild::detail {

/// `value` as JSON text indented by `indent` spaces (0: compact), as the AWS
/// CDK's Stack.toJsonString writes it. Literal values give a plain string; a token
/// anywhere inside (a Ref, a GetAtt) makes the whole an Fn::Join around it,
/// with the token written as a JSON string. A map key "\x01<n>" stands for
/// key_tokens[n] (JSON keys are text; a report group's ARN is a token).
Value json_text(const Value& value, int indent = 2, const std::vector<Value>& key_tokens = {});

}  // namespace cdk::codebuild::detail
