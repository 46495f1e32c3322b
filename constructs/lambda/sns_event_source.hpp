#pragma once
/// cdk::lambda::SnsEventSource: a topic whose messages invoke a Function, for
/// Function::add_event_source. The same as
/// `topic.add_subscription(cdk::sns::LambdaSubscription{.function = fn})`:
/// the subscription and the permission for SNS to invoke, under the function,
/// with the AWS CDK's construct ids.
///
///   notifier.add_event_source(cdk::lambda::SnsEventSource{.topic = alerts});
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

namespace cdk::sns {
class Topic;
}

namespace cdk::lambda {

struct SnsEventSource {
  Ptr<sns::Topic> topic{};  ///< a standard (not FIFO) topic; required
  Value filter_policy{};    ///< which messages, e.g. {"kind": ["alarm"]}; default all
};

}  // namespace cdk::lambda
