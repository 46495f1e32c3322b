#include <cdk/sqs/queue.hpp>

#include <cdk/iam/grant.hpp>
#include <cdk/iam/kms_actions.hpp>
#include <cdk/sqs/cfn_queue.hpp>
#include <cdk/sqs/cfn_queue_policy.hpp>

#include <cctype>
#include <string>

namespace cdk::sqs {

namespace {

constexpr std::string_view fifo_suffix = ".fifo";

bool ends_with_fifo(const std::string& name) { return name.ends_with(fifo_suffix); }

std::string with_commas(std::int64_t n) {
  auto digits = std::to_string(n);
  for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > (n < 0 ? 1 : 0); i -= 3)
    digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

// SQS's limits: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-queues.html
void check_range(const std::string& path, const char* field, const std::optional<std::int64_t>& value,
                 std::int64_t low, std::int64_t high, const char* unit) {
  if (!value || (*value >= low && *value <= high)) return;
  throw Error(path, std::string(field) + " " + with_commas(*value) + " " + unit + " is outside SQS's range " +
                        with_commas(low) + "-" + with_commas(high),
              std::string("set .") + field + " within " + with_commas(low) + "-" + with_commas(high) +
                  ", or leave it unset for SQS's default");
}

void check_name(const std::string& path, const std::string& name, bool fifo) {
  if (name.empty()) return;
  if (name.size() > 80)
    throw Error(path, "queue name \"" + name + "\" is longer than 80 characters", "use a shorter name");
  const auto stem = fifo && ends_with_fifo(name) ? name.substr(0, name.size() - fifo_suffix.size()) : name;
  for (char c : stem)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'))
      throw Error(path, "queue name \"" + name + "\" may hold only letters, digits, '-' and '_'",
                  fifo ? "end a FIFO queue's name with \".fifo\" and use no other '.'" : "remove the other characters");
  if (fifo && !ends_with_fifo(name))
    throw Error(path, "FIFO queue name \"" + name + "\" does not end in \".fifo\"",
                "name it \"" + name + ".fifo\" (SQS requires the suffix on FIFO queues)");
}

void check_encryption(const std::string& path, const QueueProps& p) {
  const bool kms = p.encryption == QueueEncryption::Kms;
  if (kms && p.encryption_key_arn.is_null())
    throw Error(path, "QueueEncryption::Kms needs encryption_key_arn",
                "pass the key's ARN, or use QueueEncryption::KmsManaged for the aws/sqs key");
  if (!kms && !p.encryption_key_arn.is_null())
    throw Error(path, "encryption_key_arn is set but encryption is not QueueEncryption::Kms",
                "set .encryption = cdk::sqs::QueueEncryption::Kms");
  const bool uses_kms = kms || p.encryption == QueueEncryption::KmsManaged;
  if (p.data_key_reuse_seconds && !uses_kms)
    throw Error(path, "data_key_reuse_seconds applies to SSE-KMS only",
                "use QueueEncryption::Kms or KmsManaged, or drop data_key_reuse_seconds");
  check_range(path, "data_key_reuse_seconds", p.data_key_reuse_seconds, 60, 86400, "s");
}

void check_dead_letter_queue(const std::string& path, const Queue& self, const DeadLetterQueue& dlq) {
  if (!dlq.queue)
    throw Error(path, "dead_letter_queue has no queue", "set .dead_letter_queue = {.queue = dlq, .max_receive_count = 5}");
  if (dlq.queue.get() == &self)
    throw Error(path, "the queue is its own dead-letter queue", "make a second queue for failed messages");
  if (dlq.max_receive_count < 1 || dlq.max_receive_count > 1000)
    throw Error(path, "dead-letter max_receive_count " + std::to_string(dlq.max_receive_count) +
                          " is outside SQS's range 1-1000",
                "set .max_receive_count, e.g. 5 receives before a message moves to " + dlq.queue->node().path());
  if (dlq.queue->fifo() != self.fifo())
    throw Error(path, std::string("a ") + (self.fifo() ? "FIFO" : "standard") + " queue needs a " +
                          (self.fifo() ? "FIFO" : "standard") + " dead-letter queue, and " +
                          dlq.queue->node().path() + " is not one",
                "make the dead-letter queue the same type as the queue");
}

const std::vector<std::string> send_actions = {"sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"};
const std::vector<std::string> consume_actions = {"sqs:ReceiveMessage", "sqs:ChangeMessageVisibility",
                                                  "sqs:GetQueueUrl", "sqs:DeleteMessage", "sqs:GetQueueAttributes"};
const std::vector<std::string> purge_actions = {"sqs:PurgeQueue", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"};
const std::vector<std::string> kms_decrypt = {"kms:Decrypt"};

void set_encryption(CfnQueue::Props& l1, const QueueProps& p) {
  switch (p.encryption) {
    case QueueEncryption::SqsManaged: l1.sqs_managed_sse_enabled = true; break;
    case QueueEncryption::Unencrypted: l1.sqs_managed_sse_enabled = false; break;
    case QueueEncryption::KmsManaged: l1.kms_master_key_id = "alias/aws/sqs"; break;
    case QueueEncryption::Kms: l1.kms_master_key_id = p.encryption_key_arn; break;
  }
  if (p.data_key_reuse_seconds) l1.kms_data_key_reuse_period_seconds = *p.data_key_reuse_seconds;
}

}  // namespace

Queue::Queue(Construct& scope, std::string_view id, const QueueProps& props) : Construct(scope, id), props_(std::move(props)) {
  const auto path = node().path();
  fifo_ = props_.fifo || ends_with_fifo(props_.queue_name) || props_.content_based_deduplication;
  check_name(path, props_.queue_name, fifo_);
  check_range(path, "visibility_timeout_seconds", props_.visibility_timeout_seconds, 0, 43200, "s");
  check_range(path, "retention_period_seconds", props_.retention_period_seconds, 60, 1209600, "s");
  check_range(path, "delivery_delay_seconds", props_.delivery_delay_seconds, 0, 900, "s");
  check_range(path, "receive_message_wait_time_seconds", props_.receive_message_wait_time_seconds, 0, 20, "s");
  check_range(path, "max_message_size_bytes", props_.max_message_size_bytes, 1024, 1048576, "bytes");
  check_encryption(path, props_);
  if (props_.dead_letter_queue) check_dead_letter_queue(path, *this, *props_.dead_letter_queue);

  CfnQueue::Props l1;
  if (!props_.queue_name.empty()) l1.queue_name = props_.queue_name;
  if (fifo_) l1.fifo_queue = true;  // CloudFormation accepts true or nothing
  if (props_.content_based_deduplication) l1.content_based_deduplication = true;
  set_encryption(l1, props_);
  if (const auto& dlq = props_.dead_letter_queue)
    l1.redrive_policy = Value::map({{"deadLetterTargetArn", dlq->queue->queue_arn()},
                                    {"maxReceiveCount", dlq->max_receive_count}});
  if (props_.delivery_delay_seconds) l1.delay_seconds = *props_.delivery_delay_seconds;
  if (props_.max_message_size_bytes) l1.maximum_message_size = *props_.max_message_size_bytes;
  if (props_.retention_period_seconds) l1.message_retention_period = *props_.retention_period_seconds;
  if (props_.receive_message_wait_time_seconds)
    l1.receive_message_wait_time_seconds = *props_.receive_message_wait_time_seconds;
  if (props_.visibility_timeout_seconds) l1.visibility_timeout = *props_.visibility_timeout_seconds;
  resource_ = &add<CfnQueue>("Resource", std::move(l1));
  resource_->apply_removal_policy(props_.removal_policy);

  if (props_.enforce_ssl)
    add_to_resource_policy({.effect = iam::Effect::Deny, .actions = {"sqs:*"}, .resources = {queue_arn()},
                            .principals = Value::map({{"AWS", "*"}}),
                            .conditions = Value::map({{"Bool", Value::map({{"aws:SecureTransport", "false"}})}})});
}

Value Queue::queue_url() const { return resource_->ref(); }
Value Queue::queue_arn() const { return resource_->attr_arn(); }
Value Queue::queue_name() const { return resource_->attr_queue_name(); }

void Queue::grant(iam::IGrantable& grantee, std::vector<std::string> actions, std::vector<std::string> kms_actions) const {
  iam::Grant::add_to_principal({.grantee = grantee, .actions = std::move(actions), .resource_arns = {queue_arn()}});
  // The AWS managed key (KmsManaged) needs no grant: its key policy lets SQS users in.
  if (props_.encryption == QueueEncryption::Kms)
    iam::Grant::add_to_principal({.grantee = grantee, .actions = std::move(kms_actions),
                                  .resource_arns = {props_.encryption_key_arn}});
}

void Queue::grant_send_messages(iam::IGrantable& grantee) const { grant(grantee, send_actions, iam::kms_actions::envelope()); }
void Queue::grant_consume_messages(iam::IGrantable& grantee) const { grant(grantee, consume_actions, kms_decrypt); }
void Queue::grant_purge(iam::IGrantable& grantee) const {
  iam::Grant::add_to_principal({.grantee = grantee, .actions = purge_actions, .resource_arns = {queue_arn()}});
}

cloudwatch::Metric Queue::metric(std::string name) const {
  return {.namespace_ = "AWS/SQS", .metric_name = std::move(name), .dimensions = {{"QueueName", queue_name()}},
          .statistic = "Maximum"};
}
cloudwatch::Metric Queue::metric_approximate_number_of_messages_visible() const {
  return metric("ApproximateNumberOfMessagesVisible");
}
cloudwatch::Metric Queue::metric_approximate_age_of_oldest_message() const {
  return metric("ApproximateAgeOfOldestMessage");
}

void Queue::add_to_resource_policy(const iam::PolicyStatement& statement) {
  if (statement.principals.is_null())
    throw Error(node().path(), "a queue policy statement needs a principal",
                "set .principals, e.g. cdk::Value::map({{\"Service\", \"sns.amazonaws.com\"}})");
  if (statement.actions.empty() || statement.resources.empty())
    throw Error(node().path(), "a queue policy statement needs actions and resources", "use queue_arn() as the resource");
  if (policy_ == nullptr) {
    // Same construct ids as the AWS CDK (Queue/Policy/Resource), so logical ids match.
    policy_scope_ = &add<Construct>("Policy");
    CfnQueuePolicy::Props l1;
    l1.queues = {queue_url()};
    policy_ = &policy_scope_->add<CfnQueuePolicy>("Resource", std::move(l1));
  }
  policy_statements_.push_back(statement);
  policy_->props().policy_document = iam::policy_document(policy_statements_);
}

}  // namespace cdk::sqs
