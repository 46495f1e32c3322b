#include <cdk/annotations.hpp>
#include <cdk/ecs/container_definition.hpp>
#include <cdk/ecs/task_definition.hpp>
#include <cdk/fn.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/logs/cfn_log_group.hpp>
#include <cdk/logs/log_group.hpp>
#include <cdk/security.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace cdk::ecs {

namespace {

// CloudWatch Logs accepts only these retention periods.
constexpr std::array<std::int64_t, 22> kRetentionDays = {1,   3,   5,   7,   14,  30,   60,   90,   120,  150,  180,
                                                          365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653};

// Upper-case name fragments that mark a variable as a credential.
constexpr std::array<std::string_view, 8> kSecretNameHints = {"PASSWORD", "PASSWD", "SECRET", "TOKEN",
                                                               "API_KEY", "APIKEY", "PRIVATE_KEY", "CREDENTIAL"};

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The execution role pulls the image: the repository's layers, and a login
// token for the whole registry.
void grant_image_pull(TaskDefinition& task, const Value& repository_arn) {
  auto& role = task.obtain_execution_role();
  role.add_to_policy({.actions = {"ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"},
                      .resources = {repository_arn}});
  role.add_to_policy({.actions = {"ecr:GetAuthorizationToken"}, .resources = {"*"}});
  security::explain_wildcard_resources(
      role, {"ecr:GetAuthorizationToken"},
      "ecr:GetAuthorizationToken has no resource-level permissions: the login token is for the whole registry");
}

}  // namespace

ContainerDefinition::ContainerDefinition(Construct& scope, std::string_view id, TaskDefinition& task_definition,
                                         ContainerDefinitionOptions options)
    : Construct(scope, id), task_(task_definition), options_(std::move(options)) {
  if (options_.container_name.empty()) options_.container_name = std::string(id);
  const auto& name = options_.container_name;
  if (name.size() > 255 || !std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_';
      }))
    throw Error(node().path(), "container name '" + name + "' is not valid",
                "use at most 255 letters, digits, hyphens and underscores");
  if (options_.image.empty())
    throw Error(node().path(), "the container has no image",
                "set .image = cdk::ecs::ContainerImage::from_registry(...) or from_ecr_repository(...)");
  options_.image = options_.image.bind(*this);  // an image asset becomes the image it pushes
  if (options_.memory_limit_mib > 0 && options_.memory_reservation_mib > options_.memory_limit_mib)
    throw Error(node().path(), "memory_reservation_mib is larger than memory_limit_mib",
                "make the reservation at most the limit");
  if (options_.memory_limit_mib < 0 || options_.memory_reservation_mib < 0 || options_.cpu < 0)
    throw Error(node().path(), "cpu and memory must not be negative");
  if (options_.memory_limit_mib > 0 && options_.memory_limit_mib < 6)
    throw Error(node().path(), "memory_limit_mib must be at least 6 MiB", "Docker needs 6 MiB per container");
  for (auto& m : options_.port_mappings) check_port_mapping(m);
  for (const auto& [k, v] : options_.environment) check_environment(k, v);
  for (const auto& m : options_.mount_points)
    if (m.source_volume.empty() || m.container_path.empty() || m.container_path.front() != '/')
      throw Error(node().path(), "a mount point needs a source volume and an absolute container path",
                  "e.g. {.source_volume = \"data\", .container_path = \"/data\"}");
  for (const auto& [k, s] : options_.secrets) {
    if (options_.environment.count(k))
      throw Error(node().path(), "'" + k + "' is both an environment variable and a secret", "keep only the secret");
    use_secret(s);
  }
  if (auto& hc = options_.health_check) {
    if (hc->command.empty())
      throw Error(node().path(), "the health check has no command",
                  "set .command = {\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"}");
    if (hc->command.front() != "CMD" && hc->command.front() != "CMD-SHELL")
      hc->command.insert(hc->command.begin(), "CMD-SHELL");
    if (hc->interval_seconds < 5 || hc->interval_seconds > 300 || hc->timeout_seconds < 2 ||
        hc->timeout_seconds > 120 || hc->retries < 1 || hc->retries > 10 || hc->start_period_seconds < 0 ||
        hc->start_period_seconds > 300)
      throw Error(node().path(), "health check settings are out of range",
                  "interval 5-300 s, timeout 2-120 s, retries 1-10, start period 0-300 s");
  }
  if (!options_.image.ecr_repository_arn().is_null()) grant_image_pull(task_, options_.image.ecr_repository_arn());
  if (options_.logging && options_.logging->kind() == LogDriver::Kind::AwsLogs) {
    const auto& lp = options_.logging->aws_logs_props();
    if (lp.stream_prefix.empty())
      throw Error(node().path(), "aws_logs needs a stream_prefix", "set .stream_prefix = \"" + name + "\"");
    if (lp.retention_days != 0 &&
        std::find(kRetentionDays.begin(), kRetentionDays.end(), lp.retention_days) == kRetentionDays.end())
      throw Error(node().path(), "log retention of " + std::to_string(lp.retention_days) + " days is not allowed",
                  "use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, "
                  "2557, 2922, 3288, 3653, or 0 to keep logs forever");
    if (lp.log_group) {
      if (lp.retention_days != 0)
        throw Error(node().path(), "retention_days applies to a new log group only",
                    "set the retention on the given logs::LogGroup");
      log_group_ = lp.log_group.get();
      log_group_name_ = lp.log_group->log_group_name();
      log_group_arn_ = lp.log_group->log_group_arn();
    } else {
      // Construct "LogGroup" holding "Resource", as the AWS CDK's logs.LogGroup does, so logical ids match.
      auto& holder = add<Construct>("LogGroup");
      logs::CfnLogGroup::Props gp;
      if (lp.retention_days != 0) gp.retention_in_days = lp.retention_days;
      auto& group = holder.add<logs::CfnLogGroup>("Resource", std::move(gp));
      group.apply_removal_policy(RemovalPolicy::Retain);
      log_group_ = &holder;
      log_group_name_ = group.ref();
      log_group_arn_ = group.attr_arn();
    }
    task_.obtain_execution_role().add_to_policy(
        {.actions = {"logs:CreateLogStream", "logs:PutLogEvents"}, .resources = {log_group_arn_}});
  }
}

