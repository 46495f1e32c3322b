#pragma once
// A template value as a C++ expression of type cdk::Value: literals as
// literals, references as references to the elements' variables (`vpc.ref()`,
// `db.attr_endpoint_address()`), intrinsics through cdk::Fn and cdk::Aws.
#include "code.hpp"
#include "context.hpp"

#include <nlohmann/json.hpp>

namespace migrate {

/// {"Ref": ...}, {"Fn::...": ...} or {"Condition": name-of-a-condition}.
bool is_intrinsic(const Context& ctx, const nlohmann::json& j);

/// Any template value; throws Refusal for a reference to an element the
/// template does not define (or of the wrong kind).
Code value_code(Context& ctx, const nlohmann::json& j);

/// `var.ref()` / the element's variable, marking it used.
std::string element_var(Context& ctx, const std::string& id, Kind kind, const char* used_as);

}  // namespace migrate
