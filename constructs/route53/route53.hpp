#pragma once
/// Everything of cdk::route53.
#include <cdk/route53/a_record.hpp>
#include <cdk/route53/aaaa_record.hpp>
#include <cdk/route53/alias_target.hpp>
#include <cdk/route53/cloudfront_target.hpp>
#include <cdk/route53/cname_record.hpp>
#include <cdk/route53/hosted_zone.hpp>
#include <cdk/route53/record_set.hpp>
#include <cdk/route53/record_target.hpp>
#include <cdk/route53/txt_record.hpp>
