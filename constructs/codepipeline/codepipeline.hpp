#pragma once
/// Everything of cdk::codepipeline (the actions are in cdk/codepipeline_actions/).
#include <cdk/codepipeline/action.hpp>
#include <cdk/codepipeline/artifact.hpp>
#include <cdk/codepipeline/pipeline.hpp>
#include <cdk/codepipeline/stage.hpp>
