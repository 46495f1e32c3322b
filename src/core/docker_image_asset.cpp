#include <cdk/bootstrap.hpp>
#include <cdk/docker_image_asset.hpp>
#include <cdk/error.hpp>
#include <cdk/stack.hpp>

#include "core/asset_files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace cdk {

namespace {

constexpr std::string_view kDefaultDockerfile = "Dockerfile";

std::string repository_text(const Construct& c) {
  const Stack& stack = Stack::of(c);
  return bootstrap::specialize(bootstrap::container_assets_repository(stack.bootstrap_qualifier()), stack);
}

// The build options, in a fixed order: a different option builds another image.
std::string options_text(const DockerImageAssetProps& p, const std::string& file) {
  std::string out = "docker\nfile=" + file + "\ntarget=" + p.target + "\nplatform=" + p.platform + "\n";
  for (const auto& [k, v] : p.build_args) out += "arg=" + k + "=" + v + "\n";
  return out;
}

}  // namespace

DockerImageAsset::DockerImageAsset(Construct& scope, std::string_view id, const DockerImageAssetProps& props)
    : Construct(scope, id), props_(std::move(props)) {
  const std::string path = node().path();
  if (props_.directory.empty()) throw Error(path, "the image asset has no directory", "set .directory to the build context");
  std::error_code ec;
  const auto absolute = std::filesystem::absolute(props_.directory, ec).lexically_normal();
  source_ = absolute.string();
  if (!std::filesystem::is_directory(absolute, ec))
    throw Error(path, fmt::format("image asset directory {} does not exist or is not a directory", source_),
                "give the directory that holds the Dockerfile");
  const std::string file = props_.file.empty() ? std::string(kDefaultDockerfile) : props_.file;
  if (!std::filesystem::is_regular_file(absolute / file, ec))
    throw Error(path, fmt::format("no Dockerfile at {}", (absolute / file).lexically_normal().string()),
                "add it, or set .file to the Dockerfile's path inside the directory");
  files_ = detail::list_asset_files(absolute, props_.exclude, path);
  const std::string rel = std::filesystem::path(file).lexically_normal().generic_string();
  if (std::none_of(files_.begin(), files_.end(), [&](const auto& f) { return f.relative == rel; }))
    throw Error(path, fmt::format("the Dockerfile {} is left out by the exclude patterns or is outside the directory", file),
                "keep the Dockerfile inside the directory and out of .exclude");
  (void)Stack::of(*this).bootstrap_qualifier();
  hash_ = detail::asset_fingerprint(files_, options_text(props_, rel), path);
}

DockerImageAsset::~DockerImageAsset() = default;

std::string DockerImageAsset::staged_name() const { return "asset." + hash_; }

Value DockerImageAsset::repository_name() const { return bootstrap::cfnify(repository_text(*this)); }

Value DockerImageAsset::image_uri() const {
  const Stack& stack = Stack::of(*this);
  return bootstrap::cfnify(bootstrap::specialize("${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/", stack) +
                           repository_text(*this) + ":" + hash_);
}

Value DockerImageAsset::repository_arn() const {
  const Stack& stack = Stack::of(*this);
  return bootstrap::cfnify(bootstrap::specialize("arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/", stack) +
                           repository_text(*this));
}

}  // namespace cdk
