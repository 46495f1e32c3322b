#pragma once
/// Everything of cdk::codepipeline_actions: the actions a Pipeline's stages take.
#include <cdk/codepipeline_actions/cloudformation_actions.hpp>
#include <cdk/codepipeline_actions/codebuild_action.hpp>
#include <cdk/codepipeline_actions/codedeploy_ecs_deploy_action.hpp>
#include <cdk/codepipeline_actions/codedeploy_server_deploy_action.hpp>
#include <cdk/codepipeline_actions/codestar_connections_source_action.hpp>
#include <cdk/codepipeline_actions/connection.hpp>
#include <cdk/codepipeline_actions/ecr_source_action.hpp>
#include <cdk/codepipeline_actions/ecs_deploy_action.hpp>
#include <cdk/codepipeline_actions/manual_approval_action.hpp>
#include <cdk/codepipeline_actions/s3_source_action.hpp>
