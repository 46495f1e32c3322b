#pragma once
// Runs an external program (docker, podman, finch) without a shell: arguments
// are passed as they are, secrets go through standard input only.
#include <filesystem>
#include <string>
#include <vector>

namespace cdk::deploy {

struct ProcessResult {
  int exit_code = -1;   ///< 127 when the program could not be started
  std::string output;   ///< standard output and standard error, interleaved

  [[nodiscard]] bool ok() const noexcept { return exit_code == 0; }
  /// The last non-empty line of the output, for one-line error messages.
  [[nodiscard]] std::string last_line() const;
};

/// Runs `argv` (argv[0] looked up on PATH), writes `input` to its standard
/// input and closes it, and waits for it to end. Throws DeployError only when
/// the pipes cannot be made; a program that is missing gives exit code 127.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = {},
                          const std::filesystem::path& working_dir = {});

}  // namespace cdk::deploy
