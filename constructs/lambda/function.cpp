#include <cdk/lambda/function.hpp>

#include "detail/permission.hpp"

#include <cdk/annotations.hpp>
#include <cdk/aspects.hpp>
#include <cdk/ec2/ivpc.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/ec2/cfn_subnet_route_table_association.hpp>
#include <cdk/ec2/subnet.hpp>
#include <cdk/file_asset.hpp>
#include <cdk/iam/grant.hpp>
#include <cdk/iam/kms_actions.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/lambda/cfn_function.hpp>
#include <cdk/lambda/cfn_permission.hpp>
#include <cdk/lambda/event_source_mapping.hpp>
#include <cdk/lambda/function_url.hpp>
#include <cdk/logs/cfn_log_group.hpp>
#include <cdk/names.hpp>
#include <cdk/sns/subscription.hpp>
#include <cdk/sns/topic.hpp>
#include <cdk/sqs/cfn_queue.hpp>
#include <cdk/sqs/queue.hpp>
#include <cdk/stack.hpp>

#include <algorithm>
#include <array>
#include <memory>
#include <cctype>
#include <string>
#include <string_view>

namespace cdk::lambda {

namespace {

// Lambda's limits: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
constexpr std::size_t max_environment_bytes = 4096;
constexpr std::int64_t sqs_default_visibility_seconds = 30;
constexpr std::int64_t lambda_default_timeout_seconds = 3;

// Set by the Lambda runtime; Lambda refuses them in a function's configuration
// (the list aws-cdk-lib refuses too).
constexpr std::array<std::string_view, 18> reserved_environment_keys = {
    "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
    "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR"};

void check_range(const std::string& path, const char* field, const std::optional<std::int64_t>& value,
                 std::int64_t low, std::int64_t high, const char* unit) {
  if (!value || (*value >= low && *value <= high)) return;
  throw Error(path, std::string(field) + " " + std::to_string(*value) + " " + unit + " is outside Lambda's range " +
                        std::to_string(low) + "-" + std::to_string(high),
              std::string("set .") + field + " within " + std::to_string(low) + "-" + std::to_string(high) +
                  ", or leave it unset for Lambda's default");
}

void check_code(const std::string& path, const Code& code, Runtime runtime) {
  switch (code.kind()) {
    case Code::Kind::None:
      throw Error(path, "the function has no code", "set .code = cdk::lambda::Code::from_inline(...) or Code::from_bucket(...)");
    case Code::Kind::Inline:
      if (code.inline_source().empty())
        throw Error(path, "the inline code is empty", "pass the function's source to Code::from_inline");
      if (!supports_inline_code(runtime))
        throw Error(path, std::string("inline code is not available for ") + runtime_name(runtime) +
                              ": CloudFormation writes it as a source file for Node.js and Python only",
                    "use Code::from_bucket with a built package");
      if (code.inline_source().size() > TemplateLimits::max_bytes)
        throw Error(path, "the inline code is " + std::to_string(code.inline_source().size()) +
                              " bytes, more than a CloudFormation template holds (" +
                              std::to_string(TemplateLimits::max_bytes) + ")",
                    "upload a package to S3 and use Code::from_bucket");
      return;
    case Code::Kind::Asset:  // checked when the function makes the asset (Code::bind)
      break;
    case Code::Kind::S3:
      if (code.bucket_name().is_null()) throw Error(path, "Code::from_bucket has no bucket", "pass a bucket or its name");
      if (code.key().empty() || code.key().size() > 1024)
        throw Error(path, "the S3 key of the code must be 1-1024 characters", "pass the key of the .zip package");
      return;
  }
}

void check_names(const std::string& path, const FunctionProps& p) {
  const auto& name = p.function_name;
  const bool bad_char = std::any_of(name.begin(), name.end(), [](char c) {
    return !(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
  });
  if (name.size() > 64 || bad_char)
    throw Error(path, "function name \"" + name + "\" must be at most 64 letters, digits, '-' and '_'",
                "use a shorter name, or leave it unset for a generated one");
  if (p.description.size() > 256)
    throw Error(path, "description is longer than 256 characters", "use a shorter description");
  const auto& handler = p.handler;
  if (handler.empty()) throw Error(path, "the function has no handler", "set .handler, e.g. \"index.handler\"");
  const bool space = std::any_of(handler.begin(), handler.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
  if (handler.size() > 128 || space)
    throw Error(path, "handler \"" + handler + "\" must be at most 128 characters without spaces",
                "e.g. \"index.handler\" or \"com.example.Handler::handleRequest\"");
}

void check_network(const std::string& path, const FunctionProps& p) {
  if (!p.vpc) {
    const auto& s = p.vpc_subnets;
    const bool picked = s.subnet_type || !s.subnet_group_name.empty() || !s.availability_zones.empty() || !s.subnets.empty();
    if (picked || !p.security_groups.empty())
      throw Error(path, "vpc_subnets or security_groups are set but the function has no vpc", "set .vpc = vpc");
    return;
  }
  if (!p.security_groups.empty() && !p.allow_all_outbound)
    throw Error(path, "allow_all_outbound applies to the security group the function makes, and security_groups are given",
                "configure outbound rules on the given security groups");
  for (const auto& g : p.security_groups)
    if (!g) throw Error(path, "security_groups holds a null group", "pass security groups of the function's VPC");
  if (p.vpc->select_subnets(p.vpc_subnets).has_public && !p.allow_public_subnet)
    throw Error(path, "the function is placed in public subnets, where Lambda functions cannot reach the internet",
                "use private subnets (default), or set allow_public_subnet if it needs no internet");
}

std::string environment_key_problem(const std::string& key) {
  if (std::find(reserved_environment_keys.begin(), reserved_environment_keys.end(), key) != reserved_environment_keys.end())
    return "is reserved by the Lambda runtime";
  const bool starts_with_letter = !key.empty() && std::isalpha(static_cast<unsigned char>(key.front()));
  const bool valid = std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
  if (key.size() < 2 || !starts_with_letter || !valid)
    return "is not a valid name (a letter, then letters, digits or '_'; at least two characters)";
  return {};
}

// aws-cdk-lib makes the function depend on its whole role; the Role property's
// GetAtt already orders the role itself (cfn-lint flags the repeat, W3005), so
// only the role's policies are waited for. Grants may come until synthesis, so
// this runs then, as an aspect of the function's L1.
class WaitForRolePolicies : public IAspect {
 public:
  WaitForRolePolicies(CfnResource& function, Construct& role) : function_(function), role_(role) {}
  void visit(Construct& c) override {
    if (&c != &function_) return;
    for (auto* below : role_.node().find_all())
      if (auto* r = dynamic_cast<CfnResource*>(below); r && r->cfn_type() != "AWS::IAM::Role")
        function_.node().add_dependency(*r);
  }

 private:
  CfnResource& function_;
  Construct& role_;
};

std::size_t literal_size(const Value& v) { return v.kind() == Value::Kind::String ? v.as_string().size() : 0; }

}  // namespace

Function::Function(Construct& scope, std::string_view id, const FunctionProps& props)
    : Construct(scope, id),
      runtime_(props.runtime.value_or(Runtime::ProvidedAl2023)),
      timeout_seconds_(props.timeout_seconds.value_or(lambda_default_timeout_seconds)),
      dead_letter_queue_(props.dead_letter_queue.get()) {
  check(props);
  make_role(props);
  if (dead_letter_queue_ != nullptr) grant_dead_letter_queue(*dead_letter_queue_);
  if (props.vpc) make_vpc_config(props);
  make_function(props);
  make_log_group(props);
}

Function::~Function() = default;

void Function::check(const FunctionProps& p) const {
  const auto path = node().path();
  if (!p.runtime) throw Error(path, "the function has no runtime", "set .runtime, e.g. cdk::lambda::Runtime::Python313");
  check_names(path, p);
  check_code(path, p.code, *p.runtime);
  check_range(path, "memory_size", p.memory_size, 128, 10240, "MB");
  check_range(path, "timeout_seconds", p.timeout_seconds, 1, 900, "s");
  check_range(path, "ephemeral_storage_mb", p.ephemeral_storage_mb, 512, 10240, "MB");
  if (p.reserved_concurrent_executions && *p.reserved_concurrent_executions < 0)
    throw Error(path, "reserved_concurrent_executions " + std::to_string(*p.reserved_concurrent_executions) + " is negative",
                "set 0 or more, or leave it unset for the unreserved pool");
  check_network(path, p);
  if (p.log_group && p.log_retention)
    throw Error(path, "log_retention and log_group are both set", "set the retention on the given log group");
  if (p.dead_letter_queue && p.dead_letter_queue->fifo())
    throw Error(path, "the dead-letter queue " + p.dead_letter_queue->node().path() + " is FIFO; Lambda sends only to standard queues",
                "use a standard queue as the dead-letter queue");
  std::size_t bytes = 0;
  for (const auto& [key, value] : p.environment) {
    check_environment_variable(key, value);
    bytes += key.size() + literal_size(value);
  }
  if (bytes > max_environment_bytes)
    throw Error(path, "the environment variables take " + std::to_string(bytes) + " bytes, more than Lambda's 4 KB",
                "keep large values in S3, SSM Parameter Store or Secrets Manager and pass their names");
}

void Function::check_environment_variable(const std::string& key, const Value& value) const {
  if (const auto problem = environment_key_problem(key); !problem.empty())
    throw Error(node().path(), "environment variable \"" + key + "\" " + problem,
                "see https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html");
  if (value.is_null())
    throw Error(node().path(), "environment variable \"" + key + "\" has no value", "give it a value, or leave it out");
}

void Function::make_role(const FunctionProps& p) {
  if (p.role) {
    role_ = p.role.get();
    return;
  }
  std::vector<iam::ManagedPolicy> policies = {iam::ManagedPolicy::aws_managed("service-role/AWSLambdaBasicExecutionRole")};
  if (p.vpc) policies.push_back(iam::ManagedPolicy::aws_managed("service-role/AWSLambdaVPCAccessExecutionRole"));
  role_ = &add<iam::Role>("ServiceRole", {.assumed_by = iam::ServicePrincipal{"lambda.amazonaws.com"},
                                          .managed_policies = std::move(policies)});
}

void Function::grant_dead_letter_queue(const sqs::Queue& queue) {
  // What aws-cdk-lib grants, plus the key of a customer-key queue, without
  // which SQS refuses the message.
  add_to_role_policy({.actions = {"sqs:SendMessage"}, .resources = {queue.queue_arn()}});
  if (queue.encryption() == sqs::QueueEncryption::Kms)
    add_to_role_policy({.actions = iam::kms_actions::envelope(), .resources = {queue.encryption_key_arn()}});
}

void Function::make_vpc_config(const FunctionProps& p) {
  const auto picked = p.vpc->select_subnets(p.vpc_subnets);
  for (const auto& g : p.security_groups) security_groups_.push_back(g.get());
  if (security_groups_.empty())
    security_groups_.push_back(&add<ec2::SecurityGroup>("SecurityGroup", {
        .vpc = p.vpc, .description = "Automatic security group for Lambda Function " + Names::unique_id(*this),
        .allow_all_outbound = p.allow_all_outbound}));
  connections_ = std::make_unique<ec2::Connections>();
  for (auto* g : security_groups_) connections_->add_security_group(*g);
  // Everything of the function waits for the subnets' way out, as aws-cdk-lib's
  // internetConnectivityEstablished (routes and route table associations).
  for (auto* subnet : picked.subnets) {
    for (auto* c : subnet->internet_connectivity_established()) node().add_dependency(*c);
    node().add_dependency(subnet->route_table_association());
  }
}

void Function::make_function(const FunctionProps& p) {
  CfnFunction::Props l1;
  const auto& code = p.code;
  CfnFunction::CodeProperty c;
  const FileAsset* asset = code.kind() == Code::Kind::Asset ? &code.bind(*this) : nullptr;
  if (asset != nullptr) {  // content-addressed key: no object version needed
    c.s3_bucket = asset->bucket_name();
    c.s3_key = asset->object_key();
  }
  if (code.kind() == Code::Kind::Inline) c.zip_file = code.inline_source();
  if (code.kind() == Code::Kind::S3) {
    c.s3_bucket = code.bucket_name();
    c.s3_key = code.key();
    if (!code.object_version().empty()) c.s3_object_version = code.object_version();
    else
      Annotations::of(*this).add_warning("the code in S3 has no object_version: a new upload under the same key "
                                         "is not deployed, as CloudFormation sees no change");
  }
  l1.code = std::move(c);
  if (!p.function_name.empty()) l1.function_name = p.function_name;
  if (!p.description.empty()) l1.description = p.description;
  l1.handler = p.handler;
  l1.runtime = runtime_name(runtime_);
  l1.role = role_->role_arn();
  if (p.timeout_seconds) l1.timeout = *p.timeout_seconds;
  if (p.memory_size) l1.memory_size = *p.memory_size;
  if (p.ephemeral_storage_mb) l1.ephemeral_storage = CfnFunction::EphemeralStorageProperty{.size = *p.ephemeral_storage_mb};
  if (p.reserved_concurrent_executions) l1.reserved_concurrent_executions = *p.reserved_concurrent_executions;
  if (p.architecture) l1.architectures = {architecture_name(*p.architecture)};
  if (dead_letter_queue_ != nullptr)
    l1.dead_letter_config = CfnFunction::DeadLetterConfigProperty{.target_arn = dead_letter_queue_->queue_arn()};
  if (p.log_group) l1.logging_config = CfnFunction::LoggingConfigProperty{.log_group = p.log_group->log_group_name()};
  if (connections_) {
    std::vector<Value> group_ids;
    for (auto* g : security_groups_) group_ids.push_back(g->security_group_id());
    CfnFunction::VpcConfigProperty vpc;
    vpc.security_group_ids = Value(group_ids);
    vpc.subnet_ids = p.vpc->select_subnets(p.vpc_subnets).subnet_ids();
    l1.vpc_config = std::move(vpc);
  }
  resource_ = &add<CfnFunction>("Resource", std::move(l1));
  if (asset != nullptr) asset->add_resource_metadata(*resource_, "Code");
  for (const auto& [key, value] : p.environment) add_environment(key, value);
  // The function cannot start before what was granted to its role exists.
  if (auto* role = dynamic_cast<Construct*>(role_))
    Aspects::of(*resource_).add(std::make_shared<WaitForRolePolicies>(*resource_, *role));
  // Nor before its security groups' egress rules, as aws-cdk-lib has it.
  for (auto* g : security_groups_)
    for (auto* c : g->node().find_all())
      if (auto* r = dynamic_cast<CfnResource*>(c); r && r->cfn_type() == "AWS::EC2::SecurityGroupEgress")
        resource_->node().add_dependency(*r);
}

void Function::make_log_group(const FunctionProps& p) {
  if (p.log_group) {
    log_group_ = p.log_group.get();
    return;
  }
  log_group_ = &add<logs::LogGroup>("LogGroup", {.retention = p.log_retention.value_or(logs::RetentionDays::TwoYears)});
  // Lambda writes to /aws/lambda/<function name>; naming the group so makes it that group.
  log_group_->cfn_log_group().props().log_group_name = Value("/aws/lambda/") + function_name();
}

Value Function::function_name() const { return resource_->ref(); }
Value Function::function_arn() const { return resource_->attr_arn(); }

ec2::Connections& Function::connections() {
  if (!connections_)
    throw Error(node().path(), "only a function in a VPC has security groups to connect",
                "create the function with .vpc = vpc");
  return *connections_;
}

void Function::add_to_principal_policy(const iam::PolicyStatement& statement) { role_->add_to_principal_policy(statement); }

void Function::add_environment(const std::string& key, Value value) {
  check_environment_variable(key, value);
  auto updated = environment_;
  auto it = std::find_if(updated.begin(), updated.end(), [&](const auto& e) { return e.first == key; });
  if (it != updated.end()) it->second = std::move(value);
  else updated.emplace_back(key, std::move(value));
  std::size_t bytes = 0;
  for (const auto& [k, v] : updated) bytes += k.size() + literal_size(v);
  if (bytes > max_environment_bytes)
    throw Error(node().path(), "the environment variables would take " + std::to_string(bytes) +
                                   " bytes, more than Lambda's 4 KB",
                "keep large values in S3, SSM Parameter Store or Secrets Manager and pass their names");
  environment_ = std::move(updated);
  Value::Map variables(environment_.begin(), environment_.end());
  resource_->props().environment = CfnFunction::EnvironmentProperty{.variables = Value(std::move(variables))};
}

CfnPermission& Function::add_permission(std::string_view id, const Permission& permission) {
  return detail::add_permission(*this, id, function_arn(), permission);
}

FunctionUrl& Function::add_function_url(FunctionUrlProps props) { return add<FunctionUrl>("FunctionUrl", std::move(props)); }

void Function::grant_invoke(iam::IGrantable& grantee) const {
  // The function and every version and alias of it (arn:...:function:name:qualifier).
  iam::Grant::add_to_principal({.grantee = grantee, .actions = {"lambda:InvokeFunction"},
                                .resource_arns = {function_arn(), function_arn() + Value(":*")}});
  iam::Grant::explain_wildcard_resources(grantee, {"lambda:InvokeFunction"},
                                         "invoking a version or alias of the function names it by a qualified ARN (function:name:qualifier)");
}

// The AWS CDK's metric helpers: https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
cloudwatch::Metric Function::metric(std::string name, std::string statistic) const {
  return {.namespace_ = "AWS/Lambda", .metric_name = std::move(name), .dimensions = {{"FunctionName", function_name()}},
          .statistic = std::move(statistic)};
}
cloudwatch::Metric Function::metric_errors() const { return metric("Errors", "Sum"); }
cloudwatch::Metric Function::metric_invocations() const { return metric("Invocations", "Sum"); }
cloudwatch::Metric Function::metric_throttles() const { return metric("Throttles", "Sum"); }
cloudwatch::Metric Function::metric_duration() const { return metric("Duration", "Average"); }

EventSourceMapping& Function::add_event_source(const SqsEventSource& s) {
  const auto path = node().path();
  if (!s.queue) throw Error(path, "SqsEventSource has no queue", "set .queue = queue");
  auto& queue = *s.queue;
  if (s.max_batching_window_seconds && queue.fifo())
    throw Error(path, "a batching window is not available for the FIFO queue " + queue.node().path(),
                "leave max_batching_window_seconds unset");
  const std::int64_t max_batch = s.max_batching_window_seconds ? 10000 : 10;
  if (s.batch_size && (*s.batch_size < 1 || *s.batch_size > max_batch))
    throw Error(path, "SQS batch_size " + std::to_string(*s.batch_size) + " is outside Lambda's range 1-" +
                          std::to_string(max_batch),
                s.max_batching_window_seconds ? "set a batch size of 1-10000"
                                              : "set 1-10, or up to 10000 with max_batching_window_seconds");
  const auto& visibility = queue.cfn_queue().props().visibility_timeout.value();
  const auto seconds = visibility.kind() == Value::Kind::Int ? visibility.as_int() : sqs_default_visibility_seconds;
  if (!visibility.is_token() && seconds < timeout_seconds_)
    throw Error(path, "the visibility timeout of " + queue.node().path() + " (" + std::to_string(seconds) +
                          " s) is shorter than the function's timeout (" + std::to_string(timeout_seconds_) + " s)",
                "set the queue's visibility_timeout_seconds to at least the timeout (AWS suggests six times it)");
  const auto id = "SqsEventSource:" + Names::unique_id(queue);
  if (node().try_find_child(id) != nullptr)
    throw Error(path, "the queue " + queue.node().path() + " is already an event source of this function",
                "add each queue once");
  auto& mapping = add<EventSourceMapping>(id, {.target = *this, .event_source_arn = queue.queue_arn(),
                                               .batch_size = s.batch_size,
                                               .max_batching_window_seconds = s.max_batching_window_seconds,
                                               .max_concurrency = s.max_concurrency,
                                               .report_batch_item_failures = s.report_batch_item_failures,
                                               .enabled = s.enabled});
  queue.grant_consume_messages(*this);
  return mapping;
}

sns::Subscription& Function::add_event_source(const SnsEventSource& s) {
  if (!s.topic) throw Error(node().path(), "SnsEventSource has no topic", "set .topic = topic");
  return s.topic->add_subscription(sns::LambdaSubscription{.function = *this, .filter_policy = s.filter_policy});
}

}  // namespace cdk::lambda
