#pragma once
// The monthly cost estimate of synthesized stacks: quantities read from the
// templates (instance types, counts, sizes), figures from a PriceTable.
// Internal; the `cost` command (src/cost/command.cpp) prints it.
#include "cost/price_table.hpp"
#include "synth/resolve.hpp"
#include "synth/stack_view.hpp"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cdk::detail::cost {

/// Why a charge is left out of the totals.
enum class Gap {
  Usage,         ///< charged by use (requests, GB processed, LCUs, stored data): no template says how much
  Outside,       ///< fixed, but decided outside the template (an image's root volume, spot prices)
  Unsupported,   ///< a resource type the estimate has no rule for
  MissingPrice,  ///< a fixed charge the price table has no figure for: the totals are incomplete
};
std::string_view to_string(Gap gap);

/// One priced charge of one resource.
struct CostLine {
  std::string path;        ///< the resource's construct path (aws:cdk:path), else its logical id
  std::string type;        ///< CloudFormation type
  std::string what;        ///< e.g. "t3.small instance (on-demand, Linux)"
  double count = 1;        ///< how many units: instances, vCPUs, GB, secrets
  double hours = 0;        ///< hours a month for an hourly price; 0 for a monthly one
  std::string unit;        ///< the price's unit, from the table
  double unit_usd = 0;     ///< the figure from the table
  double monthly_usd = 0;  ///< count x unit_usd x (hours, or 1)
  /// "2 x 730 h", "20 GB-month".
  [[nodiscard]] std::string quantity() const;
};

/// A charge left out of the totals, and why.
struct NotPriced {
  std::string path;
  std::string type;
  Gap gap = Gap::Usage;
  std::string what;
};

struct StackCost {
  std::string stack;                ///< construct path of the stack
  std::string region;               ///< whose prices were used
  bool region_from_option = false;  ///< the stack has no region: --region (or its default) was used
  std::vector<CostLine> lines;      ///< in template order
  std::vector<NotPriced> not_priced;
  int no_charge = 0;                ///< resources with no charge of their own (VPC, subnets, IAM, ...)
  double monthly_usd = 0;
};

struct CostEstimate {
  std::string price_date;
  std::string currency;
  double hours_per_month = 730;
  std::vector<StackCost> stacks;
  double monthly_usd = 0;
  /// False when some fixed charge had no figure in the table (Gap::MissingPrice).
  [[nodiscard]] bool complete() const;
};

struct CostOptions {
  std::string default_region = "us-east-1";  ///< for stacks without a region
  /// Construct path (or logical id) of an EFS file system or S3 bucket -> GB
  /// stored, to price that storage; a path names the resource or its parent.
  std::map<std::string, double> storage_gb{};
};

/// A synthesized stack to price.
struct StackTemplate {
  std::string stack;                 ///< construct path
  std::string region;                ///< empty when environment-agnostic
  const Json* template_json = nullptr;
  /// The view of that template synthesis built; when empty, one is built here.
  std::shared_ptr<const StackView> view{};
};

/// Prices one template. Throws cdk::Error when the table has no prices for
/// the stack's region.
StackCost estimate_stack(const StackTemplate& stack, const PriceTable& prices, const CostOptions& options);
/// Prices every stack and adds up the totals.
CostEstimate estimate(const std::vector<StackTemplate>& stacks, const PriceTable& prices, const CostOptions& options);

/// The estimate as tables, one per stack, then the totals and what is not priced.
std::string render_text(const CostEstimate& estimate, const PriceTable& prices);
/// The estimate as JSON (indent 2, trailing newline).
std::string render_json(const CostEstimate& estimate, const PriceTable& prices);

}  // namespace cdk::detail::cost
