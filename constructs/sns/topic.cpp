#include <cdk/sns/topic.hpp>

#include <cdk/annotations.hpp>
#include <cdk/iam/grant.hpp>
#include <cdk/iam/kms_actions.hpp>
#include <cdk/lambda/cfn_permission.hpp>
#include <cdk/lambda/function.hpp>
#include <cdk/names.hpp>
#include <cdk/sns/cfn_topic.hpp>
#include <cdk/sns/cfn_topic_policy.hpp>
#include <cdk/sns/subscription.hpp>
#include <cdk/sqs/queue.hpp>
#include <cdk/stack.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <typeinfo>

namespace cdk::sns {

namespace {

constexpr std::string_view fifo_suffix = ".fifo";

// SNS topic names: https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html
std::string checked_topic_name(const std::string& path, const TopicProps& p) {
  if (p.topic_name.empty()) {
    if (p.fifo)
      throw Error(path, "a FIFO topic needs a topic_name", "set .topic_name, e.g. \"orders.fifo\"");
    return {};
  }
  const bool has_suffix = p.topic_name.ends_with(fifo_suffix);
  if (has_suffix && !p.fifo)
    throw Error(path, "topic name \"" + p.topic_name + "\" ends in \".fifo\" but the topic is not FIFO",
                "set .fifo = true, or drop the suffix");
  const auto name = p.fifo && !has_suffix ? p.topic_name + std::string(fifo_suffix) : p.topic_name;
  if (name.size() > 256)
    throw Error(path, "topic name \"" + name + "\" is longer than 256 characters", "use a shorter name");
  const auto stem = p.fifo ? name.substr(0, name.size() - fifo_suffix.size()) : name;
  for (char c : stem)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'))
      throw Error(path, "topic name \"" + name + "\" may hold only letters, digits, '-' and '_'",
                  "remove the other characters");
  return name;
}

void check_not_fifo(const Topic& topic, const char* kind) {
  if (topic.fifo())
    throw Error(topic.node().path(), std::string("a FIFO topic cannot deliver to ") + kind,
                "subscribe an SQS queue, or use a standard topic");
}

}  // namespace

Topic::Topic(Construct& scope, std::string_view id, const TopicProps& props) : Construct(scope, id), props_(std::move(props)) {
  const auto path = node().path();
  const auto name = checked_topic_name(path, props_);
  if (props_.content_based_deduplication && !props_.fifo)
    throw Error(path, "content_based_deduplication needs a FIFO topic", "set .fifo = true (and a topic_name)");
  if (props_.display_name.size() > 100)
    throw Error(path, "display_name is longer than 100 characters", "use a shorter display name");

  CfnTopic::Props l1;
  if (!name.empty()) l1.topic_name = name;
  if (!props_.display_name.empty()) l1.display_name = props_.display_name;
  if (props_.fifo) l1.fifo_topic = true;
  if (props_.content_based_deduplication) l1.content_based_deduplication = true;
  if (!props_.master_key_arn.is_null()) l1.kms_master_key_id = props_.master_key_arn;
  resource_ = &add<CfnTopic>("Resource", std::move(l1));

  if (props_.enforce_ssl)
    add_to_resource_policy({.effect = iam::Effect::Deny, .actions = {"sns:Publish"}, .resources = {topic_arn()},
                            .principals = Value("*"),
                            .conditions = Value::map({{"Bool", Value::map({{"aws:SecureTransport", "false"}})}}),
                            .sid = "AllowPublishThroughSSLOnly"});
}

Value Topic::topic_arn() const { return resource_->ref(); }
Value Topic::topic_name() const { return resource_->attr_topic_name(); }

void Topic::grant_publish(iam::IGrantable& grantee) const {
  iam::Grant::add_to_principal({.grantee = grantee, .actions = {"sns:Publish"}, .resource_arns = {topic_arn()}});
  if (!props_.master_key_arn.is_null())
    iam::Grant::add_to_principal({.grantee = grantee, .actions = iam::kms_actions::envelope(),
                                  .resource_arns = {props_.master_key_arn}});
}

void Topic::check_unsubscribed(const Construct& scope, const std::string& id, const char* what) const {
  if (scope.node().try_find_child(id) != nullptr)
    throw Error(node().path(), std::string("this topic already has a subscription for ") + what + " \"" + id + "\"",
                "subscribe each endpoint once (the construct " + scope.node().path() + "/" + id + " exists)");
}

Subscription& Topic::remember(Subscription& made) {
  subscriptions_.push_back(&made);
  return made;
}

Subscription& Topic::add_subscription(const EmailSubscription& s) {
  const auto& address = s.email_address;
  const auto at = address.find('@');
  const bool bad = at == std::string::npos || at == 0 || at + 1 == address.size() ||
                   address.find_first_of(" \t\r\n/") != std::string::npos;
  if (bad)
    throw Error(node().path(), "\"" + address + "\" is not an e-mail address", "e.g. \"ops@example.com\"");
  check_not_fifo(*this, "e-mail");
  // The AWS CDK's subscriber id is the address itself, below the topic.
  check_unsubscribed(*this, address, "e-mail address");
  auto& made = add<Subscription>(address, {.topic = *this,
      .protocol = s.json ? SubscriptionProtocol::EmailJson : SubscriptionProtocol::Email,
      .endpoint = address, .filter_policy = s.filter_policy});
  return remember(made);
}

Subscription& Topic::add_subscription(const SqsSubscription& s) {
  if (!s.queue) throw Error(node().path(), "SqsSubscription has no queue", "set .queue = queue");
  auto& queue = *s.queue;
  if (queue.encryption() == sqs::QueueEncryption::KmsManaged)
    throw Error(queue.node().path(), "SNS cannot send to a queue encrypted with the AWS managed key alias/aws/sqs",
                "use QueueEncryption::SqsManaged, or a customer key whose policy lets sns.amazonaws.com use it");
  if (queue.fifo() && !fifo())
    throw Error(node().path(), "a standard topic cannot deliver to the FIFO queue " + queue.node().path(),
                "make the topic FIFO too (.fifo = true)");
  // Under the queue, named after the topic, as the AWS CDK does (the subscription
  // lands in the queue's stack).
  const auto id = Names::unique_id(*this);
  check_unsubscribed(queue, id, "queue");
  queue.add_to_resource_policy({.actions = {"sqs:SendMessage"}, .resources = {queue.queue_arn()},
                                .principals = Value::map({{"Service", "sns.amazonaws.com"}}),
                                .conditions = Value::map({{"ArnEquals", Value::map({{"aws:SourceArn", topic_arn()}})}})});
  if (queue.encryption() == sqs::QueueEncryption::Kms)
    Annotations::of(queue).add_warning(
        "the queue's KMS key policy must let sns.amazonaws.com use kms:Decrypt and kms:GenerateDataKey for " +
        node().path() + " to deliver; cdkpp cannot change the policy of a key given by ARN");
  auto& made = queue.add<Subscription>(id, {.topic = *this, .protocol = SubscriptionProtocol::Sqs,
                                            .endpoint = queue.queue_arn(),
                                            .raw_message_delivery = s.raw_message_delivery,
                                            .filter_policy = s.filter_policy});
  made.node().add_dependency(*queue.policy_scope());
  return remember(made);
}

Subscription& Topic::add_subscription(const LambdaSubscription& s) {
  if (s.function) return subscribe_function(*s.function, s.function_arn, s.function_id, s.filter_policy);
  if (s.function_arn.is_null())
    throw Error(node().path(), "LambdaSubscription has no function_arn (nor function)",
                "set .function = fn for a function of this app, or .function_arn and .function_id");
  if (s.function_id.empty())
    throw Error(node().path(), "LambdaSubscription has no function_id",
                "set .function_id, the construct id the AWS CDK app gives Function.fromFunctionArn");
  check_not_fifo(*this, "a Lambda function");
  auto& stack = Stack::of(*this);
  Construct* function = stack.node().try_find_child(s.function_id);
  if (function == nullptr) function = &stack.add<Construct>(s.function_id);
  // Only a plain construct stands for a function given by ARN; anything else there is a name clash.
  if (typeid(*function) != typeid(Construct))
    throw Error(node().path(), "function_id \"" + s.function_id + "\" names " + function->node().path() +
                                   ", which is not a function placeholder",
                "pick a function_id no other construct of the stack uses");
  const auto& id = node().id();
  check_unsubscribed(*function, id, "function");
  lambda::CfnPermission::Props permission;
  permission.action = "lambda:InvokeFunction";
  permission.function_name = s.function_arn;
  permission.principal = "sns.amazonaws.com";
  permission.source_arn = topic_arn();
  function->add<lambda::CfnPermission>("AllowInvoke:" + Names::unique_id(*this), std::move(permission));
  auto& made = function->add<Subscription>(id, {.topic = *this, .protocol = SubscriptionProtocol::Lambda,
                                            .endpoint = s.function_arn, .filter_policy = s.filter_policy});
  return remember(made);
}

Subscription& Topic::subscribe_function(lambda::Function& function, const Value& function_arn,
                                        const std::string& function_id, const Value& filter_policy) {
  if (!function_arn.is_null() || !function_id.empty())
    throw Error(node().path(), "LambdaSubscription gives both a function and a function_arn or function_id",
                "set .function for a function of this app, or .function_arn and .function_id for one by ARN");
  check_not_fifo(*this, "a Lambda function");
  // Below the function, as aws-cdk-lib's LambdaSubscription does: the
  // permission "AllowInvoke:<topic unique id>" and the subscription named
  // after the topic.
  const auto& id = node().id();
  check_unsubscribed(function, id, "function");
  function.add_permission("AllowInvoke:" + Names::unique_id(*this),
                          {.principal = "sns.amazonaws.com", .source_arn = topic_arn()});
  auto& made = function.add<Subscription>(id, {.topic = *this, .protocol = SubscriptionProtocol::Lambda,
                                               .endpoint = function.function_arn(), .filter_policy = filter_policy});
  return remember(made);
}

Subscription& Topic::add_subscription(const UrlSubscription& s) {
  if (s.url.starts_with("http://"))
    throw Error(node().path(), "\"" + s.url + "\" is plain HTTP: SNS would send messages in clear text",
                "use an https:// endpoint");
  if (!s.url.starts_with("https://") || s.url.size() == 8)
    throw Error(node().path(), "\"" + s.url + "\" is not an https:// URL", "e.g. \"https://hooks.example.com/sns\"");
  check_not_fifo(*this, "an HTTPS endpoint");
  // The construct id is the URL with '/' made "--", as the constructs library does.
  std::string id;
  for (char c : s.url) id += c == '/' ? std::string("--") : std::string(1, c);
  check_unsubscribed(*this, id, "URL");
  auto& made = add<Subscription>(id, {.topic = *this, .protocol = SubscriptionProtocol::Https,
                                            .endpoint = s.url, .raw_message_delivery = s.raw_message_delivery,
                                            .filter_policy = s.filter_policy});
  return remember(made);
}

void Topic::add_to_resource_policy(const iam::PolicyStatement& statement) {
  if (statement.principals.is_null())
    throw Error(node().path(), "a topic policy statement needs a principal",
                "set .principals, e.g. cdk::Value::map({{\"Service\", \"events.amazonaws.com\"}})");
  if (statement.actions.empty() || statement.resources.empty())
    throw Error(node().path(), "a topic policy statement needs actions and resources", "use topic_arn() as the resource");
  if (policy_ == nullptr) {
    // Same construct ids as the AWS CDK (Topic/Policy/Resource), so logical ids match.
    auto& scope = add<Construct>("Policy");
    CfnTopicPolicy::Props l1;
    l1.topics = {topic_arn()};
    policy_ = &scope.add<CfnTopicPolicy>("Resource", std::move(l1));
  }
  policy_statements_.push_back(statement);
  // The AWS CDK's TopicPolicy drops repeated statements, then numbers those
  // without a Sid by their position.
  std::vector<iam::PolicyStatement> numbered;
  std::vector<Value> seen;
  for (const auto& s : policy_statements_) {
    auto rendered = s.to_value();
    if (std::find(seen.begin(), seen.end(), rendered) != seen.end()) continue;
    seen.push_back(std::move(rendered));
    numbered.push_back(s);
    if (numbered.back().sid.empty()) numbered.back().sid = std::to_string(numbered.size() - 1);
  }
  policy_->props().policy_document = iam::policy_document(numbered);
}

}  // namespace cdk::sns
