#include <cdk/events/rule.hpp>

#include <cdk/annotations.hpp>
#include <cdk/ecs/task_definition.hpp>
#include <cdk/events/cfn_rule.hpp>
#include <cdk/events/detail/target_base.hpp>
#include <cdk/lambda/cfn_permission.hpp>
#include <cdk/lambda/function.hpp>
#include <cdk/names.hpp>
#include <cdk/sns/topic.hpp>
#include <cdk/sqs/queue.hpp>
#include <cdk/stack.hpp>

#include <algorithm>
#include <cctype>

namespace cdk::events {

namespace {

constexpr std::size_t max_rule_name = 64;
constexpr std::size_t max_description = 512;
constexpr const char* events_service = "events.amazonaws.com";

void check_name(const std::string& path, const std::string& name) {
  if (name.empty()) return;
  const bool chars_ok = std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '.' || c == '-' || c == '_';
  });
  if (name.size() > max_rule_name || !chars_ok)
    throw Error(path, "rule name \"" + name + "\" is not 1-64 letters, digits, '.', '-' and '_'",
                "use a shorter name without spaces, or leave it empty for a generated one");
}

void check_pattern_list(const std::string& path, const char* field, const std::vector<Value>& values) {
  for (const auto& v : values)
    if (v.is_null() || (v.kind() == Value::Kind::String && v.as_string().empty()))
      throw Error(path, std::string("event_pattern.") + field + " holds an empty value",
                  "list the values to match, e.g. .source = {\"aws.ec2\"}");
}

// EventBridge matches detail leaf by leaf: every leaf must be a list (of values or matchers).
void check_detail(const std::string& path, const Value& v, const std::string& where) {
  if (v.kind() != Value::Kind::Map || v.as_map().empty())
    throw Error(path, "event_pattern." + where + " must be a map of fields to lists",
                "e.g. .detail = cdk::Value::map({{\"state\", cdk::Value::list({\"running\"})}})");
  for (const auto& [key, item] : v.as_map()) {
    if (item.kind() == Value::Kind::Map) {
      check_detail(path, item, where + "." + key);
    } else if (item.kind() != Value::Kind::List || item.as_list().empty()) {
      throw Error(path, "event_pattern." + where + "." + key + " is " + item.to_string() + ", not a list of values",
                  "wrap it in a list: cdk::Value::list({...}); EventBridge matches any value of the list");
    }
  }
}

Value render_pattern(const std::string& path, const EventPattern& p) {
  Value::Map out;
  auto add = [&](const char* key, const char* field, const std::vector<Value>& values) {
    check_pattern_list(path, field, values);
    if (!values.empty()) out.emplace_back(key, Value(values));
  };
  add("source", "source", p.source);
  add("detail-type", "detail_type", p.detail_type);
  add("account", "account", p.account);
  add("region", "region", p.region);
  add("resources", "resources", p.resources);
  if (!p.detail.is_null()) {
    check_detail(path, p.detail, "detail");
    out.emplace_back("detail", p.detail);
  }
  return out.empty() ? Value() : Value(std::move(out));
}

// Records `p`; false when it was there already.
bool first_use(std::vector<const void*>& seen, const void* p) {
  if (std::find(seen.begin(), seen.end(), p) != seen.end()) return false;
  seen.push_back(p);
  return true;
}

bool is_default_bus(const Value& bus) {
  return bus.is_null() || (bus.kind() == Value::Kind::String && bus.as_string() == "default");
}

}  // namespace

Rule::Rule(Construct& scope, std::string_view id, const RuleProps& props) : Construct(scope, id) {
  const auto path = node().path();
  check_name(path, props.rule_name);
  if (props.description.size() > max_description)
    throw Error(path, "the description is longer than 512 characters", "use a shorter description");
  if (!props.schedule && props.event_pattern.empty())
    throw Error(path, "a rule needs a schedule or an event pattern",
                "set .schedule = cdk::events::Schedule::rate(...) or .event_pattern = {.source = {...}}");
  if (props.schedule && !is_default_bus(props.event_bus_name))
    throw Error(path, "a scheduled rule must be on the default event bus",
                "drop .event_bus_name, or match events with .event_pattern instead of a schedule");
  CfnRule::Props l1;
  if (!props.description.empty()) l1.description = props.description;
  if (!props.event_bus_name.is_null()) l1.event_bus_name = props.event_bus_name;
  l1.event_pattern = render_pattern(path, props.event_pattern);
  if (!props.rule_name.empty()) l1.name = props.rule_name;
  if (props.schedule) {
    l1.schedule_expression = props.schedule->expression_string(path);
    if (props.schedule->runs_every_minute())
      Annotations::of(*this).add_warning(
          "cron: without a minute the rule fires every minute; set .minute = \"*\" if that is meant, or \"0\" for once an hour");
  }
  l1.state = props.enabled ? "ENABLED" : "DISABLED";
  resource_ = &add<CfnRule>("Resource", std::move(l1));
}

Value Rule::rule_arn() const { return resource_->attr_arn(); }
Value Rule::rule_name() const { return resource_->ref(); }

