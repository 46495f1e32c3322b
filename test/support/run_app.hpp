#pragma once
// Runs a program's command line, in-process or as a built program, for tests
// of the CLI.
#include <cdk/app.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace cdk::testing {

struct RunResult {
  int code = -1;
  std::string out;  ///< what the command printed on std::cout
  std::string err;  ///< and on std::cerr
};

/// `app.run` with `args` after the program name, capturing std::cout and std::cerr.
inline RunResult run(App& app, std::vector<std::string> args) {
  args.insert(args.begin(), "prog");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out;
  std::ostringstream err;
  struct Restore {
    std::streambuf* o;
    std::streambuf* e;
    ~Restore() {
      std::cout.rdbuf(o);
      std::cerr.rdbuf(e);
    }
  } restore{std::cout.rdbuf(out.rdbuf()), std::cerr.rdbuf(err.rdbuf())};
  RunResult r;
  r.code = app.run(static_cast<int>(argv.size()), argv.data());
  r.out = out.str();
  r.err = err.str();
  return r;
}

/// Runs the built `program` with `args` (shell words) in `cwd`, without the
/// AWS CDK CLI's environment (CDK_OUTDIR, CDK_CONTEXT_JSON), capturing its
/// standard output and error.
inline RunResult run_program(const std::string& program, const std::filesystem::path& cwd, const std::string& args) {
  const auto out = cwd / ".stdout";
  const auto err = cwd / ".stderr";
  const std::string cmd = "cd '" + cwd.string() + "' && env -u CDK_OUTDIR -u CDK_CONTEXT_JSON '" + program + "' " +
                          args + " >'" + out.string() + "' 2>'" + err.string() + "'";
  const int status = std::system(cmd.c_str());
  auto slurp = [](const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
  };
  RunResult r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return r;
}

}  // namespace cdk::testing
