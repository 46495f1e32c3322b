// Rule::add_target for ECS tasks: the role EventBridge assumes, the network
// configuration and the container overrides, as the AWS CDK's EcsTask target.
#include <cdk/events/rule.hpp>

#include <cdk/ec2/ivpc.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/ecs/cluster.hpp>
#include <cdk/ecs/task_definition.hpp>
#include <cdk/events/detail/target_base.hpp>
#include <cdk/fn.hpp>
#include <cdk/iam/policy.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/security.hpp>
#include <cdk/stack.hpp>

#include <algorithm>
#include <cctype>

namespace cdk::events {

namespace {

constexpr std::int64_t max_task_count = 10;  // RunTask's limit per call

bool valid_platform_version(const std::string& v) {
  if (v.empty() || v == "LATEST") return true;
  int dots = 0;
  bool digit_before = false;
  for (char c : v) {
    if (c == '.') {
      if (!digit_before) return false;
      ++dots;
      digit_before = false;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      digit_before = true;
    } else {
      return false;
    }
  }
  return dots == 2 && digit_before;
}

void check_overrides(const std::string& path, const EcsTaskTarget& t) {
  const auto& containers = t.task_definition->containers();
  std::vector<std::string> seen;
  for (const auto& o : t.container_overrides) {
    const bool known = std::any_of(containers.begin(), containers.end(),
                                   [&](const auto* c) { return c->container_name() == o.container_name; });
    if (!known) {
      std::string names;
      for (const auto* c : containers) names += (names.empty() ? "" : ", ") + c->container_name();
      throw Error(path, "container override for \"" + o.container_name + "\", which " +
                            t.task_definition->node().path() + " does not have",
                  names.empty() ? "add the containers before the target" : "name one of its containers: " + names);
    }
    if (std::find(seen.begin(), seen.end(), o.container_name) != seen.end())
      throw Error(path, "two container overrides for \"" + o.container_name + "\"", "merge them into one");
    seen.push_back(o.container_name);
    for (const auto& [name, value] : o.environment)
      if (name.empty()) throw Error(path, "an environment override of \"" + o.container_name + "\" has no name");
    for (auto n : {o.cpu, o.memory_limit_mib, o.memory_reservation_mib})
      if (n && *n <= 0)
        throw Error(path, "the cpu and memory overrides of \"" + o.container_name + "\" must be positive");
  }
}

void check(const std::string& path, const EcsTaskTarget& t) {
  if (!t.cluster) throw Error(path, "EcsTaskTarget has no cluster", "set .cluster = cluster");
  if (!t.task_definition) throw Error(path, "EcsTaskTarget has no task definition", "set .task_definition = task");
  if (t.task_count < 1 || t.task_count > max_task_count)
    throw Error(path, "task_count " + std::to_string(t.task_count) + " is outside ECS's range 1-10 per run",
                "run at most 10 tasks per target, or add a second target");
  const auto compat = t.task_definition->compatibility();
  const auto launch = t.launch_type.value_or(compat);
  if (launch != compat)
    throw Error(path, std::string("launch type ") + ecs::launch_type_name(launch) + " cannot run " +
                          t.task_definition->node().path() + ", made for " + ecs::launch_type_name(compat),
                "drop .launch_type, or use a task definition made for it");
  const bool fargate = launch == ecs::LaunchType::Fargate;
  if (!fargate && !t.platform_version.empty())
    throw Error(path, "platform_version applies to Fargate tasks only", "drop .platform_version");
  if (!valid_platform_version(t.platform_version))
    throw Error(path, "platform_version \"" + t.platform_version + "\" is not LATEST or a version like 1.4.0",
                "e.g. .platform_version = \"1.4.0\", or leave it unset for LATEST");
  if (!fargate && t.assign_public_ip.value_or(false))
    throw Error(path, "assign_public_ip applies to Fargate tasks only", "drop .assign_public_ip");
  const bool awsvpc = t.task_definition->network_mode() == ecs::NetworkMode::AwsVpc;
  const auto& s = t.subnets;
  const bool subnets_set = s.subnet_type || !s.subnet_group_name.empty() || !s.subnets.empty() ||
                           !s.availability_zones.empty();
  if (!awsvpc && (!t.security_groups.empty() || t.assign_public_ip || subnets_set))
    throw Error(path, "subnets, security groups and public IPs apply to awsvpc tasks only",
                "use NetworkMode::AwsVpc in the task definition, or drop them");
  if (awsvpc && t.cluster->vpc() == nullptr)
    throw Error(path, "the cluster " + t.cluster->node().path() + " has no VPC to run awsvpc tasks in",
                "create the cluster with .vpc = vpc");
  check_overrides(path, t);
}

bool has_statement(iam::Role& role, const iam::PolicyStatement& s) {
  auto* policy = role.default_policy();
  if (policy == nullptr) return false;
  const auto rendered = s.to_value();
  const auto& all = policy->statements();
  return std::any_of(all.begin(), all.end(), [&](const auto& other) { return other.to_value() == rendered; });
}

// The AWS CDK's singletonEventRole: one `<TaskDefinition>/EventsRole` for every rule running the task.
iam::Role& events_role(const std::string& path, const EcsTaskTarget& t) {
  if (t.role) return *t.role;
  auto& task = *t.task_definition;
  if (auto* existing = task.node().try_find_child("EventsRole")) {
    if (auto* role = dynamic_cast<iam::Role*>(existing)) return *role;
    throw Error(path, existing->node().path() + " is not a role", "the id EventsRole is taken by another construct");
  }
  return task.add<iam::Role>("EventsRole", {.assumed_by = iam::ServicePrincipal{"events.amazonaws.com"}});
}

Value ecs_task_arns(ecs::Cluster& cluster) {
  return Fn::join("", {"arn:", Aws::partition(), ":ecs:", Stack::of(cluster).region(), ":*:task/",
                       cluster.cluster_name(), "/*"});
}

void grant_run_task(iam::Role& role, const EcsTaskTarget& t) {
  auto& task = *t.task_definition;
  std::vector<iam::PolicyStatement> statements = {
      {.actions = {"ecs:RunTask"}, .resources = {task.task_definition_arn()},
       .conditions = Value::map({{"ArnEquals", Value::map({{"ecs:cluster", t.cluster->cluster_arn()}})}})},
      {.actions = {"ecs:TagResource"}, .resources = {ecs_task_arns(*t.cluster)}}};
  if (auto* execution = task.execution_role())
    statements.push_back({.actions = {"iam:PassRole"}, .resources = {execution->role_arn()}});
  // The AWS CDK passes the task role for Fargate-compatible tasks only; EC2 tasks
  // with a task role need it as much.
  statements.push_back({.actions = {"iam:PassRole"}, .resources = {task.task_role().role_arn()}});
  for (const auto& s : statements)
    if (!has_statement(role, s)) role.add_to_policy(s);
  security::explain_wildcard_resources(role, {"ecs:TagResource"},
                                       "ECS makes each task's id when the rule runs it: the grant names the cluster's tasks");
}

ec2::SecurityGroup& default_security_group(const std::string& path, const EcsTaskTarget& t) {
  auto& task = *t.task_definition;
  if (auto* existing = task.node().try_find_child("SecurityGroup")) {
    if (auto* group = dynamic_cast<ec2::SecurityGroup*>(existing)) return *group;
    throw Error(path, existing->node().path() + " is not a security group",
                "pass .security_groups, or free the id SecurityGroup");
  }
  return task.add<ec2::SecurityGroup>("SecurityGroup", {.vpc = Ptr<ec2::IVpc>(*t.cluster->vpc())});
}

CfnRule::NetworkConfigurationProperty network(const std::string& path, const EcsTaskTarget& t,
                                              std::vector<ec2::SecurityGroup*>& groups) {
  auto selection = t.subnets;
  const bool chosen = selection.subnet_type || !selection.subnet_group_name.empty() || !selection.subnets.empty();
  if (!chosen)
    selection.subnet_type = t.assign_public_ip.value_or(false) ? ec2::SubnetType::Public : ec2::SubnetType::PrivateWithEgress;
  const auto picked = t.cluster->vpc()->select_subnets(selection);
  const bool public_ip = t.assign_public_ip.value_or(picked.has_public);
  if (public_ip && !picked.has_public)
    throw Error(path, "assign_public_ip needs public subnets, and the selected ones are private",
                "select .subnets = {.subnet_type = cdk::ec2::SubnetType::Public}, or drop assign_public_ip");
  if (!public_ip && picked.has_public)
    throw Error(path, "the task is placed in public subnets without a public IP, so it cannot pull images",
                "use private subnets (default) or set assign_public_ip");
  for (const auto& g : t.security_groups)
    if (g) groups.push_back(g.get());
  if (groups.empty()) groups.push_back(&default_security_group(path, t));
  std::vector<Value> ids;
  for (auto* g : groups) ids.push_back(g->security_group_id());
  CfnRule::AwsVpcConfigurationProperty vpc;
  vpc.assign_public_ip = public_ip ? "ENABLED" : "DISABLED";
  vpc.security_groups = Value(ids);
  vpc.subnets = picked.subnet_ids();
  return {.aws_vpc_configuration = std::move(vpc)};
}

// The RunTask overrides EventBridge sends as the target's Input (aws-cdk-lib: "{}" without any).
Value task_input(const EcsTaskTarget& t) {
  Value::Map input;
  if (!t.container_overrides.empty()) {
    Value::List overrides;
    for (const auto& o : t.container_overrides) {
      Value::Map m{{"name", o.container_name}};
      if (!o.command.empty()) m.emplace_back("command", Value(o.command));
      if (!o.environment.empty()) {
        Value::List env;
        for (const auto& [name, value] : o.environment) env.push_back(Value::map({{"name", name}, {"value", value}}));
        m.emplace_back("environment", Value(std::move(env)));
      }
      if (o.cpu) m.emplace_back("cpu", *o.cpu);
      if (o.memory_limit_mib) m.emplace_back("memory", *o.memory_limit_mib);
      if (o.memory_reservation_mib) m.emplace_back("memoryReservation", *o.memory_reservation_mib);
      overrides.emplace_back(std::move(m));
    }
    input.emplace_back("containerOverrides", Value(std::move(overrides)));
  }
  return Value(std::move(input));
}

}  // namespace

ec2::Connections& Rule::add_target(const EcsTaskTarget& t) {
  const auto path = node().path();
  check(path, t);
  auto target = detail::target_base(path, t, next_target_id(), t.cluster->cluster_arn(), task_input(t));
  auto& task = *t.task_definition;
  CfnRule::EcsParametersProperty params;
  params.task_count = t.task_count;
  params.task_definition_arn = task.task_definition_arn();
  std::vector<ec2::SecurityGroup*> groups;
  if (task.network_mode() == ecs::NetworkMode::AwsVpc) {
    params.network_configuration = network(path, t, groups);
    params.launch_type = ecs::launch_type_name(t.launch_type.value_or(task.compatibility()));
    if (!t.platform_version.empty()) params.platform_version = t.platform_version;
  }
  auto& role = events_role(path, t);
  grant_run_task(role, t);
  target.ecs_parameters = std::move(params);
  target.role_arn = role.role_arn();
  if (t.dead_letter_queue) grant_dead_letter_queue(*t.dead_letter_queue);
  auto& connections = connections_.emplace_back();
  for (auto* g : groups) connections.add_security_group(*g);
  ecs_tasks_.push_back({&task, task.execution_role() != nullptr});
  resource_->props().targets.push_back(std::move(target));
  return connections;
}

}  // namespace cdk::events
