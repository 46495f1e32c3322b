#pragma once
/// Everything of cdk::pipelines.
#include <cdk/pipelines/code_pipeline.hpp>
#include <cdk/pipelines/code_pipeline_source.hpp>
#include <cdk/pipelines/step.hpp>
#include <cdk/pipelines/wave.hpp>