std::int64_t ContainerDefinition::container_port() const {
  if (options_.port_mappings.empty())
    throw Error(node().path(), "the container has no port mapping", "add .port_mappings = {{.container_port = 80}}");
  return options_.port_mappings.front().container_port;
}

void ContainerDefinition::check_port_mapping(PortMapping& m) const {
  if (m.container_port < 1 || m.container_port > 65535)
    throw Error(node().path(), "container port " + std::to_string(m.container_port) + " is out of range",
                "use a port from 1 to 65535");
  const auto mode = task_.network_mode();
  if (mode == NetworkMode::AwsVpc || mode == NetworkMode::Host) {
    // Left unset, HostPort stays out of the template (it can only be the container port), as aws-cdk-lib writes it.
    if (m.host_port != 0 && m.host_port != m.container_port)
      throw Error(node().path(),
                  "host port " + std::to_string(m.host_port) + " differs from container port " +
                      std::to_string(m.container_port) + " in awsvpc/host network mode",
                  "leave host_port unset or make it equal to container_port");
  }
  if (m.host_port < 0 || m.host_port > 65535)
    throw Error(node().path(), "host port " + std::to_string(m.host_port) + " is out of range",
                "use 0 (dynamic) or a port from 1 to 65535");
}

void ContainerDefinition::check_environment(const std::string& name, const Value& value) {
  if (name.empty()) throw Error(node().path(), "an environment variable has an empty name");
  if (!value.is_literal()) return;  // a reference (an endpoint, a name) is not a secret
  const auto u = upper(name);
  for (auto hint : kSecretNameHints)
    if (u.find(hint) != std::string::npos) {
      Annotations::of(*this).add_warning("environment variable '" + name +
                                         "' looks like a secret but is a plain value in the template: pass it "
                                         "with .secrets (Secrets Manager or SSM) instead");
      return;
    }
}

void ContainerDefinition::use_secret(const Secret& secret) {
  task_.obtain_execution_role().add_to_policy({.actions = secret.actions(), .resources = {secret.resource_arn()}});
}

void ContainerDefinition::add_port_mappings(const std::vector<PortMapping>& mappings) {
  for (auto m : mappings) {
    check_port_mapping(m);
    options_.port_mappings.push_back(m);
  }
  task_.render_containers();
}

void ContainerDefinition::add_environment(std::string name, Value value) {
  check_environment(name, value);
  if (options_.secrets.count(name))
    throw Error(node().path(), "'" + name + "' is both an environment variable and a secret", "keep only the secret");
  options_.environment.insert_or_assign(std::move(name), std::move(value));
  task_.render_containers();
}

void ContainerDefinition::add_mount_points(const std::vector<MountPoint>& mount_points) {
  for (const auto& m : mount_points) {
    if (m.source_volume.empty() || m.container_path.empty() || m.container_path.front() != '/')
      throw Error(node().path(), "a mount point needs a source volume and an absolute container path",
                  "e.g. {.source_volume = \"data\", .container_path = \"/data\"}");
    options_.mount_points.push_back(m);
  }
  task_.render_containers();
}

void ContainerDefinition::add_secret(std::string name, Secret secret) {
  if (options_.environment.count(name))
    throw Error(node().path(), "'" + name + "' is both an environment variable and a secret", "keep only the secret");
  use_secret(secret);
  options_.secrets.insert_or_assign(std::move(name), std::move(secret));
  task_.render_containers();
}

}  // namespace cdk::ecs
