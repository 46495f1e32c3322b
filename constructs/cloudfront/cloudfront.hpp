#pragma once
/// Everything of cdk::cloudfront (the L2s; the L1s are in <cdk/cloudfront/cfn.hpp>).
#include <cdk/cloudfront/behavior_options.hpp>
#include <cdk/cloudfront/cache_policy.hpp>
#include <cdk/cloudfront/distribution.hpp>
#include <cdk/cloudfront/error_response.hpp>
#include <cdk/cloudfront/http_origin.hpp>
#include <cdk/cloudfront/load_balancer_v2_origin.hpp>
#include <cdk/cloudfront/methods.hpp>
#include <cdk/cloudfront/origin.hpp>
#include <cdk/cloudfront/origin_request_policy.hpp>
#include <cdk/cloudfront/price_class.hpp>
#include <cdk/cloudfront/protocols.hpp>
#include <cdk/cloudfront/response_headers_policy.hpp>
#include <cdk/cloudfront/s3_bucket_origin.hpp>
