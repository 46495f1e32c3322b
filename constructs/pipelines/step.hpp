#pragma once
/// The steps a CDK pipeline runs: the synth step, and pre/post steps around
/// the stacks of a stage or a wave.
///
///   cdk::pipelines::ShellStep smoke{.id = "Smoke", .commands = {"curl -f \"$URL/health\""},
///                                   .env_from_cfn_outputs = {{"URL", url_output}}};
///   cdk::pipelines::ManualApprovalStep approve{.id = "Approve", .comment = "check staging first"};
///   pipeline.add_stage("Prod", {&prod}, {.pre = {approve}, .post = {smoke}});
///
/// A ShellStep runs its commands in a CodeBuild project of its own (a
/// codebuild::PipelineProject made for it), in the step input's files; a
/// ManualApprovalStep waits for someone to approve in the console.
#include <cdk/container_instances.hpp>
#include <cdk/list.hpp>
#include <cdk/ptr.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace cdk {
class CfnOutput;
}

namespace cdk::pipelines {

/// The files a ShellStep runs in.
enum class StepInput : std::uint8_t {
  Source,       ///< the pipeline's source
  SynthOutput,  ///< the cloud assembly the synth step wrote
};

struct ShellStep {
  std::string id{};                                    ///< the action's name (1-100 of [A-Za-z0-9.@_-]); required
  List<std::string> commands{};                        ///< run in order, in the input's root; required
  List<std::string> install_commands{};                ///< run before (the install phase); default none
  std::map<std::string, std::string> env{};            ///< plain environment variables; default none
  /// Variables set from the outputs of stacks the pipeline deployed before
  /// the step (in this or an earlier stage); default none.
  std::map<std::string, Ptr<CfnOutput>> env_from_cfn_outputs{};
  StepInput input = StepInput::Source;                 ///< default the source
  List<std::string> cache_paths{};                     ///< kept between builds with the pipeline's synth cache (synth step only); default none
};

struct ManualApprovalStep {
  std::string id{};       ///< the action's name; required
  std::string comment{};  ///< shown to the approver; default none
};

using Step = std::variant<ShellStep, ManualApprovalStep>;

/// What `cmake_synth` builds and runs.
struct CMakeSynthOptions {
  std::string target{};                          ///< the infra program's CMake target; required
  std::string source_dir = ".";                  ///< the CMake project, relative to the source root; default "."
  std::string program_path{};                    ///< the program, relative to the build directory; default the target's name
  std::string build_type = "Release";            ///< CMAKE_BUILD_TYPE; default Release
  std::string generator{};                       ///< e.g. "Ninja" (the image must have it); default CMake's (Makefiles)
  List<std::string> configure_args{};            ///< more `cmake -S ... -B ...` arguments; default none
  List<std::string> install_commands{};          ///< e.g. installing cdkpp's build dependencies; default none
  std::string output_directory = "cdk.out";      ///< where `synth` writes the cloud assembly; default "cdk.out"
  std::map<std::string, std::string> context{};  ///< passed to the program as `-c key=value`; default none
};

/// The build directory cmake_synth uses and caches: outside the source, at a
/// fixed path, so that a cached build (cdkpp fetched and compiled under
/// `_deps/`) is reused although CodeBuild unpacks each source elsewhere.
inline constexpr const char* cmake_synth_build_dir = "/root/.cache/cdkpp-build";
/// The fixed path cmake_synth links the source root to, for the same reason.
inline constexpr const char* cmake_synth_source_link = "/tmp/cdkpp-app";

/// The synth step of a C++ infra program: configures and builds it with CMake
/// and runs `<program> --out <dir> synth`:
///
///   ln -sfn "$CODEBUILD_SRC_DIR" /tmp/cdkpp-app
///   cmake -S /tmp/cdkpp-app/<source_dir> -B /root/.cache/cdkpp-build -DCMAKE_BUILD_TYPE=Release
///   cmake --build /root/.cache/cdkpp-build --target <target> --parallel "$(nproc)"
///   /root/.cache/cdkpp-build/<program_path> --out cdk.out [-c key=value ...] synth
///
/// with the build directory as its cache path. Throws cdk::Error without a target.
ShellStep cmake_synth(const CMakeSynthOptions& options);

/// The step's id, whichever kind it is.
[[nodiscard]] const std::string& step_id(const Step& step);

}  // namespace cdk::pipelines

CDKPP_EXTERN_VECTOR(cdk::pipelines::Step);
CDKPP_EXTERN_MAP(cdk::Ptr<cdk::CfnOutput>);
