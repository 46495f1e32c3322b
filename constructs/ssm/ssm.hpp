#pragma once
/// Everything of cdk::ssm.
#include <cdk/ssm/string_parameter.hpp>
