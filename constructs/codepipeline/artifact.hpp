#pragma once
/// cdk::codepipeline::Artifact: files one pipeline action outputs and later
/// actions take as input, known by name within the pipeline.
///
///   cdk::codepipeline::Artifact source{"Source"}, build{"Build"};
///   ... .output = source ...  ... .input = source, .outputs = {build} ...
///   build.at_path("packaged.yaml")   // a file in it: "Build::packaged.yaml"
///
/// Unlike the AWS CDK, an artifact always has a name (no generated
/// "Artifact_<stage>_<action>"): the name is how actions meet, and a name
/// chosen by the user reads better in the console.
#include <cdk/container_instances.hpp>

#include <string>
#include <utility>

namespace cdk::codepipeline {

class Artifact;

/// A file inside an artifact.
struct ArtifactPath {
  std::string artifact_name{};  ///< required
  std::string file_name{};      ///< required
  /// "<artifact>::<file>", as CloudFormation and ECS actions name a file.
  [[nodiscard]] std::string location() const { return artifact_name + "::" + file_name; }
};

class Artifact {
 public:
  Artifact() = default;
  /// 1-100 letters, digits, '_' and '-' (checked when an action uses it).
  explicit Artifact(std::string name) : name_(std::move(name)) {}

  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] bool empty() const noexcept { return name_.empty(); }
  [[nodiscard]] ArtifactPath at_path(std::string file_name) const { return {name_, std::move(file_name)}; }
  friend bool operator==(const Artifact&, const Artifact&) = default;

 private:
  std::string name_;
};

}  // namespace cdk::codepipeline

CDKPP_EXTERN_VECTOR(cdk::codepipeline::Artifact);
