#include <cdk/ecs/cfn_task_definition.hpp>
#include <cdk/ecs/ec2_task_definition.hpp>
#include <cdk/ecs/fargate_task_definition.hpp>
#include <cdk/efs/file_system.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/names.hpp>
#include <cdk/stack.hpp>

#include <algorithm>
#include <cctype>

namespace cdk::ecs {

namespace {

void check_family(const Construct& c, const std::string& family) {
  if (family.size() > 255 || !std::all_of(family.begin(), family.end(), [](unsigned char ch) {
        return std::isalnum(ch) || ch == '-' || ch == '_';
      }))
    throw Error(c.node().path(), "family '" + family + "' is not valid",
                "use at most 255 letters, digits, hyphens and underscores");
}

const char* network_mode_name(NetworkMode m) {
  switch (m) {
    case NetworkMode::AwsVpc: return "awsvpc";
    case NetworkMode::Bridge: return "bridge";
    case NetworkMode::Host: return "host";
    case NetworkMode::None: return "none";
  }
  return "awsvpc";
}

}  // namespace

TaskDefinition::TaskDefinition(Construct& scope, std::string_view id, Settings settings)
    : Construct(scope, id), compatibility_(settings.compatibility), network_mode_(settings.network_mode) {
  family_ = settings.family.empty() ? Names::unique_id(*this) : settings.family;
  check_family(*this, family_);
  task_role_ = &add<iam::Role>("TaskRole", {.assumed_by = iam::ServicePrincipal{"ecs-tasks.amazonaws.com"}});
  CfnTaskDefinition::Props p;
  if (!settings.cpu.empty()) p.cpu = settings.cpu;
  p.family = family_;
  if (!settings.memory.empty()) p.memory = settings.memory;
  p.network_mode = network_mode_name(network_mode_);
  p.requires_compatibilities = {launch_type_name(compatibility_)};
  if (!settings.cpu_architecture.empty())
    p.runtime_platform = CfnTaskDefinition::RuntimePlatformProperty{.cpu_architecture = settings.cpu_architecture,
                                                                     .operating_system_family = "LINUX"};
  p.task_role_arn = task_role_->role_arn();
  resource_ = &add<CfnTaskDefinition>("Resource", std::move(p));
}

Value TaskDefinition::task_definition_arn() const { return resource_->ref(); }

ContainerDefinition* TaskDefinition::default_container() const noexcept {
  for (auto* c : containers_)
    if (c->options().essential) return c;
  return nullptr;
}

iam::Role& TaskDefinition::obtain_execution_role() {
  if (!execution_role_) {
    execution_role_ = &add<iam::Role>("ExecutionRole", {.assumed_by = iam::ServicePrincipal{"ecs-tasks.amazonaws.com"}});
    resource_->props().execution_role_arn = execution_role_->role_arn();
  }
  return *execution_role_;
}

void TaskDefinition::add_to_principal_policy(const iam::PolicyStatement& statement) { task_role_->add_to_policy(statement); }

void TaskDefinition::add_to_execution_role_policy(const iam::PolicyStatement& statement) {
  obtain_execution_role().add_to_policy(statement);
}

void TaskDefinition::add_efs_volume(std::string name, efs::FileSystem& fs, EfsVolumeOptions options) {
  if (name.empty() || name.size() > 255)
    throw Error(node().path(), "a volume name must be 1-255 characters", "e.g. \"data\"");
  for (const auto& v : volume_names_)
    if (v == name) throw Error(node().path(), "two volumes are named '" + name + "'", "give each volume its own name");
  if (options.iam_authorization && !options.transit_encryption)
    throw Error(node().path(), "EFS IAM authorization needs transit encryption", "keep transit_encryption on");
  CfnTaskDefinition::EFSVolumeConfigurationProperty ev;
  if (options.iam_authorization) {
    CfnTaskDefinition::AuthorizationConfigProperty ac;
    ac.iam = "ENABLED";
    ev.authorization_config = std::move(ac);
    task_role_->add_to_policy({.actions = {"elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"},
                               .resources = {fs.file_system_arn()}});
  }
  ev.filesystem_id = fs.file_system_id();
  if (!options.root_directory.empty()) ev.root_directory = options.root_directory;
  ev.transit_encryption = options.transit_encryption ? "ENABLED" : "DISABLED";
  CfnTaskDefinition::VolumeProperty v;
  v.efs_volume_configuration = std::move(ev);
  v.name = name;
  resource_->props().volumes.push_back(std::move(v));
  volume_names_.push_back(std::move(name));
}

ContainerDefinition& TaskDefinition::add_container(std::string_view id, ContainerDefinitionOptions options) {
  auto& c = add<ContainerDefinition>(id, *this, std::move(options));
  for (auto* other : containers_)
    if (other->container_name() == c.container_name())
      throw Error(c.node().path(), "two containers are named '" + c.container_name() + "'",
                  "give each container its own name");
  containers_.push_back(&c);
  render_containers();
  return c;
}

void TaskDefinition::render_containers() {
  using L1 = CfnTaskDefinition;
  std::vector<L1::ContainerDefinitionProperty> defs;
  for (const auto* c : containers_) {
    const auto& o = c->options();
    L1::ContainerDefinitionProperty d;
    if (!o.command.empty()) d.command = o.command;
    if (o.cpu > 0) d.cpu = o.cpu;
    if (!o.entry_point.empty()) d.entry_point = o.entry_point;
    for (const auto& [k, v] : o.environment) d.environment.push_back({.name = k, .value = v});
    d.essential = o.essential;
    if (const auto& hc = o.health_check) {
      L1::HealthCheckProperty h;
      h.command = hc->command;
      h.interval = hc->interval_seconds;
      h.retries = hc->retries;
      if (hc->start_period_seconds > 0) h.start_period = hc->start_period_seconds;
      h.timeout = hc->timeout_seconds;
      d.health_check = std::move(h);
    }
    d.image = o.image.image_name();
    if (!c->log_group_name().is_null()) {
      const auto& lp = o.logging->aws_logs_props();
      Value::Map opts{{"awslogs-group", c->log_group_name()},
                      {"awslogs-stream-prefix", lp.stream_prefix},
                      {"awslogs-region", Stack::of(*this).region()}};
      if (lp.non_blocking) opts.emplace_back("mode", "non-blocking");
      L1::LogConfigurationProperty lc;
      lc.log_driver = "awslogs";
      lc.options = Value(std::move(opts));
      d.log_configuration = std::move(lc);
    }
    if (o.memory_limit_mib > 0) d.memory = o.memory_limit_mib;
    if (o.memory_reservation_mib > 0) d.memory_reservation = o.memory_reservation_mib;
    d.name = c->container_name();
    for (const auto& m : o.port_mappings) {
      L1::PortMappingProperty pm;
      pm.container_port = m.container_port;
      // Unset: no HostPort (awsvpc/host: the container port; bridge: a dynamic port). aws-cdk-lib writes
      // 0 for bridge, which cfn-lint refuses with a load balancer unless the health check port is explicit (E3049).
      if (m.host_port > 0) pm.host_port = m.host_port;
      if (!m.name.empty()) pm.name = m.name;
      pm.protocol = m.protocol == Protocol::Tcp ? "tcp" : "udp";
      d.port_mappings.push_back(std::move(pm));
    }
    for (const auto& m : o.mount_points) {
      L1::MountPointProperty mp;
      mp.container_path = m.container_path;
      mp.read_only = m.read_only;
      mp.source_volume = m.source_volume;
      d.mount_points.push_back(std::move(mp));
    }
    if (o.readonly_root_filesystem) d.readonly_root_filesystem = true;
    for (const auto& [k, s] : o.secrets) d.secrets.push_back({.name = k, .value_from = s.value_from()});
    defs.push_back(std::move(d));
  }
  resource_->props().container_definitions = std::move(defs);
}

std::vector<Diagnostic> TaskDefinition::validate() const {
  std::vector<Diagnostic> out;
  if (containers_.empty())
    out.push_back({.path = node().path(), .message = "the task definition has no container", .hint = "call add_container(...)"});
  else if (!default_container())
    out.push_back({.path = node().path(), .message = "the task definition has no essential container", .hint = "mark one container essential"});
  for (const auto* c : containers_)
    for (const auto& m : c->options().mount_points)
      if (std::find(volume_names_.begin(), volume_names_.end(), m.source_volume) == volume_names_.end())
        out.push_back({.path = c->node().path(),
                       .message = "the container mounts volume '" + m.source_volume + "', which the task does not have",
                       .hint = "add it with add_efs_volume(\"" + m.source_volume + "\", file_system)"});
  return out;
}

// ---- Fargate ----

bool FargateTaskDefinition::valid_cpu_memory(std::int64_t cpu, std::int64_t mem) noexcept {
  auto in = [&](std::int64_t lo, std::int64_t hi, std::int64_t step) { return mem >= lo && mem <= hi && mem % step == 0; };
  switch (cpu) {
    case 256: return mem == 512 || mem == 1024 || mem == 2048;
    case 512: return in(1024, 4096, 1024);
    case 1024: return in(2048, 8192, 1024);
    case 2048: return in(4096, 16384, 1024);
    case 4096: return in(8192, 30720, 1024);
    case 8192: return in(16384, 61440, 4096);
    case 16384: return in(32768, 122880, 8192);
    default: return false;
  }
}

namespace {
void check_fargate_size(const Construct& scope, std::string_view id, const FargateTaskDefinitionProps& p) {
  if (!FargateTaskDefinition::valid_cpu_memory(p.cpu, p.memory_limit_mib)) {
    std::string path = scope.node().path();
    path += (path.empty() ? "" : "/") + std::string(id);
    throw Error(path,
                "Fargate has no task size of " + std::to_string(p.cpu) + " CPU units with " +
                    std::to_string(p.memory_limit_mib) + " MiB",
                "use cpu 256 with 512/1024/2048 MiB, 512 with 1024-4096, 1024 with 2048-8192, 2048 with 4096-16384, "
                "4096 with 8192-30720 (steps of 1024), 8192 with 16384-61440 (steps of 4096) or 16384 with "
                "32768-122880 (steps of 8192)");
  }
}
}  // namespace

FargateTaskDefinition::FargateTaskDefinition(Construct& scope, std::string_view id, const FargateTaskDefinitionProps& props)
    : TaskDefinition(scope, id, [&] {
        check_fargate_size(scope, id, props);
        return Settings{.compatibility = LaunchType::Fargate,
                        .network_mode = NetworkMode::AwsVpc,
                        .family = props.family,
                        .cpu = std::to_string(props.cpu),
                        .memory = std::to_string(props.memory_limit_mib),
                        .cpu_architecture = props.cpu_architecture == CpuArchitecture::Arm64 ? "ARM64" : ""};
      }()) {}

// ---- EC2 ----

Ec2TaskDefinition::Ec2TaskDefinition(Construct& scope, std::string_view id, const Ec2TaskDefinitionProps& props)
    : TaskDefinition(scope, id,
                     Settings{.compatibility = LaunchType::Ec2,
                              .network_mode = props.network_mode,
                              .family = props.family,
                              .cpu = "",
                              .memory = "",
                              .cpu_architecture = ""}) {}

std::vector<Diagnostic> Ec2TaskDefinition::validate() const {
  auto out = TaskDefinition::validate();
  for (const auto* c : containers())
    if (c->options().memory_limit_mib == 0 && c->options().memory_reservation_mib == 0)
      out.push_back({.path = c->node().path(),
                     .message = "the container of an EC2 task definition has no memory limit",
                     .hint = "set memory_limit_mib or memory_reservation_mib"});
  return out;
}

}  // namespace cdk::ecs
