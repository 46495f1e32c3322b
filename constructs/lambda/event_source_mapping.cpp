#include <cdk/lambda/event_source_mapping.hpp>

#include <cdk/lambda/cfn_event_source_mapping.hpp>
#include <cdk/lambda/function.hpp>

#include <string>

namespace cdk::lambda {

namespace {

// Lambda's limits: https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html
void check_range(const std::string& path, const char* field, const std::optional<std::int64_t>& value,
                 std::int64_t low, std::int64_t high) {
  if (!value || (*value >= low && *value <= high)) return;
  throw Error(path, std::string(field) + " " + std::to_string(*value) + " is outside Lambda's range " +
                        std::to_string(low) + "-" + std::to_string(high),
              std::string("set .") + field + " within " + std::to_string(low) + "-" + std::to_string(high));
}

}  // namespace

EventSourceMapping::EventSourceMapping(Construct& scope, std::string_view id, const EventSourceMappingProps& props)
    : Construct(scope, id) {
  const auto path = node().path();
  if (!props.target) throw Error(path, "the event source mapping has no target function", "set .target = function");
  if (props.event_source_arn.is_null())
    throw Error(path, "the event source mapping has no event_source_arn", "set .event_source_arn, e.g. queue.queue_arn()");
  check_range(path, "batch_size", props.batch_size, 1, 10000);
  check_range(path, "max_batching_window_seconds", props.max_batching_window_seconds, 0, 300);
  check_range(path, "max_concurrency", props.max_concurrency, 2, 1000);

  CfnEventSourceMapping::Props l1;
  if (props.batch_size) l1.batch_size = *props.batch_size;
  if (!props.enabled) l1.enabled = false;
  l1.event_source_arn = props.event_source_arn;
  l1.function_name = props.target->function_name();
  if (props.report_batch_item_failures) l1.function_response_types = {"ReportBatchItemFailures"};
  if (props.max_batching_window_seconds) l1.maximum_batching_window_in_seconds = *props.max_batching_window_seconds;
  if (props.max_concurrency)
    l1.scaling_config = CfnEventSourceMapping::ScalingConfigProperty{.maximum_concurrency = *props.max_concurrency};
  resource_ = &add<CfnEventSourceMapping>("Resource", std::move(l1));
}

Value EventSourceMapping::event_source_mapping_id() const { return resource_->ref(); }
Value EventSourceMapping::event_source_mapping_arn() const { return resource_->attr_event_source_mapping_arn(); }

}  // namespace cdk::lambda
