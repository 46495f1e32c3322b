// A CDK Pipelines app deploying a stack of another region, for the AWS CDK
// CLI to list with the pipeline's cross-region support stack.
#include <cdk/cdk.hpp>
#include <cdk/pipelines/pipelines.hpp>
#include <cdk/sqs/cfn_queue.hpp>

int main(int argc, char** argv) {
  cdk::App app(argc, argv);
  auto& delivery = app.add<cdk::Stack>("Delivery", cdk::StackProps{.env = {.account = "111111111111", .region = "eu-west-1"}});
  auto& us = app.add<cdk::Stack>("Us", cdk::StackProps{.env = {.account = "111111111111", .region = "us-east-1"}});
  us.add<cdk::sqs::CfnQueue>("Queue");
  auto& pipeline = delivery.add<cdk::pipelines::CodePipeline>("Pipeline", {
      .source = cdk::pipelines::CodePipelineSource::connection(
          "acme/infra", "main",
          {.connection_arn = "arn:aws:codestar-connections:eu-west-1:111111111111:connection/aaaabbbb-cccc-dddd-eeee-ffff00001111"}),
      .synth = cdk::pipelines::cmake_synth({.target = "infra"})});
  pipeline.add_stage("Us", {&us});
  return app.run();
}
