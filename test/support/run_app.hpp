#pragma once
// Runs a program's command line in-process, for tests of the CLI.
#include <cdk/app.hpp>

#include <iostream>
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

}  // namespace cdk::testing
