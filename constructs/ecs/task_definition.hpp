#pragma once
/// cdk::ecs::TaskDefinition: what FargateTaskDefinition and Ec2TaskDefinition
/// share: containers, the task role (what the app may do) and the execution
/// role (what ECS may do to start it: pull the image, write logs, read the
/// referenced secrets; made only when needed and granted only those resources).
///
///   task.add_container("web", {.image = cdk::ecs::ContainerImage::from_registry("nginx")});
///   bucket.grant_read(task);   // IGrantable: statements go to the task role
#include <cdk/construct.hpp>
#include <cdk/ecs/container_definition.hpp>
#include <cdk/ecs/launch_type.hpp>
#include <cdk/iam/grantable.hpp>
#include <cdk/value.hpp>

#include <string>
#include <vector>

namespace cdk::iam {
class Role;
}
namespace cdk::efs {
class FileSystem;
}

namespace cdk::ecs {

class CfnTaskDefinition;

/// How a task mounts an EFS file system.
struct EfsVolumeOptions {
  std::string root_directory{};    ///< the directory of the file system to mount; default "/"
  bool transit_encryption = true;  ///< TLS between task and EFS; default true
  bool iam_authorization = false;  ///< mount as the task role (which then gets ClientMount/ClientWrite); default false
};

enum class NetworkMode { AwsVpc, Bridge, Host, None };
/// The launch type a task definition is made for (the earlier name of LaunchType).
using Compatibility = LaunchType;

class TaskDefinition : public Construct, public iam::IGrantable {
 public:
  /// Adds a container; its id is its name unless options.container_name is set.
  ContainerDefinition& add_container(std::string_view id, ContainerDefinitionOptions options);

  /// {"Ref": task definition}: its ARN.
  [[nodiscard]] Value task_definition_arn() const;
  [[nodiscard]] const std::string& family() const noexcept { return family_; }

  /// A task volume `name` backed by the file system; containers mount it with
  /// mount_points. Allow the service into the file system yourself:
  /// `fs.connections().allow_default_port_from(service)`.
  void add_efs_volume(std::string name, efs::FileSystem& file_system, EfsVolumeOptions options = {});
  [[nodiscard]] const std::vector<std::string>& volume_names() const noexcept { return volume_names_; }
  [[nodiscard]] NetworkMode network_mode() const noexcept { return network_mode_; }
  /// The launch type the task definition is made for.
  [[nodiscard]] LaunchType compatibility() const noexcept { return compatibility_; }
  [[nodiscard]] const std::vector<ContainerDefinition*>& containers() const noexcept { return containers_; }
  /// The first essential container (the one load balancers target by default), or nullptr.
  [[nodiscard]] ContainerDefinition* default_container() const noexcept;

  /// The role the containers run as.
  [[nodiscard]] iam::Role& task_role() noexcept { return *task_role_; }
  /// The role ECS uses to start the task, or nullptr while nothing needs one.
  [[nodiscard]] iam::Role* execution_role() noexcept { return execution_role_; }
  /// The execution role, made on first use.
  iam::Role& obtain_execution_role();

  /// IGrantable: adds to the task role's policy.
  void add_to_principal_policy(const iam::PolicyStatement& statement) override;
  /// Adds to the execution role's policy (made on first use).
  void add_to_execution_role_policy(const iam::PolicyStatement& statement);

  [[nodiscard]] CfnTaskDefinition& cfn_task_definition() noexcept { return *resource_; }

  /// Rewrites the L1's ContainerDefinitions from the containers (called by them on change).
  void render_containers();

  [[nodiscard]] std::vector<Diagnostic> validate() const override;

 protected:
  struct Settings {
    LaunchType compatibility;
    NetworkMode network_mode;
    std::string family;
    std::string cpu;     ///< task-level, "" for none
    std::string memory;  ///< task-level, "" for none
    std::string cpu_architecture;  ///< "X86_64", "ARM64" or "" (not set)
  };
  TaskDefinition(Construct& scope, std::string_view id, Settings settings);

 private:
  LaunchType compatibility_;
  NetworkMode network_mode_;
  std::string family_;
  CfnTaskDefinition* resource_ = nullptr;
  iam::Role* task_role_ = nullptr;
  iam::Role* execution_role_ = nullptr;
  std::vector<ContainerDefinition*> containers_;
  std::vector<std::string> volume_names_;
};

}  // namespace cdk::ecs
