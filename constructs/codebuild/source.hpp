#pragma once
/// Where a Project's source comes from.
///
///   .source = cdk::codebuild::Source::s3({.bucket = sources, .path = "app/source.zip"})
///   .source = cdk::codebuild::Source::git_hub({.owner = "acme", .repo = "engine", .webhook = true})
///
/// A PipelineProject's source is the CodePipeline action's input artifact; a
/// Project without a source needs a BuildSpec::from_object. GitHub needs the
/// account's CodeBuild source credentials for GitHub (an OAuth connection or a
/// token, set up once per account and region outside this app).
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <string>

namespace cdk::s3 {
class Bucket;
}

namespace cdk::codebuild {

struct S3SourceProps {
  Ptr<s3::Bucket> bucket{};   ///< required
  std::string path{};         ///< key of the .zip (or folder "dir/"); required
  std::string version{};      ///< S3 object version; default the latest
};

struct GitHubSourceProps {
  std::string owner{};                          ///< user or organization; required
  std::string repo{};                           ///< repository name; required
  std::string branch_or_ref{};                  ///< branch, tag or commit built by default; default the repository's default branch
  Optional<std::int64_t> clone_depth{};         ///< 0 (full) or more commits; default not set (CodeBuild: full)
  bool fetch_submodules = false;                ///< default false
  bool report_build_status = true;              ///< build status on commits; default true (as the AWS CDK)
  bool webhook = false;                         ///< build on every push and pull request; default false
};

class Source {
 public:
  enum class Kind { None, CodePipeline, S3, GitHub };

  Source() = default;
  static Source none() { return {}; }
  static Source s3(S3SourceProps props);
  static Source git_hub(GitHubSourceProps props);
  /// The CodePipeline action's input (what a PipelineProject has).
  static Source code_pipeline();

  [[nodiscard]] Kind kind() const noexcept { return kind_; }
  [[nodiscard]] const S3SourceProps& s3_props() const noexcept { return s3_; }
  [[nodiscard]] const GitHubSourceProps& git_hub_props() const noexcept { return git_hub_; }
  /// CloudFormation's Source Type: NO_SOURCE, CODEPIPELINE, S3, GITHUB.
  [[nodiscard]] std::string type_name() const;
  /// Build badges exist for GitHub sources only (of those supported here).
  [[nodiscard]] bool supports_badge() const noexcept { return kind_ == Kind::GitHub; }

 private:
  Kind kind_ = Kind::None;
  S3SourceProps s3_;
  GitHubSourceProps git_hub_;
};

}  // namespace cdk::codebuild
