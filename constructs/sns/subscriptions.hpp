#pragma once
/// What a topic can deliver to, for Topic::add_subscription (the AWS CDK's
/// aws-sns-subscriptions): an e-mail address, an SQS queue, a Lambda function
/// or an HTTPS endpoint.
///
///   topic.add_subscription(cdk::sns::EmailSubscription{.email_address = "ops@example.com"});
///   topic.add_subscription(cdk::sns::SqsSubscription{.queue = jobs, .raw_message_delivery = true});
///   topic.add_subscription(cdk::sns::LambdaSubscription{.function = notifier});   // a lambda::Function
///   topic.add_subscription(cdk::sns::LambdaSubscription{.function_arn = fn_arn, .function_id = "Notifier"});
///   topic.add_subscription(cdk::sns::UrlSubscription{.url = "https://hooks.example.com/sns"});
///
/// Each writes what the AWS CDK writes, under the same construct ids: the
/// queue policy statement that lets the topic send, the Lambda permission that
/// lets SNS invoke. Plain HTTP endpoints are refused: SNS would send every
/// message in clear text.
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <string>

namespace cdk::lambda {
class Function;
}
namespace cdk::sqs {
class Queue;
}

namespace cdk::sns {

struct EmailSubscription {
  std::string email_address{};  ///< the recipient (confirms by e-mail); required
  bool json = false;            ///< deliver the JSON envelope (protocol email-json); default false
  Value filter_policy{};        ///< which messages, e.g. {"kind": ["alarm"]}; default all
};

struct SqsSubscription {
  Ptr<sqs::Queue> queue{};            ///< required
  bool raw_message_delivery = false;  ///< the message as published, without the SNS envelope; default false
  Value filter_policy{};              ///< default all messages
};

/// A function of this app (`function`: the permission and subscription go
/// below it, as `topic.addSubscription(new LambdaSubscription(fn))` does), or
/// one by ARN (`function_arn` + `function_id`; the AWS CDK equivalent is
/// `topic.addSubscription(new LambdaSubscription(Function.fromFunctionArn(this, function_id, arn)))`).
struct LambdaSubscription {
  Ptr<lambda::Function> function{};  ///< a function of this app; required unless function_arn is set
  Value function_arn{};              ///< a function by ARN (with function_id); required unless function is set
  std::string function_id{};  ///< construct id (below the topic's stack) that holds the permission and subscription, as the imported function would; required with function_arn
  Value filter_policy{};      ///< default all messages
};

struct UrlSubscription {
  std::string url{};                  ///< an https:// endpoint; required
  bool raw_message_delivery = false;  ///< the message as published, without the SNS envelope; default false
  Value filter_policy{};              ///< default all messages
};

}  // namespace cdk::sns
