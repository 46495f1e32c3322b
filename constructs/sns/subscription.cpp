#include <cdk/sns/subscription.hpp>

#include <cdk/sns/cfn_subscription.hpp>
#include <cdk/sns/topic.hpp>

namespace cdk::sns {

const char* protocol_name(SubscriptionProtocol protocol) {
  switch (protocol) {
    case SubscriptionProtocol::Email: return "email";
    case SubscriptionProtocol::EmailJson: return "email-json";
    case SubscriptionProtocol::Sqs: return "sqs";
    case SubscriptionProtocol::Lambda: return "lambda";
    case SubscriptionProtocol::Https: return "https";
    case SubscriptionProtocol::Sms: return "sms";
  }
  return "email";
}

Subscription::Subscription(Construct& scope, std::string_view id, const SubscriptionProps& props)
    : Construct(scope, id), topic_(props.topic.get()), protocol_(props.protocol), endpoint_(std::move(props.endpoint)) {
  const auto path = node().path();
  if (topic_ == nullptr) throw Error(path, "the subscription has no topic", "set .topic = topic");
  if (endpoint_.is_null()) throw Error(path, "the subscription has no endpoint", "set .endpoint (an address, ARN or URL)");
  // SNS keeps the envelope for e-mail, SMS and Lambda; it rejects the attribute there.
  const bool raw_allowed = protocol_ == SubscriptionProtocol::Sqs || protocol_ == SubscriptionProtocol::Https;
  if (props.raw_message_delivery && !raw_allowed)
    throw Error(path, std::string("raw message delivery is not available for protocol ") + protocol_name(protocol_),
                "use it with SQS or HTTPS subscriptions only");
  CfnSubscription::Props l1;
  l1.protocol = protocol_name(protocol_);
  l1.topic_arn = topic_->topic_arn();
  l1.endpoint = endpoint_;
  if (props.raw_message_delivery) l1.raw_message_delivery = true;
  if (!props.filter_policy.is_null()) l1.filter_policy = std::move(props.filter_policy);
  resource_ = &add<CfnSubscription>("Resource", std::move(l1));
}

Value Subscription::subscription_arn() const { return resource_->ref(); }

}  // namespace cdk::sns
