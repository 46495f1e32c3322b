#pragma once
/// cdk::codebuild::BuildSpec: the commands a build runs, typed, or the name of
/// a buildspec file in the source.
///
///   auto spec = cdk::codebuild::BuildSpec::from_object({
///       .env_variables = {{"CMAKE_BUILD_PARALLEL_LEVEL", "4"}},
///       .install = {.commands = {"apt-get install -y ninja-build"}},
///       .build = {.commands = {"cmake -S . -B build -G Ninja", "cmake --build build"}},
///       .post_build = {.commands = {"ctest --test-dir build --output-junit junit.xml"}},
///       .artifact_files = {"**/*"}, .artifact_base_directory = "build/dist",
///       .reports = {{"unit", {.files = {"build/junit.xml"}, .file_format = "JUNITXML"}}},
///       .cache_paths = {"/root/.cache/**/*"}});
///
/// from_object renders the spec as JSON text (indented by two spaces, as the
/// AWS CDK's BuildSpec.fromObject does), which CodeBuild reads as YAML; a
/// value that is a token (a report group's ARN, a bucket's name) becomes an
/// Fn::Join around it. Keys are written in the order of the buildspec
/// reference: https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html
#include <cdk/container_instances.hpp>
#include <cdk/list.hpp>
#include <cdk/value.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cdk::codebuild {

/// One phase of a build.
struct BuildPhase {
  List<std::string> commands{};         ///< run in order; default none (phase left out)
  List<std::string> finally{};          ///< run even when a command failed; default none
  std::string on_failure{};             ///< "ABORT" or "CONTINUE"; default not set (CodeBuild: ABORT)
};

/// A test or coverage report the build writes.
struct BuildSpecReport {
  List<std::string> files{};          ///< globs of report files; required
  std::string base_directory{};       ///< default the build's working directory
  std::string file_format{};          ///< e.g. "JUNITXML", "CUCUMBERJSON", "CLOVERXML"; default not set (CodeBuild: JUNITXML)
};

struct BuildSpecProps {
  std::string version = "0.2";                                   ///< "0.2" (or the older "0.1"); default "0.2"
  std::string env_shell{};                                       ///< e.g. "bash"; default not set (CodeBuild: sh)
  std::map<std::string, Value> env_variables{};                  ///< plain variables; default none
  std::map<std::string, std::string> env_parameter_store{};      ///< variable -> SSM parameter name; default none
  std::map<std::string, std::string> env_secrets_manager{};      ///< variable -> "secret-id:json-key:..."; default none
  List<std::string> env_exported_variables{};                    ///< variables later pipeline actions may read; default none
  std::map<std::string, std::string> runtime_versions{};         ///< install phase runtimes, e.g. {"python", "3.12"}; default none
  BuildPhase install{};                                          ///< default empty
  BuildPhase pre_build{};                                        ///< default empty
  BuildPhase build{};                                            ///< default empty
  BuildPhase post_build{};                                       ///< default empty
  List<std::pair<Value, BuildSpecReport>> reports{};             ///< report group name or ARN -> report; default none
  List<std::string> artifact_files{};                            ///< globs of the output artifact; default none (no artifacts section)
  std::string artifact_base_directory{};                         ///< with artifact_files; default the working directory
  std::string artifact_name{};                                   ///< with artifact_files; default not set
  bool artifact_discard_paths = false;                           ///< flatten the artifact's paths; default false
  List<std::string> cache_paths{};                               ///< kept between builds (with a project cache); default none
};

class BuildSpec {
 public:
  enum class Kind { None, Object, Filename };

  /// No buildspec: the source's buildspec.yml is used (a source is needed).
  BuildSpec() = default;
  /// A spec written into the template.
  static BuildSpec from_object(BuildSpecProps props);
  /// A buildspec file in the source, e.g. "ci/buildspec.yml".
  static BuildSpec from_source_filename(std::string filename);

  [[nodiscard]] Kind kind() const noexcept { return kind_; }
  /// True when the spec is written into the template (from_object).
  [[nodiscard]] bool is_immediate() const noexcept { return kind_ == Kind::Object; }
  [[nodiscard]] const BuildSpecProps& props() const noexcept { return props_; }
  [[nodiscard]] const std::string& filename() const noexcept { return filename_; }

  /// Throws cdk::Error naming `path` for a spec CodeBuild would refuse or that does nothing.
  void check(const std::string& path) const;
  /// What the BuildSpec property holds: JSON text (maybe an Fn::Join), the file name, or null.
  [[nodiscard]] Value render() const;
  /// The spec as maps and lists, before it becomes text. A report keyed by a
  /// token gets the key "\x01<n>" and the token goes to (*key_tokens)[n].
  [[nodiscard]] Value to_value(std::vector<Value>* key_tokens) const;

 private:
  Kind kind_ = Kind::None;
  BuildSpecProps props_;
  std::string filename_;
};

}  // namespace cdk::codebuild

CDKPP_EXTERN_VECTOR(std::pair<cdk::Value, cdk::codebuild::BuildSpecReport>);
