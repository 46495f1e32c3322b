#pragma once
// Internal contract between the command line (src/cli) and the command groups
// that live in other folders (src/deploy). Not a public header.
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace cdk::detail {

/// What a command group gets from the program it runs in.
struct CommandContext {
  /// Synthesizes the whole app into the output directory (--out, default cdk.out)
  /// and returns that directory, which then holds manifest.json and the
  /// templates. On bad input it prints the errors and throws cdk::SynthError;
  /// nothing is written then.
  std::function<std::filesystem::path()> synth;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  /// The process exit code; a command's callback sets it (0 ok, 1 failure).
  int* exit_code = nullptr;
};

/// Adds deploy, diff, destroy and bootstrap (src/deploy/commands.cpp).
void add_deploy_commands(CLI::App& cli, CommandContext& ctx);

}  // namespace cdk::detail
