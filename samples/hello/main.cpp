// hello: the smallest cdkpp program, written with the core API only.
//
//   build/bin/hello synth            # writes cdk.out/Hello.template.json
//   build/bin/hello -c stage=prod synth
//   build/bin/hello deploy           # through the CloudFormation API
#include <cdk/cdk.hpp>

int main(int argc, char** argv) {
  cdk::App app(argc, argv);
  const std::string stage = app.context_or("stage", "dev");

  auto& stack = app.add<cdk::Stack>("Hello", {
      .description = "cdkpp hello: a bucket, a topic and a queue that listens to it",
      .tags = {{"stage", stage}, {"app", "hello"}}});

  auto& visibility = stack.add<cdk::CfnParameter>("VisibilityTimeout", {
      .type = "Number", .default_value = 60, .description = "Seconds a received message stays hidden",
      .min_value = 0, .max_value = 43200});

  auto& retention = stack.add<cdk::CfnMapping>("Retention", {.mapping = {
      {"dev", {{"Seconds", 86400}}}, {"prod", {{"Seconds", 1209600}}}}});

  auto& bucket = stack.add<cdk::CfnResource>("Uploads", "AWS::S3::Bucket", cdk::Value::map({
      {"VersioningConfiguration", cdk::Value::map({{"Status", "Enabled"}})},
      {"BucketEncryption", cdk::Value::map({{"ServerSideEncryptionConfiguration", cdk::Value::list({
          cdk::Value::map({{"ServerSideEncryptionByDefault", cdk::Value::map({{"SSEAlgorithm", "AES256"}})}})})}})},
      {"PublicAccessBlockConfiguration", cdk::Value::map({
          {"BlockPublicAcls", true}, {"BlockPublicPolicy", true},
          {"IgnorePublicAcls", true}, {"RestrictPublicBuckets", true}})},
  }), cdk::TagFormat::Standard);
  bucket.apply_removal_policy(cdk::RemovalPolicy::Retain);

  auto& topic = stack.add<cdk::CfnResource>("Uploaded", "AWS::SNS::Topic", cdk::Value::map({
      {"DisplayName", "hello-" + stage + "-uploads"},
  }), cdk::TagFormat::Standard);

  auto& queue = stack.add<cdk::CfnResource>("Work", "AWS::SQS::Queue", cdk::Value::map({
      {"MessageRetentionPeriod", retention.find_in_map(stage == "prod" ? "prod" : "dev", "Seconds")},
      {"VisibilityTimeout", visibility.value()},
  }), cdk::TagFormat::Standard);

  stack.add<cdk::CfnResource>("WorkSubscription", "AWS::SNS::Subscription", cdk::Value::map({
      {"TopicArn", topic.ref()},
      {"Protocol", "sqs"},
      {"Endpoint", queue.get_att("Arn")},
  }));

  // The topic may deliver to the queue, and nothing else may.
  stack.add<cdk::CfnResource>("WorkPolicy", "AWS::SQS::QueuePolicy", cdk::Value::map({
      {"Queues", cdk::Value::list({queue.ref()})},
      {"PolicyDocument", cdk::Value::map({
          {"Version", "2012-10-17"},
          {"Statement", cdk::Value::list({cdk::Value::map({
              {"Effect", "Allow"},
              {"Principal", cdk::Value::map({{"Service", "sns.amazonaws.com"}})},
              {"Action", "sqs:SendMessage"},
              {"Resource", queue.get_att("Arn")},
              {"Condition", cdk::Value::map({{"ArnEquals", cdk::Value::map({{"aws:SourceArn", topic.ref()}})}})},
          })})},
      })},
  }));

  // Objects are encrypted at rest by default; this makes the bucket refuse plain HTTP too.
  stack.add<cdk::CfnResource>("UploadsPolicy", "AWS::S3::BucketPolicy", cdk::Value::map({
      {"Bucket", bucket.ref()},
      {"PolicyDocument", cdk::Value::map({
          {"Version", "2012-10-17"},
          {"Statement", cdk::Value::list({cdk::Value::map({
              {"Effect", "Deny"},
              {"Principal", cdk::Value::map({{"AWS", "*"}})},
              {"Action", "s3:*"},
              {"Resource", cdk::Value::list({bucket.get_att("Arn"), bucket.get_att("Arn") + "/*"})},
              {"Condition", cdk::Value::map({{"Bool", cdk::Value::map({{"aws:SecureTransport", "false"}})}})},
          })})},
      })},
  }));

  stack.add<cdk::CfnOutput>("BucketName", {.value = bucket.ref(), .description = "Upload bucket"});
  stack.add<cdk::CfnOutput>("QueueUrl", {.value = queue.ref()});

  return app.run();
}
