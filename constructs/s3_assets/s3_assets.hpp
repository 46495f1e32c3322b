#pragma once
/// Everything of cdk::s3_assets.
#include <cdk/s3_assets/asset.hpp>
