// cost: the subcommand every cdkpp program gets. Options, help text and the
// exit code live here; the report is cost/command.hpp's.
#include "cli/commands.hpp"
#include "cost/command.hpp"

#include <CLI/CLI.hpp>

#include <memory>

namespace cdk::detail {

namespace {

void run_cost(const cost::CostRequest& request, CommandContext& ctx) {
  const cost::CostInputs inputs = cost::read_cost_inputs(request);  // bad input fails before synthesis
  const auto synthesized = ctx.synthesize();
  std::vector<cost::NamedTemplate> stacks;
  for (const auto& s : synthesized) stacks.push_back({s.path, s.name, s.artifact_id, s.region, &s.template_json});
  if (!cost::report_cost(request, inputs, stacks, *ctx.out, *ctx.err).complete()) *ctx.exit_code = 1;
}

}  // namespace

void add_cost_command(CLI::App& cli, CommandContext& ctx) {
  auto o = std::make_shared<cost::CostRequest>();
  auto* cmd = add_subcommand(
      cli, "cost", "Estimate each stack's monthly cost from the dated price table; list what is not priced",
      [o](CLI::App& c) {
        c.add_option("stacks", o->stacks, "Stacks to price (path, name or id; * and ** wildcards); default all");
        c.add_option("--region", o->region, "Region whose prices apply to stacks that have none")
            ->capture_default_str();
        c.add_option("--format", o->format, "text or json")
            ->check(CLI::IsMember({"text", "json"}))
            ->capture_default_str();
        c.add_option("--storage", o->storage,
                     "PATH=GB: price that much storage for the EFS file system or S3 bucket at PATH (repeatable)");
        c.add_option("--prices", o->prices, "A price table file in the format of data/prices/aws.json");
      });
  cmd->callback([o, &ctx] { run_cost(*o, ctx); });
}

}  // namespace cdk::detail
