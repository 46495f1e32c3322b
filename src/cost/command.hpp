#pragma once
// The cost report as plain functions: the request in, the estimate out, the
// report printed to the streams given. The command line maps its options onto
// these (cost_command.cpp in the CLI). Internal.
#include "cost/estimate.hpp"
#include "cost/price_table.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace cdk::detail::cost {

/// What the report is asked for.
struct CostRequest {
  std::vector<std::string> stacks;   ///< construct path, stack name or artifact id; default: every stack
  std::string region = "us-east-1";  ///< whose prices apply to stacks without a region; default us-east-1
  std::string format = "text";       ///< text or json; default text
  std::vector<std::string> storage;  ///< PATH=GB of EFS file systems or S3 buckets to price; default none
  std::string prices;                ///< a price table file; default: the table compiled in
};

/// A synthesized stack, by every name a request may use for it.
struct NamedTemplate {
  std::string path;         ///< construct path
  std::string name;         ///< stack name
  std::string artifact_id;  ///< cloud assembly artifact id
  std::string region;       ///< empty when environment-agnostic
  const Json* template_json = nullptr;
};

/// The price table and storage sizes a request names. Read before the app is
/// synthesized, so that bad input is reported before anything else.
struct CostInputs {
  std::optional<PriceTable> table;  ///< from --prices; empty: the table compiled in
  CostOptions options;
  [[nodiscard]] const PriceTable& prices() const { return table ? *table : PriceTable::builtin(); }
};

/// Throws cdk::Error for an unreadable price table or a malformed PATH=GB.
CostInputs read_cost_inputs(const CostRequest& request);

/// Prices the requested stacks, prints the estimate to `out` and one error line
/// to `err` for each fixed charge the table has no figure for. Throws
/// cdk::Error for a stack name that names none of `stacks`.
CostEstimate report_cost(const CostRequest& request, const CostInputs& inputs,
                         const std::vector<NamedTemplate>& stacks, std::ostream& out, std::ostream& err);

}  // namespace cdk::detail::cost
