// hello: the smallest cdkpp program. A bucket from an L2 construct (private,
// encrypted, HTTPS-only by default) and a topic that feeds a queue, from typed
// L1 classes (one per CloudFormation type, every property checked at compile
// time).
//
//   build/bin/hello synth            # writes cdk.out/Hello.template.json
//   build/bin/hello -c stage=prod synth
//   build/bin/hello deploy           # through the CloudFormation API
#include <cdk/cdk.hpp>
#include <cdk/iam/policy_statement.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/sns/cfn_subscription.hpp>
#include <cdk/sns/cfn_topic.hpp>
#include <cdk/sns/cfn_topic_policy.hpp>
#include <cdk/sqs/cfn_queue.hpp>
#include <cdk/sqs/cfn_queue_policy.hpp>

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

  // Kept when the stack is deleted (the L2's default), versioned on request.
  auto& bucket = stack.add<cdk::s3::Bucket>("Uploads", {.versioned = true});

  auto& topic = stack.add<cdk::sns::CfnTopic>("Uploaded", {.display_name = "hello-" + stage + "-uploads"});

  auto& queue = stack.add<cdk::sqs::CfnQueue>("Work", {
      .message_retention_period = retention.find_in_map(stage == "prod" ? "prod" : "dev", "Seconds"),
      .visibility_timeout = visibility.value()});

  stack.add<cdk::sns::CfnSubscription>("WorkSubscription", {
      .endpoint = queue.attr_arn(), .protocol = "sqs", .topic_arn = topic.ref()});

  // Nobody may use the topic or the queue without TLS (the sns and sqs L2s
  // write this by default).
  const auto tls_only = [](std::string actions, cdk::Value resource) {
    return cdk::iam::PolicyStatement{
        .effect = cdk::iam::Effect::Deny, .actions = {std::move(actions)}, .resources = {std::move(resource)},
        .principals = cdk::Value::map({{"AWS", "*"}}),
        .conditions = cdk::Value::map({{"Bool", cdk::Value::map({{"aws:SecureTransport", "false"}})}})};
  };
  stack.add<cdk::sns::CfnTopicPolicy>("UploadedPolicy", {
      .policy_document = cdk::iam::policy_document({tls_only("sns:Publish", topic.ref())}),
      .topics = {topic.ref()}});

  // The topic may deliver to the queue, and nothing else may.
  stack.add<cdk::sqs::CfnQueuePolicy>("WorkPolicy", {
      .policy_document = cdk::iam::policy_document({
          {.actions = {"sqs:SendMessage"},
           .resources = {queue.attr_arn()},
           .principals = cdk::Value::map({{"Service", "sns.amazonaws.com"}}),
           .conditions = cdk::Value::map({{"ArnEquals", cdk::Value::map({{"aws:SourceArn", topic.ref()}})}})},
          tls_only("sqs:*", queue.attr_arn())}),
      .queues = {queue.ref()}});

  // Accepted findings of the security rules carry their reason, in the
  // template too (where cdk-nag and the other tools read them).
  cdk::security::suppress(bucket, "S3-NO-ACCESS-LOGS",
                          "a sample's uploads: nobody audits them (give it server_access_logs_bucket where that matters)");
  cdk::security::suppress(queue, "SQS-NO-DLQ",
                          "a sample's queue: a message that keeps failing may expire (add a dead-letter queue to keep it)");

  stack.add<cdk::CfnOutput>("BucketName", {.value = bucket.bucket_name(), .description = "Upload bucket"});
  stack.add<cdk::CfnOutput>("QueueUrl", {.value = queue.ref()});

  return app.run();
}
