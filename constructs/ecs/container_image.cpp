#include <cdk/ecr/repository.hpp>
#include <cdk/ecs/container_image.hpp>

namespace cdk::ecs {

ContainerImage ContainerImage::from_ecr_repository(const ecr::Repository& repository, std::string tag) {
  if (tag.empty()) tag = "latest";
  return ContainerImage(repository.repository_uri_for_tag(tag), repository.repository_arn());
}

}  // namespace cdk::ecs
