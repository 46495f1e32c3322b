#include <cdk/codebuild/build_image.hpp>

#include <cdk/ecr/repository.hpp>

namespace cdk::codebuild {

BuildImage LinuxBuildImage::from_ecr_repository(ecr::Repository& repository, std::string_view tag) {
  return {repository.repository_uri_for_tag(tag), EnvironmentType::LinuxContainer, false, repository};
}

BuildImage LinuxArmBuildImage::from_ecr_repository(ecr::Repository& repository, std::string_view tag) {
  return {repository.repository_uri_for_tag(tag), EnvironmentType::ArmContainer, false, repository};
}

}  // namespace cdk::codebuild
