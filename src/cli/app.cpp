// The App's entry points into the layers above the tree: the command line
// and synthesis. Kept here, at the top, so that core knows nothing of them.
#include <cdk/app.hpp>
#include <cdk/stack.hpp>

#include "cli/run.hpp"
#include "security/rule_pack.hpp"
#include "synth/synthesizer.hpp"

namespace cdk {

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
                                             .plugins = {&detail::security::rule_pack_plugin()},
                                             .keep_templates = false});
  SynthResult result;
  result.directory = outdir.empty() ? props_.outdir : std::move(outdir);
  detail::write_assembly(assembly, result.directory);
  for (const auto& s : assembly.stacks) result.template_files.push_back(s.stack->template_path());
  result.warnings = std::move(assembly.diagnostics);
  return result;
}

}  // namespace cdk
