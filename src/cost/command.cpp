// cost: the monthly cost estimate every cdkpp program gets.
#include "cli/commands.hpp"
#include "cost/estimate.hpp"

#include <cdk/error.hpp>
#include <cdk/stack.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <memory>
#include <ostream>

namespace cdk::detail {

namespace {

struct CostCommandOptions {
  std::vector<std::string> stacks;
  std::string region = "us-east-1";
  std::string format = "text";
  std::vector<std::string> storage;
  std::string prices;
};

bool names(const SynthesizedStack& s, const std::string& n) {
  return n == s.path || n == s.name || n == s.artifact_id;
}

std::map<std::string, double> parse_storage(const std::vector<std::string>& items) {
  std::map<std::string, double> out;
  for (const auto& item : items) {
    const auto eq = item.rfind('=');
    double gb = -1;
    if (eq != std::string::npos && eq > 0) {
      const char* first = item.data() + eq + 1;
      const char* last = item.data() + item.size();
      auto [p, ec] = std::from_chars(first, last, gb);
      if (ec != std::errc{} || p != last) gb = -1;
    }
    if (gb < 0)
      throw Error("", fmt::format("--storage takes PATH=GB, got \"{}\"", item),
                  "write e.g. --storage App/Files=50 (the construct path of an EFS file system or S3 bucket)");
    out[item.substr(0, eq)] = gb;
  }
  return out;
}

void run_cost(const CostCommandOptions& o, CommandContext& ctx) {
  const cost::PriceTable loaded = o.prices.empty() ? cost::PriceTable{} : cost::PriceTable::load(o.prices);
  const cost::PriceTable& prices = o.prices.empty() ? cost::PriceTable::builtin() : loaded;
  cost::CostOptions options{.default_region = o.region, .storage_gb = parse_storage(o.storage)};

  const auto synthesized = ctx.synthesize();
  for (const auto& n : o.stacks)
    if (std::none_of(synthesized.begin(), synthesized.end(), [&](const SynthesizedStack& s) { return names(s, n); }))
      throw Error("", fmt::format("no stack named \"{}\"", n), "run the list command to see the stacks");
  std::vector<cost::StackTemplate> stacks;
  for (const auto& s : synthesized)
    if (o.stacks.empty() || std::any_of(o.stacks.begin(), o.stacks.end(), [&](const std::string& n) { return names(s, n); })) {
      stacks.push_back({s.path, s.region, &s.template_json});
    }

  const auto estimate = cost::estimate(stacks, prices, options);
  *ctx.out << (o.format == "json" ? cost::render_json(estimate, prices) : cost::render_text(estimate, prices));
  if (!estimate.complete()) {
    for (const auto& s : estimate.stacks)
      for (const auto& n : s.not_priced)
        if (n.gap == cost::Gap::MissingPrice)
          *ctx.err << Error(n.path, n.what, "add the figure to data/prices/aws.json, or pass --prices FILE").what()
                   << '\n';
    *ctx.exit_code = 1;
  }
}

}  // namespace

void add_cost_command(CLI::App& cli, CommandContext& ctx) {
  auto o = std::make_shared<CostCommandOptions>();
  auto* cmd = add_subcommand(
      cli, "cost", "Estimate each stack's monthly cost from the dated price table; list what is not priced",
      [o](CLI::App& c) {
        c.add_option("stacks", o->stacks, "Stacks to price (path or name); default all");
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
