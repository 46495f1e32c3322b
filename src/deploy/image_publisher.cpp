#include "deploy/image_publisher.hpp"

#include <fmt/format.h>

#include "deploy/errors.hpp"
#include "deploy/process.hpp"

namespace cdk::deploy {
namespace {

/// Runs one docker step; a failure becomes one line with docker's last words.
void docker(const std::string& program, const std::string& step, std::vector<std::string> args,
            const std::string& input = {}) {
  args.insert(args.begin(), program);
  ProcessResult r = run_process(args, input);
  if (r.ok()) return;
  std::string why = r.last_line().empty() ? fmt::format("exit status {}", r.exit_code) : r.last_line();
  if (r.exit_code == 127 && r.output.rfind("cannot run", 0) == 0) {
    why += "; install docker or set CDK_DOCKER to a compatible program (podman, finch)";
  }
  throw DeployError(fmt::format("{} {} failed: {}", program, step, why));
}

}  // namespace

std::vector<std::string> docker_build_arguments(const ImageAsset& asset, const std::filesystem::path& directory,
                                                const std::string& local_tag) {
  std::vector<std::string> args = {"build", "--tag", local_tag};
  if (!asset.docker_file.empty()) args.insert(args.end(), {"--file", (directory / asset.docker_file).string()});
  for (const auto& [k, v] : asset.build_args) args.insert(args.end(), {"--build-arg", k + "=" + v});
  if (!asset.target.empty()) args.insert(args.end(), {"--target", asset.target});
  if (!asset.platform.empty()) args.insert(args.end(), {"--platform", asset.platform});
  if (!asset.network_mode.empty()) args.insert(args.end(), {"--network", asset.network_mode});
  if (asset.cache_disabled) args.push_back("--no-cache");
  args.push_back(directory.string());
  return args;
}

void check_image_source(const ImageAsset& asset, const std::filesystem::path& directory) {
  if (!std::filesystem::is_directory(directory)) {
    throw DeployError(fmt::format("the build directory {} does not exist", directory.string()));
  }
  std::filesystem::path file = directory / (asset.docker_file.empty() ? "Dockerfile" : asset.docker_file);
  if (!std::filesystem::is_regular_file(file)) {
    throw DeployError(fmt::format("there is no Dockerfile at {}", file.string()));
  }
}

bool publish_image(const ImageAsset& asset, const std::filesystem::path& directory, const Ecr& ecr,
                   const ImageAssetDestination& destination, const std::string& docker_program,
                   const ProgressLine& progress) {
  const std::string uri = ecr.repository_uri(destination.repository_name);
  if (ecr.has_image(destination.repository_name, destination.image_tag)) return false;
  const std::string local_tag = "cdkasset-" + asset.id;
  const std::string remote = uri + ":" + destination.image_tag;
  progress(fmt::format("building with {} build", docker_program));
  docker(docker_program, "build", docker_build_arguments(asset, directory, local_tag));
  docker(docker_program, "tag", {"tag", local_tag, remote});
  RegistryLogin login = ecr.login();
  docker(docker_program, "login", {"login", "--username", login.username, "--password-stdin", login.registry},
         login.password);
  progress(fmt::format("pushing {}", remote));
  docker(docker_program, "push", {"push", remote});
  return true;
}

}  // namespace cdk::deploy
