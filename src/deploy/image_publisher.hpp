#pragma once
// Publishes one container image asset to one ECR destination with the docker
// command line (or podman, finch: any program that takes docker's arguments):
// skipped when the tag is already in the repository, else build, tag, login,
// push. The registry password goes to `login --password-stdin` on standard
// input, never on a command line.
#include <filesystem>
#include <string>
#include <vector>

#include "deploy/asset_manifest.hpp"
#include "deploy/ecr.hpp"
#include "deploy/file_publisher.hpp"

namespace cdk::deploy {

/// The image asset's build, as docker arguments: build --tag <local> [--file F]
/// [--build-arg K=V]... [--target T] [--platform P] [--network N] [--no-cache] <directory>.
std::vector<std::string> docker_build_arguments(const ImageAsset& asset, const std::filesystem::path& directory,
                                                const std::string& local_tag);

/// Throws DeployError when the build directory or its Dockerfile is missing.
void check_image_source(const ImageAsset& asset, const std::filesystem::path& directory);

/// Returns true when it pushed, false when the tag was there. Throws
/// DeployError with the failing docker step and its last output line.
bool publish_image(const ImageAsset& asset, const std::filesystem::path& directory, const Ecr& ecr,
                   const ImageAssetDestination& destination, const std::string& docker_program,
                   const ProgressLine& progress);

}  // namespace cdk::deploy
