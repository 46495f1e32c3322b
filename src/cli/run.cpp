#include "cli/run.hpp"

#include "cli/commands.hpp"
#include "cli/findings_report.hpp"
#include "core/context.hpp"
#include "graph/architecture.hpp"
#include "graph/assembly_graph.hpp"
#include "graph/render.hpp"
#include "security/other_tools.hpp"
#include "security/rule_pack.hpp"
#include "security/rules.hpp"
#include "synth/stack_pattern.hpp"
#include "synth/synthesizer.hpp"

#include <cdk/app.hpp>
#include <cdk/stack.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

namespace cdk::detail {

namespace {

/// Accepted security findings (suppressed, with their reasons) and advice are the
/// security report's: `validate` prints them, the other commands only what needs attention.
void print_diagnostics(const std::vector<Diagnostic>& diags, std::ostream& err, bool with_accepted = true) {
  for (const auto& d : diags) {
    if (!with_accepted && d.level == Diagnostic::Level::Info && !d.rule.empty()) continue;
    err << d.to_string() << '\n';
  }
}

// Nested stacks deploy with their parents and are never selected on their own.
bool selects(const std::string& pattern, const StackArtifact& s) {
  if (s.stack->nested_parent() != nullptr) return false;
  return stack_pattern_selects(pattern, s.stack->node().path(), s.stack->stack_name(), s.stack->artifact_id());
}

// Stacks named on the command line (path, stack name or artifact id, with
// stack_pattern_match's wildcards: "Prod/*"); all when none.
std::vector<const StackArtifact*> select_stacks(const Assembly& a, const std::vector<std::string>& names) {
  std::vector<const StackArtifact*> out;
  for (const auto& s : a.stacks) {
    if (s.stack->nested_parent() != nullptr) continue;
    const bool wanted =
        names.empty() || std::any_of(names.begin(), names.end(), [&](const std::string& n) { return selects(n, s); });
    if (wanted) out.push_back(&s);
  }
  for (const auto& n : names) {
    const bool known = std::any_of(a.stacks.begin(), a.stacks.end(), [&](const StackArtifact& s) { return selects(n, s); });
    if (!known)
      throw Error("", fmt::format("no stack named \"{}\"", n),
                  "run the list command to see the stacks; a stage's are \"<Stage>/<Stack>\", and \"<Stage>/*\" names them all");
  }
  return out;
}

// "cdk-nag AwsSolutions-S2; checkov CKV_AWS_53 CKV_AWS_54; ...", each id once.
std::string other_tools_ids(std::string_view rule) {
  std::map<std::string, std::set<std::string>> ids;
  auto add = [&](const char* tool, std::string_view list) {
    for (std::size_t at = 0; at < list.size();) {
      const auto end = std::min(list.find(' ', at), list.size());
      if (end > at) ids[tool].emplace(list.substr(at, end - at));
      at = end + 1;
    }
  };
  for (const auto* e : security::equivalents(rule)) {
    add("cdk-nag", e->cdk_nag);
    add("cfn_nag", e->cfn_nag);
    add("checkov", e->checkov);
    add("cfn-guard", e->guard);
  }
  std::vector<std::string> parts;
  for (const auto& [tool, set] : ids) parts.push_back(fmt::format("{} {}", tool, fmt::join(set, " ")));
  return parts.empty() ? "none of cdk-nag, cfn_nag, checkov, cfn-guard" : fmt::format("{}", fmt::join(parts, "; "));
}

void print_security_rules(std::ostream& out) {
  for (const auto& r : security::rules())
    out << fmt::format("{} ({}): {}\n  why: {}\n  fix: {}\n  same finding in: {}\n", r.id,
                       security::to_string(r.severity), r.title, r.explanation, r.fix, other_tools_ids(r.id));
}

// "security: 2 finding(s) (1 high, 1 medium), 1 suppressed"
std::string security_summary(const std::vector<Diagnostic>& diags) {
  std::map<security::Severity, int> found;
  int suppressed = 0;
  for (const auto& d : diags) {
    if (d.rule.empty() || security::find_rule(d.rule) == nullptr) continue;
    if (d.level == Diagnostic::Level::Info && d.hint.empty())  // accepted: advice carries its fix
      ++suppressed;
    else
      ++found[security::find_rule(d.rule)->severity];
  }
  int total = 0;
  std::vector<std::string> parts;
  for (const auto& [severity, n] : found) {
    total += n;
    parts.push_back(fmt::format("{} {}", n, security::to_string(severity)));
  }
  std::string line = fmt::format("security: {} finding(s)", total);
  if (!parts.empty()) line += fmt::format(" ({})", fmt::join(parts, ", "));
  return line + fmt::format(", {} suppressed", suppressed);
}


// Every option of the program's own subcommands, filled in by CLI11.
struct Options {
  std::vector<std::string> context;
  bool strict = false;
  std::string outdir;
  std::vector<std::string> stacks;  // synth, list
  bool quiet = false;               // synth
  bool long_list = false;           // list
  std::string graph_out;
  std::string graph_format = "dot";
  std::string graph_view = "architecture";
  bool list_rules = false;          // validate
  std::string validate_format = "text";
  std::string validate_out;
};

struct Subcommands {
  CLI::App* synth = nullptr;
  CLI::App* list = nullptr;
  CLI::App* graph = nullptr;
  CLI::App* validate = nullptr;
};

void declare_global_options(CLI::App& cli, Options& o) {
  cli.add_option("-c,--context", o.context, "Context value KEY=VALUE (read when the program starts)");
  cli.add_flag("--strict", o.strict, "Treat warnings as errors");
  cli.add_option("-o,--out", o.outdir, "Cloud assembly directory")->capture_default_str();
}

CLI::App* declare_graph(CLI::App& cli, Options& o) {
  return add_subcommand(cli, "graph", "Draw the app: an architecture diagram or the resource graph",
                        [&o](CLI::App& cmd) {
    cmd.add_option("--out", o.graph_out, "Write to this file instead of standard output");
    cmd.add_option("--format", o.graph_format, "dot (Graphviz text), or svg / png drawn by Graphviz dot")
        ->check(CLI::IsMember({"dot", "svg", "png"}))
        ->capture_default_str();
    cmd.add_option("--view", o.graph_view,
                   "architecture (stacks, VPCs, tiers, AZs, traffic) or resources (every resource and reference)")
        ->check(CLI::IsMember({"architecture", "resources"}))
        ->capture_default_str();
  });
}

Subcommands declare_subcommands(CLI::App& cli, Options& o) {
  Subcommands s;
  s.synth = add_subcommand(cli, "synth", "Write the cloud assembly (templates, manifest.json, tree.json)",
                           [&o](CLI::App& cmd) {
                             cmd.add_option("stacks", o.stacks,
                                            "Stacks to report (path, name or id; * and ** wildcards; all are synthesized)");
                             cmd.add_flag("-q,--quiet", o.quiet, "Print nothing but problems");
                           });
  s.list = add_subcommand(cli, "list", "List the stacks in deployment order", [&o](CLI::App& cmd) {
    cmd.add_option("stacks", o.stacks, "Stacks to list (path, name or id; * and ** wildcards); default all");
    cmd.add_flag("-l,--long", o.long_list, "Show environment and dependencies");
  });
  s.list->alias("ls");
  s.graph = declare_graph(cli, o);
  s.validate = add_subcommand(cli, "validate", "Check the app and print every problem; writes nothing",
                              [&o](CLI::App& cmd) {
    cmd.add_flag("--rules", o.list_rules, "List the security rules (id, severity, what, why, fix) and exit");
    cmd.add_option("--format", o.validate_format,
                   "text (a summary), or every security finding as json or sarif (for code scanning)")
        ->check(CLI::IsMember({"text", "json", "sarif"}))
        ->capture_default_str();
    cmd.add_option("--out", o.validate_out, "Write the json or sarif report to this file instead of standard output");
  });
  return s;
}

// Context is read when the App is built (App(argc, argv)); an App built
// otherwise would silently ignore -c here and synthesize another stage.
void check_context_was_read(const App& app, const std::vector<std::string>& context) {
  for (const auto& pair : context) {
    const auto [key, value] = parse_context_pair(pair);
    if (app.context(key) != value)
      throw Error("", fmt::format("-c {} was not read by this program's App", pair),
                  "build the App from the command line: cdk::App app(argc, argv)");
  }
}

// Whether a command reads the templates as JSON (graphs, reports, cost) or
// only writes them, which lets synthesis drop each once it is checked.
enum class Templates { Keep, Drop };
using SynthesizeApp = std::function<Assembly(Templates)>;

// The synthesizers the command groups of other folders get (see commands.hpp).
void bind_synthesis(CommandContext& ctx, const SynthesizeApp& synthesize_app, const Options& o) {
  ctx.synth = [synthesize_app, &o]() -> std::filesystem::path {
    auto assembly = synthesize_app(Templates::Drop);
    write_assembly(assembly, o.outdir);
    return o.outdir;
  };
  ctx.synthesize = [synthesize_app] {
    std::vector<SynthesizedStack> stacks;
    for (auto& s : synthesize_app(Templates::Keep).stacks)
      if (s.stack->nested_parent() == nullptr)
        stacks.push_back({s.stack->node().path(), s.stack->stack_name(), s.stack->artifact_id(), s.stack->env().region,
                        std::move(s.template_json)});
    return stacks;
  };
}

void run_synth(const Assembly& assembly, const Options& o, bool as_cdk_app, std::ostream& out) {
  // Run by the AWS CDK CLI as an app: its stdout is the user's terminal.
  const bool quiet = o.quiet || as_cdk_app;
  const auto selected = select_stacks(assembly, o.stacks);
  write_assembly(assembly, o.outdir);
  if (quiet) return;
  for (const auto* s : selected)
    out << fmt::format("{}: {}\n", s->stack->node().path(),
                       (std::filesystem::path(o.outdir) / s->stack->template_path()).string());
}

void run_list(const Assembly& assembly, const Options& o, std::ostream& out) {
  for (const StackArtifact* s : select_stacks(assembly, o.stacks)) {
    out << s->stack->node().path();
    if (o.long_list) {
      out << "  " << s->stack->environment_uri();
      for (const Stack* d : s->dependencies) out << "  needs " << d->node().path();
    }
    out << '\n';
  }
}

void run_graph(const Assembly& assembly, const Options& o, std::ostream& out) {
  auto dot = o.graph_view == "resources" ? assembly_to_dot(assembly) : architecture_to_dot(assembly);
  if (o.graph_format != "dot") dot = render_with_dot(dot, o.graph_format);
  if (o.graph_out.empty()) {
    out << dot;
    return;
  }
  std::ofstream f(o.graph_out, std::ios::binary);
  f << dot;
  if (!f) throw Error("", "cannot write " + o.graph_out, "check the path");
  out << "graph: " << o.graph_out << '\n';
}

void run_validate(const Assembly& assembly, const Options& o, std::ostream& out) {
  if (o.validate_format == "text") {
    out << fmt::format("valid: {} stack(s), no errors\n", assembly.stacks.size());
    out << security_summary(assembly.diagnostics) << '\n';
    return;
  }
  const auto report = o.validate_format == "json" ? findings_json(assembly, o.outdir) : findings_sarif(assembly, o.outdir);
  if (o.validate_out.empty()) {
    out << report;
    return;
  }
  std::ofstream f(o.validate_out, std::ios::binary);
  f << report;
  if (!f) throw Error("", "cannot write " + o.validate_out, "check the path");
  out << fmt::format("validate: {} ({})\n", o.validate_out, security_summary(assembly.diagnostics));
}

// The program's own subcommands; the others ran from their CLI11 callbacks.
void dispatch(const CLI::App& cli, const Subcommands& cmd, const Options& o,
              const SynthesizeApp& synthesize_app, std::ostream& out) {
  const bool no_subcommand = cli.get_subcommands().empty();
  if (cmd.synth->parsed() || no_subcommand) {
    const bool as_cdk_app = no_subcommand && std::getenv("CDK_OUTDIR") != nullptr;
    run_synth(synthesize_app(Templates::Drop), o, as_cdk_app, out);
  } else if (cmd.list->parsed()) {
    run_list(synthesize_app(Templates::Drop), o, out);
  } else if (cmd.graph->parsed()) {
    run_graph(synthesize_app(Templates::Keep), o, out);
  } else if (cmd.validate->parsed() && o.list_rules) {
    print_security_rules(out);
  } else if (cmd.validate->parsed()) {
    run_validate(synthesize_app(Templates::Keep), o, out);
  }
}

// One line per problem and exit code 1, whatever failed.
int report_failure(std::ostream& err) {
  try {
    throw;
  } catch (const SynthError& e) {
    print_diagnostics(e.errors(), err);
    err << fmt::format("{} error(s); nothing was written\n", e.errors().size());
  } catch (const Error& e) {
    err << e.what() << '\n';
  } catch (const std::exception& e) {  // e.g. std::filesystem_error: still one line, exit 1
    err << "error: " << e.what() << '\n';
  }
  return 1;
}

}  // namespace

CLI::App* add_subcommand(CLI::App& cli, const std::string& name, const std::string& description,
                         std::function<void(CLI::App&)> declare_options) {
  CLI::App* cmd = cli.add_subcommand(name, description);
  // CLI11 calls this when it meets the subcommand, before reading its arguments.
  cmd->preparse_callback([cmd, declare = std::move(declare_options)](std::size_t) { declare(*cmd); });
  return cmd;
}

int run_cli(App& app, int argc, const char* const* argv) {
  std::ostream& out = std::cout;
  std::ostream& err = std::cerr;
  const std::string program = argc > 0 ? std::filesystem::path(argv[0]).filename().string() : "cdkpp";

  CLI::App cli{"Synthesizes, draws and deploys this program's CloudFormation stacks.", program};
  cli.require_subcommand(0, 1);
  cli.fallthrough();
  Options o;
  o.strict = app.props().strict;
  o.outdir = app.props().outdir;
  if (const char* env = std::getenv("CDK_OUTDIR")) o.outdir = env;  // run by the AWS CDK CLI
  declare_global_options(cli, o);
  const Subcommands cmd = declare_subcommands(cli, o);

  int exit_code = 0;
  const SynthesizeApp synthesize_app = [&](Templates templates) {
    app.set_strict(o.strict);
    auto assembly = synthesize(app, {.strict = o.strict,
                                     .path_metadata = app.props().path_metadata,
                                     .plugins = {&security::rule_pack_plugin()},
                                     .keep_templates = templates == Templates::Keep});
    print_diagnostics(assembly.diagnostics, err, cmd.validate->parsed());
    return assembly;
  };
  CommandContext ctx{.out = &out, .err = &err, .exit_code = &exit_code};
  bind_synthesis(ctx, synthesize_app, o);
  add_deploy_commands(cli, ctx);
  add_cost_command(cli, ctx);

  try {
    try {
      cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      return cli.exit(e, out, err);
    }
    check_context_was_read(app, o.context);
    dispatch(cli, cmd, o, synthesize_app, out);
  } catch (...) {
    return report_failure(err);
  }
  return exit_code;
}

}  // namespace cdk::detail
