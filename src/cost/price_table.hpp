#pragma once
// A dated table of AWS list prices (data/prices/aws.json, compiled in), read
// by the cost estimate. Internal.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdk::detail::cost {

/// One priced thing ("ec2.instance", "vpc.nat_gateway", ...): its unit, the
/// AWS page its figures come from and one figure per region, or per region and
/// key (instance type, volume type, engine/class).
struct PriceItem {
  std::string unit;                 ///< e.g. "instance-hour", "GB-month"
  std::string what;                 ///< what the figure is the price of
  std::string source;               ///< the AWS price page
  std::vector<std::string> checked; ///< regions cross-checked on the table's date
  /// region -> key -> USD; a single figure per region has the key "".
  std::map<std::string, std::map<std::string, double, std::less<>>, std::less<>> prices;
};

class PriceTable {
 public:
  /// Parses a table; `origin` names it in errors. Throws cdk::Error when the
  /// table is malformed (missing date, a region without a figure, a figure
  /// that is not a positive number, an item without a source page).
  static PriceTable parse(std::string_view json_text, std::string_view origin);
  /// The table compiled into the library.
  static const PriceTable& builtin();
  /// Reads a table from a file (--prices FILE).
  static PriceTable load(const std::filesystem::path& file);

  [[nodiscard]] const std::string& date() const noexcept { return date_; }
  [[nodiscard]] const std::string& currency() const noexcept { return currency_; }
  [[nodiscard]] const std::string& basis() const noexcept { return basis_; }
  [[nodiscard]] double hours_per_month() const noexcept { return hours_per_month_; }
  [[nodiscard]] const std::vector<std::string>& regions() const noexcept { return regions_; }
  [[nodiscard]] bool has_region(std::string_view region) const;
  [[nodiscard]] const std::map<std::string, PriceItem, std::less<>>& items() const noexcept { return items_; }

  /// The item, or throws cdk::Error naming the table (an estimator asking
  /// for an item the table lacks is a table out of step with the code).
  [[nodiscard]] const PriceItem& item(std::string_view name) const;
  /// The figure for (item, region, key), if the table has it.
  [[nodiscard]] std::optional<double> price(std::string_view item, std::string_view region,
                                            std::string_view key = {}) const;
  /// The keys priced for an item in a region ("t3.small", ...), sorted.
  [[nodiscard]] std::vector<std::string> keys(std::string_view item, std::string_view region) const;

 private:
  std::string origin_;
  std::string date_;
  std::string currency_;
  std::string basis_;
  double hours_per_month_ = 730;
  std::vector<std::string> regions_;
  std::map<std::string, PriceItem, std::less<>> items_;
};

}  // namespace cdk::detail::cost
