#include <cdk/docker_image_asset.hpp>
#include <cdk/ecr/repository.hpp>
#include <cdk/ecs/container_image.hpp>

namespace cdk::ecs {

ContainerImage ContainerImage::from_ecr_repository(const ecr::Repository& repository, std::string tag) {
  if (tag.empty()) tag = "latest";
  return ContainerImage(repository.repository_uri_for_tag(tag), repository.repository_arn());
}

ContainerImage ContainerImage::from_asset(std::string directory, AssetImageProps props) {
  ContainerImage image;
  image.asset_.emplace(std::move(directory), std::move(props));
  return image;
}

ContainerImage ContainerImage::bind(Construct& scope) const {
  if (!asset_) return *this;
  const auto& [directory, p] = *asset_;
  auto& asset = scope.add<DockerImageAsset>("AssetImage", DockerImageAssetProps{.directory = directory,
                                                                               .file = p.file,
                                                                               .build_args = p.build_args,
                                                                               .target = p.target,
                                                                               .platform = p.platform,
                                                                               .exclude = p.exclude});
  return ContainerImage(asset.image_uri(), asset.repository_arn());
}

}  // namespace cdk::ecs
