// An app with nested stacks for the AWS CDK CLI and cdk-assets to read: stack
// "Parent" (a bucket) with nested stack "Queues" (a queue named after the
// bucket) and "Queues/Deep" inside it, and a top-level stack "Other".
#include <cdk/cdk.hpp>

int main(int argc, char** argv) {
  cdk::App app(argc, argv);
  auto& parent = app.add<cdk::Stack>("Parent", {.env = {.account = "111111111111", .region = "eu-west-1"}});
  auto& bucket = parent.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  auto& queues = parent.add<cdk::NestedStack>("Queues");
  queues.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue", cdk::Value::map({{"QueueName", bucket.ref()}}));
  queues.add<cdk::NestedStack>("Deep").add<cdk::CfnResource>("Handle", "AWS::CloudFormation::WaitConditionHandle");
  app.add<cdk::Stack>("Other").add<cdk::CfnResource>("Handle", "AWS::CloudFormation::WaitConditionHandle");
  return app.run();
}
