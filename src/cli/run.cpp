#include "cli/run.hpp"

#include "cli/commands.hpp"
#include "graph/architecture.hpp"
#include "graph/assembly_graph.hpp"
#include "graph/render.hpp"
#include "security/rule_pack.hpp"
#include "security/rules.hpp"
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

namespace cdk::detail {

namespace {

void print_diagnostics(const std::vector<Diagnostic>& diags, std::ostream& err) {
  for (const auto& d : diags) err << d.to_string() << '\n';
}

// Stacks named on the command line, by path or stack name; all when none.
std::vector<const StackArtifact*> select_stacks(const Assembly& a, const std::vector<std::string>& names) {
  std::vector<const StackArtifact*> out;
  for (const auto& s : a.stacks) {
    const bool wanted = names.empty() || std::any_of(names.begin(), names.end(), [&](const std::string& n) {
                          return n == s.stack->node().path() || n == s.stack->stack_name() ||
                                 n == s.stack->artifact_id();
                        });
    if (wanted) out.push_back(&s);
  }
  for (const auto& n : names) {
    const bool known = std::any_of(a.stacks.begin(), a.stacks.end(), [&](const StackArtifact& s) {
      return n == s.stack->node().path() || n == s.stack->stack_name() || n == s.stack->artifact_id();
    });
    if (!known) throw Error("", fmt::format("no stack named \"{}\"", n), "run the list command to see the stacks");
  }
  return out;
}

void print_security_rules(std::ostream& out) {
  for (const auto& r : security::rules())
    out << fmt::format("{} ({}): {}\n  why: {}\n  fix: {}\n", r.id, security::to_string(r.severity), r.title,
                       r.explanation, r.fix);
}

// "security: 2 finding(s) (1 high, 1 medium), 1 suppressed"
std::string security_summary(const std::vector<Diagnostic>& diags) {
  std::map<security::Severity, int> found;
  int suppressed = 0;
  for (const auto& d : diags) {
    if (d.rule.empty() || security::find_rule(d.rule) == nullptr) continue;
    if (d.level == Diagnostic::Level::Info)
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

  std::vector<std::string> context;
  bool strict = app.props().strict;
  std::string outdir = app.props().outdir;
  if (const char* env = std::getenv("CDK_OUTDIR")) outdir = env;  // run by the AWS CDK CLI
  cli.add_option("-c,--context", context, "Context value KEY=VALUE (read when the program starts)");
  cli.add_flag("--strict", strict, "Treat warnings as errors");
  cli.add_option("-o,--out", outdir, "Cloud assembly directory")->capture_default_str();

  std::vector<std::string> stacks;
  bool quiet = false;
  auto* synth = add_subcommand(cli, "synth", "Write the cloud assembly (templates, manifest.json, tree.json)",
                               [&](CLI::App& cmd) {
                                 cmd.add_option("stacks", stacks, "Stacks to report (all are synthesized)");
                                 cmd.add_flag("-q,--quiet", quiet, "Print nothing but problems");
                               });

  bool long_list = false;
  auto* list = add_subcommand(cli, "list", "List the stacks in deployment order", [&](CLI::App& cmd) {
    cmd.add_flag("-l,--long", long_list, "Show environment and dependencies");
  });
  list->alias("ls");

  std::string graph_out;
  std::string graph_format = "dot";
  std::string graph_view = "architecture";
  auto* graph = add_subcommand(cli, "graph", "Draw the app: an architecture diagram or the resource graph",
                               [&](CLI::App& cmd) {
    cmd.add_option("--out", graph_out, "Write to this file instead of standard output");
    cmd.add_option("--format", graph_format, "dot (Graphviz text), or svg / png drawn by Graphviz dot")
        ->check(CLI::IsMember({"dot", "svg", "png"}))
        ->capture_default_str();
    cmd.add_option("--view", graph_view,
                   "architecture (stacks, VPCs, tiers, AZs, traffic) or resources (every resource and reference)")
        ->check(CLI::IsMember({"architecture", "resources"}))
        ->capture_default_str();
  });

  bool list_rules = false;
  auto* validate = add_subcommand(cli, "validate", "Check the app and print every problem; writes nothing",
                                  [&](CLI::App& cmd) {
    cmd.add_flag("--rules", list_rules, "List the security rules (id, severity, what, why, fix) and exit");
  });

  int exit_code = 0;
  auto synthesize_app = [&] {
    app.set_strict(strict);
    auto assembly = synthesize(app, {.strict = strict,
                                     .path_metadata = app.props().path_metadata,
                                     .plugins = {&security::rule_pack_plugin()}});
    print_diagnostics(assembly.diagnostics, err);
    return assembly;
  };
  CommandContext ctx;
  ctx.out = &out;
  ctx.err = &err;
  ctx.exit_code = &exit_code;
  ctx.synth = [&]() -> std::filesystem::path {
    auto assembly = synthesize_app();
    write_assembly(assembly, outdir);
    return outdir;
  };
  ctx.synthesize = [&] {
    std::vector<SynthesizedStack> stacks;
    for (auto& s : synthesize_app().stacks)
      stacks.push_back({s.stack->node().path(), s.stack->stack_name(), s.stack->artifact_id(), s.stack->env().region,
                        std::move(s.template_json)});
    return stacks;
  };
  add_deploy_commands(cli, ctx);
  add_cost_command(cli, ctx);

  try {
    try {
      cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      return cli.exit(e, out, err);
    }
    // Context is read when the App is built (App(argc, argv)); an App built
    // otherwise would silently ignore -c here and synthesize another stage.
    for (const auto& pair : context) {
      const auto eq = pair.find('=');
      if (eq == std::string::npos || eq == 0)
        throw Error("", fmt::format("context must be given as -c key=value, got \"{}\"", pair), "write -c key=value");
      if (app.context(pair.substr(0, eq)) != pair.substr(eq + 1))
        throw Error("", fmt::format("-c {} was not read by this program's App", pair),
                    "build the App from the command line: cdk::App app(argc, argv)");
    }
    if (synth->parsed() || cli.get_subcommands().empty()) {
      // Run by the AWS CDK CLI as an app: its stdout is the user's terminal.
      quiet = quiet || (cli.get_subcommands().empty() && std::getenv("CDK_OUTDIR") != nullptr);
      auto assembly = synthesize_app();
      const auto selected = select_stacks(assembly, stacks);
      write_assembly(assembly, outdir);
      if (!quiet)
        for (const auto* s : selected)
          out << fmt::format("{}: {}\n", s->stack->node().path(),
                             (std::filesystem::path(outdir) / s->stack->template_file()).string());
    } else if (list->parsed()) {
      auto assembly = synthesize_app();
      for (const auto& s : assembly.stacks) {
        out << s.stack->node().path();
        if (long_list) {
          out << "  " << s.stack->environment_uri();
          for (const Stack* d : s.dependencies) out << "  needs " << d->node().path();
        }
        out << '\n';
      }
    } else if (graph->parsed()) {
      auto assembly = synthesize_app();
      auto dot = graph_view == "resources" ? assembly_to_dot(assembly) : architecture_to_dot(assembly);
      if (graph_format != "dot") dot = render_with_dot(dot, graph_format);
      if (graph_out.empty()) {
        out << dot;
      } else {
        std::ofstream f(graph_out, std::ios::binary);
        f << dot;
        if (!f) throw Error("", "cannot write " + graph_out, "check the path");
        out << "graph: " << graph_out << '\n';
      }
    } else if (validate->parsed() && list_rules) {
      print_security_rules(out);
    } else if (validate->parsed()) {
      auto assembly = synthesize_app();
      out << fmt::format("valid: {} stack(s), no errors\n", assembly.stacks.size());
      out << security_summary(assembly.diagnostics) << '\n';
    }
  } catch (const SynthError& e) {
    print_diagnostics(e.errors(), err);
    err << fmt::format("{} error(s); nothing was written\n", e.errors().size());
    return 1;
  } catch (const Error& e) {
    err << e.what() << '\n';
    return 1;
  } catch (const std::exception& e) {  // e.g. std::filesystem_error: still one line, exit 1
    err << "error: " << e.what() << '\n';
    return 1;
  }
  return exit_code;
}

}  // namespace cdk::detail
