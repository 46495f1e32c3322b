#pragma once
// Runs the deploy subcommands the way a user program's CLI does: a CLI11 app
// with add_deploy_commands, whose synth() returns a prepared assembly.
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace cdk::deploy::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Both streams of a run, for a failed assertion's message.
inline std::string explain(const CliResult& r) { return "stdout:\n" + r.out + "\nstderr:\n" + r.err; }

inline CliResult run_cli(const std::filesystem::path& assembly, std::vector<std::string> args) {
  CLI::App app{"test program"};
  app.require_subcommand(1);
  std::ostringstream out, err;
  CliResult result;
  cdk::detail::CommandContext ctx;
  ctx.synth = [assembly] { return assembly; };
  ctx.out = &out;
  ctx.err = &err;
  ctx.exit_code = &result.exit_code;
  cdk::detail::add_deploy_commands(app, ctx);
  args.insert(args.begin(), "prog");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    result.exit_code = app.exit(e, out, err);
  }
  result.out = out.str();
  result.err = err.str();
  return result;
}

/// Points the AWS chain of this process at test values only: fixed keys, a home
/// without ~/.aws, us-east-1, no endpoint overrides from the outside.
inline void isolate_aws_environment(const std::filesystem::path& home, bool with_keys = true) {
  for (const char* v : {"AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_CLOUDFORMATION",
                        "AWS_ENDPOINT_URL_S3", "AWS_SESSION_TOKEN", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE",
                        "AWS_DEFAULT_REGION"}) {
    ::unsetenv(v);
  }
  ::setenv("HOME", home.c_str(), 1);
  ::setenv("AWS_REGION", "us-east-1", 1);
  if (with_keys) {
    ::setenv("AWS_ACCESS_KEY_ID", "AKIDMOTOTEST", 1);
    ::setenv("AWS_SECRET_ACCESS_KEY", "moto-secret-not-shown", 1);
  } else {
    ::unsetenv("AWS_ACCESS_KEY_ID");
    ::unsetenv("AWS_SECRET_ACCESS_KEY");
  }
}

}  // namespace cdk::deploy::testing
