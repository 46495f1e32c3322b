#include <cdk/app.hpp>
#include <cdk/stack.hpp>

#include "cli/run.hpp"
#include "security/rule_pack.hpp"
#include "synth/synthesizer.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>

namespace cdk {

namespace {

constexpr const char* kContextFile = "cdkpp.json";

std::string context_text(const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

void load_context_json(App& app, const nlohmann::json& object) {
  if (!object.is_object()) return;
  for (const auto& [k, v] : object.items()) app.node().set_context(k, context_text(v));
}

// The App is built before run() parses the command line, so context values
// that constructs read while the tree is built are taken from argv here.
void load_context(App& app, const std::vector<std::string>& args) {
  if (std::ifstream f(kContextFile); f) {
    auto doc = nlohmann::json::parse(f, nullptr, false);
    if (doc.is_discarded())
      throw Error("", std::string(kContextFile) + " is not valid JSON", "fix or remove the file");
    if (doc.contains("context")) load_context_json(app, doc["context"]);
  }
  if (const char* env = std::getenv("CDK_CONTEXT_JSON")) {  // set by the AWS CDK CLI
    auto doc = nlohmann::json::parse(env, nullptr, false);
    if (!doc.is_discarded()) load_context_json(app, doc);
  }
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::string pair;
    const std::string& a = args[i];
    if ((a == "-c" || a == "--context") && i + 1 < args.size())
      pair = args[++i];
    else if (a.rfind("--context=", 0) == 0)
      pair = a.substr(10);
    else if (a.rfind("-c", 0) == 0 && a.size() > 2)
      pair = a.substr(2);
    else
      continue;
    auto eq = pair.find('=');
    if (eq == std::string::npos || eq == 0)
      throw Error("", "context must be given as -c key=value, got \"" + pair + "\"", "write -c key=value");
    app.node().set_context(pair.substr(0, eq), pair.substr(eq + 1));
  }
}

// An error found while the tree is built (a duplicate id, say) is thrown from
// the user's main before run(); print it as one line instead of an abort.
void install_terminate_handler() {
  static std::terminate_handler previous = std::set_terminate([] {
    if (auto e = std::current_exception()) {
      try {
        std::rethrow_exception(e);
      } catch (const Error& err) {
        std::fprintf(stderr, "%s\n", err.what());
        std::_Exit(1);
      } catch (const SynthError& err) {
        std::fprintf(stderr, "%s\n", err.what());
        std::_Exit(1);
      } catch (...) {
      }
    }
    if (previous) previous();
    std::abort();
  });
}

}  // namespace

App::App(AppProps props) : Construct(RootTag{}), props_(std::move(props)) {
  install_terminate_handler();
  for (const auto& [k, v] : props_.context) node().set_context(k, v);
}

App::App(int argc, char** argv) : Construct(RootTag{}) {
  install_terminate_handler();
  for (int i = 0; i < argc; ++i) args_.emplace_back(argv[i]);
  load_context(*this, args_);
}

App::~App() = default;

int App::run() {
  std::vector<const char*> argv;
  for (const auto& a : args_) argv.push_back(a.c_str());
  if (argv.empty()) argv.push_back("cdkpp");
  return run(static_cast<int>(argv.size()), argv.data());
}

int App::run(int argc, const char* const* argv) { return detail::run_cli(*this, argc, argv); }

SynthResult App::synth(std::string outdir) {
  auto assembly = detail::synthesize(*this, {.strict = props_.strict,
                                             .path_metadata = props_.path_metadata,
                                             .plugins = {&detail::security::rule_pack_plugin()}});
  SynthResult result;
  result.directory = outdir.empty() ? props_.outdir : std::move(outdir);
  detail::write_assembly(assembly, result.directory);
  for (const auto& s : assembly.stacks) result.template_files.push_back(s.stack->template_file());
  result.warnings = std::move(assembly.diagnostics);
  return result;
}

}  // namespace cdk
