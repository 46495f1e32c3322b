#pragma once
// What every target of a Rule takes (dead-letter queue, retry policy, input),
// checked and rendered the one way for all of them, before anything is changed.
#include <cdk/error.hpp>
#include <cdk/events/cfn_rule.hpp>
#include <cdk/events/detail/json_text.hpp>
#include <cdk/sqs/queue.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace cdk::events::detail {

inline constexpr std::size_t max_input_length = 8192;  // EventBridge's limit on a target's Input

inline void check_range(const std::string& path, const char* field, const std::optional<std::int64_t>& v,
                        std::int64_t low, std::int64_t high) {
  if (v && (*v < low || *v > high))
    throw Error(path, std::string(field) + " " + std::to_string(*v) + " is outside EventBridge's range " +
                          std::to_string(low) + "-" + std::to_string(high),
                std::string("set .") + field + " within range, or leave it unset for EventBridge's default");
}

// EventBridge's dead-letter queues: standard queues it can write to.
inline void check_dead_letter_queue(const std::string& path, const sqs::Queue& queue) {
  if (queue.fifo())
    throw Error(path, "the dead-letter queue " + queue.node().path() + " is FIFO; EventBridge takes standard ones only",
                "use a standard queue as the dead-letter queue");
  if (queue.encryption() == sqs::QueueEncryption::KmsManaged)
    throw Error(queue.node().path(), "EventBridge cannot send to a queue encrypted with the AWS managed key alias/aws/sqs",
                "use QueueEncryption::SqsManaged for the dead-letter queue");
}

template <class Target>
CfnRule::TargetProperty target_base(const std::string& path, const Target& t, std::string id, Value arn,
                                    const Value& input) {
  check_range(path, "retry_attempts", t.retry_attempts, 0, 185);
  check_range(path, "max_event_age_seconds", t.max_event_age_seconds, 60, 86400);
  CfnRule::TargetProperty out;
  out.arn = std::move(arn);
  out.id = std::move(id);
  if (t.dead_letter_queue) check_dead_letter_queue(path, *t.dead_letter_queue);
  if (t.dead_letter_queue)
    out.dead_letter_config = CfnRule::DeadLetterConfigProperty{.arn = t.dead_letter_queue->queue_arn()};
  if (t.retry_attempts || t.max_event_age_seconds) {
    CfnRule::RetryPolicyProperty retry;
    if (t.max_event_age_seconds) retry.maximum_event_age_in_seconds = *t.max_event_age_seconds;
    if (t.retry_attempts) retry.maximum_retry_attempts = *t.retry_attempts;
    out.retry_policy = std::move(retry);
  }
  if (!input.is_null()) {
    auto text = json_text(input);
    if (auto n = literal_length(text); n && *n > max_input_length)
      throw Error(path, "the target's input is " + std::to_string(*n) + " characters; EventBridge takes at most 8192",
                  "send a smaller message, e.g. a key the target looks up");
    out.input = std::move(text);
  }
  return out;
}

}  // namespace cdk::events::detail
