#pragma once
/// cdk::pipelines::CodePipelineSource: where a CDK pipeline reads the app's
/// source, as the first stage of the pipeline.
///
///   auto source = cdk::pipelines::CodePipelineSource::connection("acme/infra", "main", {
///       .connection_arn = "arn:aws:codestar-connections:eu-west-1:123456789012:connection/..."});
///   auto drop = cdk::pipelines::CodePipelineSource::s3(bucket, "infra/source.zip");
///
/// As in the AWS CDK, a connection source's action is named "<owner>_<repo>"
/// and its output artifact "<owner>_<repo>_Source" (characters CodePipeline
/// refuses become '_'); an S3 source's action is named after the bucket's
/// construct id.
#include <cdk/codepipeline_actions/s3_source_action.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <string>

namespace cdk::codepipeline {
class Artifact;
class Stage;
}  // namespace cdk::codepipeline
namespace cdk::s3 {
class Bucket;
}

namespace cdk::pipelines {

struct ConnectionSourceOptions {
  Value connection_arn{};                ///< a CodeStar connection's ARN; required
  Optional<bool> trigger_on_push{};      ///< start on pushes to the branch; default not set (CodePipeline: true)
  bool code_build_clone_output = false;  ///< a Git clone reference instead of a .zip (full history in builds); default false
  std::string action_name{};             ///< default "<owner>_<repo>"
};

struct S3SourceOptions {
  codepipeline_actions::S3Trigger trigger = codepipeline_actions::S3Trigger::Poll;  ///< default Poll, like the AWS CDK
  std::string action_name{};  ///< default the bucket's construct id
};

class CodePipelineSource {
 public:
  enum class Kind : std::uint8_t { Connection, S3 };

  /// A GitHub, GitLab or Bitbucket repository ("owner/repo") through a CodeStar
  /// connection. Throws cdk::Error for a repo string without exactly one '/'
  /// or an empty branch or connection.
  static CodePipelineSource connection(std::string repo_string, std::string branch, ConnectionSourceOptions options);
  /// A .zip object in a versioned bucket.
  static CodePipelineSource s3(s3::Bucket& bucket, std::string object_key, S3SourceOptions options = {});

  [[nodiscard]] Kind kind() const noexcept { return kind_; }
  /// The source action's name.
  [[nodiscard]] std::string action_name() const;
  /// The output artifact's name.
  [[nodiscard]] std::string artifact_name() const;
  /// Adds the source action to `stage`, writing `output`.
  void add_to(codepipeline::Stage& stage, const codepipeline::Artifact& output) const;

  friend bool operator==(const CodePipelineSource& a, const CodePipelineSource& b) {
    return a.kind_ == b.kind_ && a.owner_ == b.owner_ && a.repo_ == b.repo_ && a.branch_ == b.branch_ &&
           a.bucket_ == b.bucket_ && a.key_ == b.key_;
  }

 private:
  CodePipelineSource() = default;

  Kind kind_ = Kind::Connection;
  std::string owner_, repo_, branch_;
  ConnectionSourceOptions connection_{};
  Ptr<s3::Bucket> bucket_{};
  std::string key_;
  S3SourceOptions s3_{};
};

}  // namespace cdk::pipelines
