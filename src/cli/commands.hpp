#pragma once
// Internal contract between the command line's driver (run.cpp) and its
// command groups (deploy_commands.cpp, cost_command.cpp), all in src/cli. The
// groups adapt plain functions of the lower layers (deploy/operations.hpp,
// cost/command.hpp) to CLI11. Not a public header.
#include "synth/resolve.hpp"

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace cdk::detail {

/// One stack of the app, synthesized in memory.
struct SynthesizedStack {
  std::string path;           ///< construct path
  std::string name;           ///< stack name
  std::string artifact_id;    ///< cloud assembly artifact id
  std::string region;         ///< empty when environment-agnostic
  Json template_json;         ///< the template, as synthesis made it
};

/// What a command group gets from the program it runs in.
struct CommandContext {
  /// Synthesizes the whole app into the output directory (--out, default cdk.out)
  /// and returns that directory, which then holds manifest.json and the
  /// templates. On bad input it prints the errors and throws cdk::SynthError;
  /// nothing is written then.
  std::function<std::filesystem::path()> synth;
  /// Synthesizes the whole app in memory, writing nothing, and returns its
  /// stacks in deployment order (warnings printed; bad input throws
  /// cdk::SynthError).
  std::function<std::vector<SynthesizedStack>()> synthesize;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  /// The process exit code; a command's callback sets it (0 ok, 1 failure).
  int* exit_code = nullptr;
};

/// Adds a subcommand whose options `declare_options` declares only when the
/// subcommand is on the command line (its --help included). Declaring every
/// subcommand's options cost each run of a program more than synthesizing a
/// small app's tree.json; a run uses one subcommand.
CLI::App* add_subcommand(CLI::App& cli, const std::string& name, const std::string& description,
                         std::function<void(CLI::App&)> declare_options);

/// Adds deploy, diff, drift, destroy, rollback, import, publish-assets and bootstrap (deploy_commands.cpp).
void add_deploy_commands(CLI::App& cli, CommandContext& ctx);

/// Adds cost (cost_command.cpp).
void add_cost_command(CLI::App& cli, CommandContext& ctx);

}  // namespace cdk::detail
