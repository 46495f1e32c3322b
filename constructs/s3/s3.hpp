#pragma once
/// Everything of cdk::s3.
#include <cdk/s3/bucket.hpp>
#include <cdk/s3/bucket_actions.hpp>
