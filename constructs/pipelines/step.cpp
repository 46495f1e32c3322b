#include <cdk/pipelines/step.hpp>

#include <cdk/error.hpp>

namespace cdk::pipelines {

namespace {

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

}  // namespace

ShellStep cmake_synth(const CMakeSynthOptions& o) {
  if (o.target.empty())
    throw Error("cmake_synth", "no CMake target to build", "set .target to the infra program's target (cdkpp_app(<target>))");
  const std::string build = cmake_synth_build_dir;
  std::string configure = "cmake -S " + quoted(std::string(cmake_synth_source_link) + "/" + o.source_dir) + " -B " + build +
                          " -DCMAKE_BUILD_TYPE=" + o.build_type;
  if (!o.generator.empty()) configure += " -G " + quoted(o.generator);
  for (const auto& a : o.configure_args) configure += " " + a;
  const auto program = o.program_path.empty() ? o.target : o.program_path;
  std::string synth = build + "/" + program + " --out " + quoted(o.output_directory);
  for (const auto& [key, value] : o.context) synth += " -c " + quoted(key + "=" + value);
  return ShellStep{
      .id = "Synth",
      .commands = {"ln -sfn \"$CODEBUILD_SRC_DIR\" " + std::string(cmake_synth_source_link), configure,
                   "cmake --build " + build + " --target " + o.target + " --parallel \"$(nproc)\"",
                   synth + " synth"},
      .install_commands = o.install_commands,
      .cache_paths = {build + "/**/*"}};
}

const std::string& step_id(const Step& step) {
  return std::visit([](const auto& s) -> const std::string& { return s.id; }, step);
}

}  // namespace cdk::pipelines
