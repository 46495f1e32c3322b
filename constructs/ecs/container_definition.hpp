#pragma once
/// cdk::ecs::ContainerDefinition: one container of a task definition, made with
/// TaskDefinition::add_container.
///
///   auto& web = task.add_container("web", {
///       .image = cdk::ecs::ContainerImage::from_registry("nginx"),
///       .port_mappings = {{.container_port = 80}},
///       .environment = {{"STAGE", "prod"}},
///       .secrets = {{"DB_PASSWORD", cdk::ecs::Secret::from_secrets_manager(secret, "password")}},
///       .logging = cdk::ecs::LogDriver::aws_logs({.stream_prefix = "web"}),
///       .health_check = {{.command = {"CMD-SHELL", "curl -f http://localhost/ || exit 1"}}}});
///
/// An environment variable whose name looks like it holds a credential
/// (PASSWORD, SECRET, TOKEN, API_KEY, ...) with a literal value gets a warning:
/// pass it through `secrets` instead, so it never shows in the template.
#include <cdk/construct.hpp>
#include <cdk/container_instances.hpp>
#include <cdk/ecs/container_image.hpp>
#include <cdk/ecs/log_driver.hpp>
#include <cdk/ecs/secret.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cdk::ecs {

class TaskDefinition;

enum class Protocol { Tcp, Udp };

struct PortMapping {
  std::int64_t container_port = 0;  ///< 1-65535; required
  std::int64_t host_port = 0;       ///< awsvpc/host network modes: unset (HostPort left out, as the AWS CDK does) or equal to container_port; bridge: default dynamic
  Protocol protocol = Protocol::Tcp;  ///< default TCP
  std::string name{};               ///< for Service Connect; default none
};

/// A task volume mounted into the container (TaskDefinition::add_efs_volume).
struct MountPoint {
  std::string source_volume{};   ///< the volume's name; required
  std::string container_path{};  ///< absolute path in the container; required
  bool read_only = false;        ///< default false
};

/// A Docker health check; a container that fails it is replaced.
struct HealthCheck {
  List<std::string> command{};         ///< ["CMD-SHELL", "..."] or ["CMD", ...]; a plain command gets "CMD-SHELL"; required
  std::int64_t interval_seconds = 30;  ///< 5-300; default 30
  std::int64_t timeout_seconds = 5;    ///< 2-120; default 5
  std::int64_t retries = 3;            ///< 1-10; default 3
  std::int64_t start_period_seconds = 0;  ///< 0-300, grace time after start; default 0 (not set)
};

struct ContainerDefinitionOptions {
  ContainerImage image{};                     ///< required
  std::string container_name{};               ///< default the construct id
  List<PortMapping> port_mappings{};          ///< default none
  std::map<std::string, Value> environment{}; ///< plain variables, visible in the template; default none
  std::map<std::string, Secret> secrets{};    ///< variables read from Secrets Manager/SSM at start; default none
  Optional<LogDriver> logging{};              ///< default none (output is discarded)
  Optional<HealthCheck> health_check{};       ///< default none
  List<MountPoint> mount_points{};            ///< task volumes to mount; default none
  List<std::string> command{};                ///< default the image's CMD
  List<std::string> entry_point{};            ///< default the image's ENTRYPOINT
  std::int64_t cpu = 0;                       ///< CPU units reserved; default none
  std::int64_t memory_limit_mib = 0;          ///< hard limit; default none (EC2 tasks need it or memory_reservation_mib)
  std::int64_t memory_reservation_mib = 0;    ///< soft limit; default none
  bool essential = true;                      ///< the task stops when this container stops; default true
  bool readonly_root_filesystem = false;      ///< default false
};

class ContainerDefinition : public Construct {
 public:
  /// Use TaskDefinition::add_container.
  ContainerDefinition(Construct& scope, std::string_view id, TaskDefinition& task_definition,
                      ContainerDefinitionOptions options);

  [[nodiscard]] const std::string& container_name() const noexcept { return options_.container_name; }
  [[nodiscard]] const ContainerDefinitionOptions& options() const noexcept { return options_; }
  [[nodiscard]] TaskDefinition& task_definition() const noexcept { return task_; }
  /// The first port mapping's container port; throws cdk::Error when there is none.
  [[nodiscard]] std::int64_t container_port() const;
  /// The log group aws_logs uses (the given logs::LogGroup or the one it made), or nullptr.
  [[nodiscard]] Construct* log_group() const noexcept { return log_group_; }
  /// {"Ref": log group} of aws_logs, or null.
  [[nodiscard]] const Value& log_group_name() const noexcept { return log_group_name_; }

  void add_port_mappings(const std::vector<PortMapping>& mappings);
  void add_environment(std::string name, Value value);
  void add_secret(std::string name, Secret secret);
  void add_mount_points(const std::vector<MountPoint>& mount_points);

 private:
  void check_port_mapping(PortMapping& m) const;
  void check_environment(const std::string& name, const Value& value);
  void use_secret(const Secret& secret);
  TaskDefinition& task_;
  ContainerDefinitionOptions options_;
  Construct* log_group_ = nullptr;
  Value log_group_name_;
  Value log_group_arn_;
};

}  // namespace cdk::ecs

CDKPP_EXTERN_VECTOR(cdk::ecs::PortMapping);
CDKPP_EXTERN_VECTOR(cdk::ecs::MountPoint);
