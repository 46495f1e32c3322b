#pragma once
/// Everything of cdk::s3.
#include <cdk/s3/bucket.hpp>
