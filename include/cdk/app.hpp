#pragma once
/// The root of the tree and the program's command line.
///
///   int main(int argc, char** argv) {
///     cdk::App app(argc, argv);
///     auto& stack = app.add<cdk::Stack>("Hello");
///     ...
///     return app.run();   // synth | list | graph | validate | deploy | diff | destroy
///   }
#include <cdk/construct.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cdk {

struct AppProps {
  std::map<std::string, std::string> context{};  ///< context values; default none
  std::string outdir = "cdk.out";                 ///< where synth writes; default "cdk.out"
  bool strict = false;                            ///< warnings fail synthesis; default false
  bool path_metadata = true;                      ///< aws:cdk:path on each resource; default true
};

/// What synthesis produced, in memory.
struct SynthResult {
  std::string directory;                          ///< the cloud assembly directory
  std::vector<std::string> template_files;        ///< one per stack, relative to directory
  std::vector<Diagnostic> warnings;               ///< warnings and infos that did not fail
};

class App : public Construct {
 public:
  App() : App(AppProps{}) {}
  explicit App(AppProps props);
  /// Reads context from cdkpp.json, CDK_CONTEXT_JSON and -c key=value in argv
  /// right away, so constructs can ask for it while the tree is built.
  App(int argc, char** argv);
  ~App() override;

  /// Runs the command line given to the constructor; returns the exit code.
  int run();
  /// Runs a command line (argv[0] is the program name).
  int run(int argc, const char* const* argv);

  /// Validates and writes the cloud assembly to `outdir` (empty: the props'
  /// outdir). Throws cdk::SynthError, and writes nothing, on errors.
  SynthResult synth(std::string outdir = {});

  /// A context value: -c key=value, CDK_CONTEXT_JSON, cdkpp.json or AppProps.
  [[nodiscard]] std::optional<std::string> context(std::string_view key) const {
    return node().try_get_context(key);
  }
  [[nodiscard]] std::string context_or(std::string_view key, std::string fallback) const {
    return context(key).value_or(std::move(fallback));
  }
  /// A switch: "true" or "false" (`-c multi_az=true`); `fallback` when unset.
  /// Anything else throws cdk::Error naming the key.
  [[nodiscard]] bool context_flag(std::string_view key, bool fallback) const;
  /// A list: "a,b,c" (spaces around items and empty items dropped), or a JSON
  /// array of strings from a context file; empty when unset.
  [[nodiscard]] std::vector<std::string> context_list(std::string_view key) const;
  /// A whole number (`-c max_tasks=4`); `fallback` when unset. Anything else
  /// throws cdk::Error naming the key.
  [[nodiscard]] std::int64_t context_int(std::string_view key, std::int64_t fallback) const;
  [[nodiscard]] const AppProps& props() const noexcept { return props_; }
  void set_strict(bool strict) noexcept { props_.strict = strict; }
  void set_outdir(std::string outdir) { props_.outdir = std::move(outdir); }

 private:
  AppProps props_;
  std::vector<std::string> args_;
};

}  // namespace cdk
