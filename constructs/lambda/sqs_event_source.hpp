#pragma once
/// cdk::lambda::SqsEventSource: a queue whose messages invoke a Function, for
/// Function::add_event_source (the AWS CDK's aws-lambda-event-sources.SqsEventSource).
///
///   worker.add_event_source(cdk::lambda::SqsEventSource{.queue = jobs, .batch_size = 5,
///                                                        .report_batch_item_failures = true});
///
/// Writes the event source mapping (`<Function>/SqsEventSource:<queue unique id>`)
/// and grants the function's role the queue's consume actions, as the AWS CDK
/// does. Checked as Lambda checks them at deploy time: batch size 1-10 (up to
/// 10000 with a batching window, standard queues only), batching window 0-300 s,
/// maximum concurrency 2-1000, and a queue visibility timeout no shorter than
/// the function's timeout.
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>

#include <cstdint>

namespace cdk::sqs {
class Queue;
}

namespace cdk::lambda {

struct SqsEventSource {
  Ptr<sqs::Queue> queue{};                                   ///< required
  Optional<std::int64_t> batch_size{};                       ///< 1-10, or 1-10000 with a batching window; default not set (Lambda: 10)
  Optional<std::int64_t> max_batching_window_seconds{};       ///< 0-300, standard queues only; default not set (Lambda: 0)
  Optional<std::int64_t> max_concurrency{};                  ///< concurrent invocations, 2-1000; default not set (no limit)
  bool report_batch_item_failures = false;  ///< the function returns the failed messages only; default false
  bool enabled = true;                      ///< default true
};

}  // namespace cdk::lambda
