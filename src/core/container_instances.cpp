// The list and map members this module's headers declare extern, compiled
// here once (cdk/container_instances.hpp).
#include <cdk/cfn_mapping.hpp>
#include <cdk/cfn_rule.hpp>
#include <cdk/error.hpp>
#include <cdk/value.hpp>

CDKPP_VECTOR_INSTANCE(cdk::Value);
CDKPP_VECTOR_INSTANCE(cdk::Value::Entry);
CDKPP_VECTOR_INSTANCE(cdk::Diagnostic);
CDKPP_VECTOR_INSTANCE(cdk::CfnRuleAssertion);
CDKPP_MAP_INSTANCE(cdk::Value);
CDKPP_MAP_INSTANCE(std::map<std::string, cdk::Value>);

template cdk::List<std::string>::List() noexcept;
template cdk::List<std::string>::List(std::initializer_list<std::string>);
