#pragma once
/// Everything of cdkpp's core: the tree, values, template elements, the app.
#include <cdk/annotations.hpp>
#include <cdk/app.hpp>
#include <cdk/aspects.hpp>
#include <cdk/cfn_condition.hpp>
#include <cdk/cfn_element.hpp>
#include <cdk/cfn_mapping.hpp>
#include <cdk/cfn_output.hpp>
#include <cdk/cfn_parameter.hpp>
#include <cdk/cfn_resource.hpp>
#include <cdk/cfn_rule.hpp>
#include <cdk/construct.hpp>
#include <cdk/error.hpp>
#include <cdk/fn.hpp>
#include <cdk/stack.hpp>
#include <cdk/tags.hpp>
#include <cdk/value.hpp>
