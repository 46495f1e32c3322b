#pragma once
/// cdk::lambda::EventSourceMapping: Lambda polling a source (an SQS queue) and
/// invoking a function with batches of records. Usually made by
/// Function::add_event_source; make one directly for a source it has no helper
/// for (then grant the function's role read access to the source yourself).
///
///   stack.add<cdk::lambda::EventSourceMapping>("Poll", {.target = fn, .event_source_arn = queue_arn});
///
/// Its L1 is the child "Resource", as in the AWS CDK.
#include <cdk/construct.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <cstdint>

namespace cdk::lambda {

class CfnEventSourceMapping;
class Function;

struct EventSourceMappingProps {
  Ptr<Function> target{};                                    ///< the function invoked; required
  Value event_source_arn{};                                  ///< the queue (or stream) polled; required
  Optional<std::int64_t> batch_size{};                       ///< 1-10000; default not set (Lambda: by source)
  Optional<std::int64_t> max_batching_window_seconds{};       ///< 0-300; default not set (Lambda: 0)
  Optional<std::int64_t> max_concurrency{};                  ///< SQS only, 2-1000; default not set (no limit)
  bool report_batch_item_failures = false;                   ///< default false
  bool enabled = true;                                       ///< default true
};

class EventSourceMapping : public Construct {
 public:
  using Props = EventSourceMappingProps;
  EventSourceMapping(Construct& scope, std::string_view id, const EventSourceMappingProps& props);

  /// {"Ref": mapping}: its id (a UUID).
  [[nodiscard]] Value event_source_mapping_id() const;
  /// Fn::GetAtt EventSourceMappingArn.
  [[nodiscard]] Value event_source_mapping_arn() const;
  [[nodiscard]] CfnEventSourceMapping& cfn_event_source_mapping() noexcept { return *resource_; }

 private:
  CfnEventSourceMapping* resource_ = nullptr;
};

}  // namespace cdk::lambda
