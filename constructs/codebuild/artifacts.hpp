#pragma once
/// Where a Project puts what it built.
///
///   .artifacts = cdk::codebuild::Artifacts::s3({.bucket = releases, .name = "engine.zip"})
///
/// A PipelineProject's artifacts are the CodePipeline action's outputs; a
/// Project's default is none.
#include <cdk/ptr.hpp>

#include <string>
#include <utility>

namespace cdk::s3 {
class Bucket;
}

namespace cdk::codebuild {

struct S3ArtifactsProps {
  Ptr<s3::Bucket> bucket{};        ///< required
  std::string path{};              ///< key prefix; default the bucket's root
  std::string name{};              ///< file or folder name; required
  bool package_zip = true;         ///< one .zip; default true
  bool include_build_id = true;    ///< a folder per build id; default true
  bool encryption = true;          ///< encrypt with the project's key; default true
};

class Artifacts {
 public:
  enum class Kind { None, CodePipeline, S3 };

  Artifacts() = default;
  static Artifacts none() { return {}; }
  static Artifacts s3(S3ArtifactsProps props) {
    Artifacts a;
    a.kind_ = Kind::S3;
    a.s3_ = std::move(props);
    return a;
  }
  static Artifacts code_pipeline() {
    Artifacts a;
    a.kind_ = Kind::CodePipeline;
    return a;
  }

  [[nodiscard]] Kind kind() const noexcept { return kind_; }
  [[nodiscard]] const S3ArtifactsProps& s3_props() const noexcept { return s3_; }

 private:
  Kind kind_ = Kind::None;
  S3ArtifactsProps s3_;
};

}  // namespace cdk::codebuild
