#pragma once
/// Everything of cdk::codebuild.
#include <cdk/codebuild/artifacts.hpp>
#include <cdk/codebuild/build_image.hpp>
#include <cdk/codebuild/build_spec.hpp>
#include <cdk/codebuild/cache.hpp>
#include <cdk/codebuild/compute_type.hpp>
#include <cdk/codebuild/environment_variable.hpp>
#include <cdk/codebuild/project.hpp>
#include <cdk/codebuild/report_group.hpp>
#include <cdk/codebuild/source.hpp>
