#pragma once
/// cdk::sns::Subscription: one subscription of an endpoint to a topic. Usually
/// made by Topic::add_subscription, which picks the construct ids the AWS CDK
/// uses; make one directly for an endpoint kind it has no helper for.
///
///   scope.add<cdk::sns::Subscription>("Sms", {.topic = topic,
///       .protocol = cdk::sns::SubscriptionProtocol::Sms, .endpoint = "+15555550100"});
#include <cdk/construct.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <cstdint>

namespace cdk::sns {

class CfnSubscription;
class Topic;

enum class SubscriptionProtocol : std::uint8_t { Email, EmailJson, Sqs, Lambda, Https, Sms };

struct SubscriptionProps {
  Ptr<Topic> topic{};                                         ///< required
  SubscriptionProtocol protocol = SubscriptionProtocol::Email;  ///< default email
  Value endpoint{};                                           ///< address, ARN or URL; required
  bool raw_message_delivery = false;                          ///< SQS and HTTPS only; default false
  Value filter_policy{};                                      ///< default all messages
};

class Subscription : public Construct {
 public:
  using Props = SubscriptionProps;
  Subscription(Construct& scope, std::string_view id, const SubscriptionProps& props);

  /// {"Ref": subscription}: its ARN.
  [[nodiscard]] Value subscription_arn() const;
  [[nodiscard]] SubscriptionProtocol protocol() const noexcept { return protocol_; }
  [[nodiscard]] const Value& endpoint() const noexcept { return endpoint_; }
  [[nodiscard]] Topic& topic() const noexcept { return *topic_; }
  [[nodiscard]] CfnSubscription& cfn_subscription() noexcept { return *resource_; }

 private:
  Topic* topic_ = nullptr;
  SubscriptionProtocol protocol_;
  Value endpoint_;
  CfnSubscription* resource_ = nullptr;
};

/// "email", "sqs", "lambda", ...: the protocol as SNS names it.
const char* protocol_name(SubscriptionProtocol protocol);

}  // namespace cdk::sns
