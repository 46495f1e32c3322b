#pragma once
/// Everything of cdk::lambda (the L2s; the L1s are in <cdk/lambda/cfn.hpp>).
#include <cdk/lambda/alias.hpp>
#include <cdk/lambda/architecture.hpp>
#include <cdk/lambda/code.hpp>
#include <cdk/lambda/event_source_mapping.hpp>
#include <cdk/lambda/function.hpp>
#include <cdk/lambda/function_url.hpp>
#include <cdk/lambda/function_url_auth_type.hpp>
#include <cdk/lambda/function_url_props.hpp>
#include <cdk/lambda/permission.hpp>
#include <cdk/lambda/runtime.hpp>
#include <cdk/lambda/sns_event_source.hpp>
#include <cdk/lambda/sqs_event_source.hpp>
#include <cdk/lambda/version.hpp>