std::string Rule::next_target_id() const {
  const auto count = resource_->props().targets.size();
  if (count >= max_targets)
    throw Error(node().path(), "a rule takes at most 5 targets", "make a second rule with the same schedule or pattern");
  return "Target" + std::to_string(count);
}

void Rule::grant_dead_letter_queue(sqs::Queue& queue) {
  if (!first_use(granted_dead_letter_queues_, &queue)) return;
  // The AWS CDK's statement id for the dead-letter queue of a rule.
  queue.add_to_resource_policy({.actions = {"sqs:SendMessage"}, .resources = {queue.queue_arn()},
                                .principals = Value::map({{"Service", events_service}}),
                                .conditions = Value::map({{"ArnEquals", Value::map({{"aws:SourceArn", rule_arn()}})}}),
                                .sid = "AllowEventRule" + Names::unique_id(*this)});
}

void Rule::add_target(const SqsQueueTarget& t) {
  const auto path = node().path();
  if (!t.queue) throw Error(path, "SqsQueueTarget has no queue", "set .queue = queue");
  auto& queue = *t.queue;
  if (queue.encryption() == sqs::QueueEncryption::KmsManaged)
    throw Error(queue.node().path(), "EventBridge cannot send to a queue encrypted with the AWS managed key alias/aws/sqs",
                "use QueueEncryption::SqsManaged, or a customer key whose policy lets events.amazonaws.com use it");
  if (queue.fifo() && t.message_group_id.empty())
    throw Error(path, "the FIFO queue " + queue.node().path() + " needs a message_group_id", "set .message_group_id");
  if (!queue.fifo() && !t.message_group_id.empty())
    throw Error(path, "message_group_id applies to FIFO queues only, and " + queue.node().path() + " is standard",
                "drop .message_group_id");
  auto target = detail::target_base(node().path(), t, next_target_id(), queue.queue_arn(), t.message);
  if (!t.message_group_id.empty())
    target.sqs_parameters = CfnRule::SqsParametersProperty{.message_group_id = t.message_group_id};
  if (first_use(granted_targets_, &queue)) {
    // As the AWS CDK (with its restrictToSameAccount flag): the rule's ARN, or the
    // account for a queue with a customer key.
    const bool kms = queue.encryption() == sqs::QueueEncryption::Kms;
    auto condition = kms ? Value::map({{"StringEquals", Value::map({{"aws:SourceAccount", Stack::of(*this).account()}})}})
                         : Value::map({{"ArnEquals", Value::map({{"aws:SourceArn", rule_arn()}})}});
    queue.add_to_resource_policy({.actions = {"sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"},
                                  .resources = {queue.queue_arn()},
                                  .principals = Value::map({{"Service", events_service}}), .conditions = condition});
    if (kms)
      Annotations::of(queue).add_warning(
          "the queue's KMS key policy must let events.amazonaws.com use kms:Decrypt and kms:GenerateDataKey for " +
          node().path() + " to deliver; cdkpp cannot change the policy of a key given by ARN");
  }
  if (t.dead_letter_queue) grant_dead_letter_queue(*t.dead_letter_queue);
  resource_->props().targets.push_back(std::move(target));
}

void Rule::add_target(const SnsTopicTarget& t) {
  if (!t.topic) throw Error(node().path(), "SnsTopicTarget has no topic", "set .topic = topic");
  auto& topic = *t.topic;
  auto target = detail::target_base(node().path(), t, next_target_id(), topic.topic_arn(), t.message);
  if (first_use(granted_targets_, &topic)) {
    topic.add_to_resource_policy({.actions = {"sns:Publish"}, .resources = {topic.topic_arn()},
                                  .principals = Value::map({{"Service", events_service}})});
  }
  if (t.dead_letter_queue) grant_dead_letter_queue(*t.dead_letter_queue);
  resource_->props().targets.push_back(std::move(target));
}

void Rule::add_target(const LambdaFunctionTarget& t) {
  if (!t.function) throw Error(node().path(), "LambdaFunctionTarget has no function", "set .function = function");
  auto& function = *t.function;
  auto target = detail::target_base(node().path(), t, next_target_id(), function.function_arn(), t.message);
  const auto permission_id = "AllowEventRule" + Names::unique_id(function);
  if (node().try_find_child(permission_id) == nullptr) {
    lambda::CfnPermission::Props permission;
    permission.action = "lambda:InvokeFunction";
    permission.function_name = function.function_arn();
    permission.principal = events_service;
    permission.source_arn = rule_arn();
    add<lambda::CfnPermission>(permission_id, std::move(permission));
  }
  if (t.dead_letter_queue) grant_dead_letter_queue(*t.dead_letter_queue);
  resource_->props().targets.push_back(std::move(target));
}

std::vector<Diagnostic> Rule::validate() const {
  std::vector<Diagnostic> out;
  for (const auto& use : ecs_tasks_) {
    auto* task = use.task_definition;
    if (!use.passes_execution_role && task->execution_role() != nullptr)
      out.push_back({.path = node().path(),
                     .message = "the task definition " + task->node().path() +
                                " got an execution role after this rule's ECS target was added, so EventBridge may not pass it",
                     .hint = "add the target after the task definition's containers"});
  }
  return out;
}

}  // namespace cdk::events
