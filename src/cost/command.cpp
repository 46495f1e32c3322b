// cost: the monthly cost estimate every cdkpp program gets.
#include "cost/command.hpp"

#include "synth/stack_pattern.hpp"

#include <cdk/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <ostream>

namespace cdk::detail::cost {

namespace {

bool names(const NamedTemplate& s, const std::string& n) {
  return stack_pattern_selects(n, s.path, s.name, s.artifact_id);
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

std::vector<StackTemplate> selected(const std::vector<std::string>& wanted, const std::vector<NamedTemplate>& all) {
  for (const auto& n : wanted)
    if (std::none_of(all.begin(), all.end(), [&](const NamedTemplate& s) { return names(s, n); }))
      throw Error("", fmt::format("no stack named \"{}\"", n), "run the list command to see the stacks");
  std::vector<StackTemplate> stacks;
  for (const auto& s : all)
    if (wanted.empty() || std::any_of(wanted.begin(), wanted.end(), [&](const std::string& n) { return names(s, n); }))
      stacks.push_back({s.path, s.region, s.template_json});
  return stacks;
}

}  // namespace

CostInputs read_cost_inputs(const CostRequest& request) {
  CostInputs inputs;
  if (!request.prices.empty()) inputs.table = PriceTable::load(request.prices);
  inputs.options = CostOptions{.default_region = request.region, .storage_gb = parse_storage(request.storage)};
  return inputs;
}

CostEstimate report_cost(const CostRequest& request, const CostInputs& inputs,
                         const std::vector<NamedTemplate>& stacks, std::ostream& out, std::ostream& err) {
  const PriceTable& prices = inputs.prices();
  auto result = estimate(selected(request.stacks, stacks), prices, inputs.options);
  out << (request.format == "json" ? render_json(result, prices) : render_text(result, prices));
  if (!result.complete()) {
    for (const auto& s : result.stacks)
      for (const auto& n : s.not_priced)
        if (n.gap == Gap::MissingPrice)
          err << Error(n.path, n.what, "add the figure to data/prices/aws.json, or pass --prices FILE").what() << '\n';
  }
  return result;
}

}  // namespace cdk::detail::cost
