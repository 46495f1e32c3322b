// The estimate as text tables or JSON.
#include "cost/estimate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace cdk::detail::cost {

namespace {

std::string money(double usd) { return fmt::format("{:.2f}", usd); }

// JSON keeps the figures to a millionth of a dollar: enough for any sum, and
// free of binary noise such as 17.227999999999998.
double micro(double usd) { return std::round(usd * 1e6) / 1e6; }

std::string region_text(const StackCost& s) {
  return s.region_from_option ? fmt::format("{}, from --region: the stack has no region", s.region) : s.region;
}

// Columns sized to their widest cell, the money column right-aligned.
void table(std::string& out, const StackCost& s) {
  const std::vector<std::string> head = {"RESOURCE", "WHAT", "QUANTITY", "USD/MONTH"};
  std::vector<std::vector<std::string>> rows;
  for (const auto& l : s.lines) rows.push_back({l.path, l.what, l.quantity(), money(l.monthly_usd)});
  std::vector<std::size_t> width(head.size());
  for (std::size_t c = 0; c < head.size(); ++c) {
    width[c] = head[c].size();
    for (const auto& r : rows) width[c] = std::max(width[c], r[c].size());
  }
  const std::string total = money(s.monthly_usd);
  width[3] = std::max(width[3], total.size());
  auto line = [&](const std::vector<std::string>& r) {
    out += fmt::format("  {:<{}}  {:<{}}  {:<{}}  {:>{}}\n", r[0], width[0], r[1], width[1], r[2], width[2], r[3],
                       width[3]);
  };
  line(head);
  for (const auto& r : rows) line(r);
  line({s.stack + " total", "", "", total});
}

}  // namespace

std::string render_text(const CostEstimate& e, const PriceTable& prices) {
  std::string out = fmt::format("Monthly cost estimate in {} at the list prices of {} ({:g} hours a month)\n",
                                e.currency, e.price_date, e.hours_per_month);
  out += prices.basis() + "\n";
  for (const auto& s : e.stacks) {
    out += fmt::format("\n{} ({})\n", s.stack, region_text(s));
    if (s.lines.empty())
      out += "  no fixed monthly charges\n";
    else
      table(out, s);
  }
  out += fmt::format("\nTotal: {} {} a month for {} stack{}{}\n", money(e.monthly_usd), e.currency, e.stacks.size(),
                     e.stacks.size() == 1 ? "" : "s", e.complete() ? "" : " (incomplete: see \"no price\" below)");

  std::size_t gaps = 0;
  int free = 0;
  for (const auto& s : e.stacks) {
    gaps += s.not_priced.size();
    free += s.no_charge;
  }
  if (gaps > 0) {
    out += "\nNot in the totals:\n";
    std::size_t w_kind = 0, w_path = 0;
    for (const auto& s : e.stacks)
      for (const auto& n : s.not_priced) {
        w_kind = std::max(w_kind, to_string(n.gap).size());
        w_path = std::max(w_path, n.path.size());
      }
    for (const auto& s : e.stacks)
      for (const auto& n : s.not_priced)
        out += fmt::format("  {:<{}}  {:<{}}  {}\n", to_string(n.gap), w_kind, n.path, w_path, n.what);
    out +=
        "  (usage: charged by use, no template says how much; outside: fixed but decided outside the template;\n"
        "   no rule: a resource type this estimate does not price; no price: a fixed charge the table lacks)\n";
  }
  if (free > 0)
    out += fmt::format("\n{} resource{} with no charge of their own (networking, security groups, IAM, policies, ...).\n",
                       free, free == 1 ? "" : "s");
  out += fmt::format("Prices: data/prices/aws.json of {}; each figure's AWS price page is named there.\n", e.price_date);
  return out;
}

std::string render_json(const CostEstimate& e, const PriceTable& prices) {
  Json j = Json::object();
  j["price_date"] = e.price_date;
  j["currency"] = e.currency;
  j["hours_per_month"] = e.hours_per_month;
  j["basis"] = prices.basis();
  j["stacks"] = Json::array();
  for (const auto& s : e.stacks) {
    Json js = Json::object();
    js["stack"] = s.stack;
    js["region"] = s.region;
    js["region_from_option"] = s.region_from_option;
    js["lines"] = Json::array();
    for (const auto& l : s.lines) {
      js["lines"].push_back({{"path", l.path},
                             {"type", l.type},
                             {"what", l.what},
                             {"count", l.count},
                             {"hours", l.hours},
                             {"unit", l.unit},
                             {"unit_usd", l.unit_usd},
                             {"monthly_usd", micro(l.monthly_usd)}});
    }
    js["not_priced"] = Json::array();
    for (const auto& n : s.not_priced)
      js["not_priced"].push_back(
          {{"path", n.path}, {"type", n.type}, {"why", std::string(to_string(n.gap))}, {"what", n.what}});
    js["no_charge_resources"] = s.no_charge;
    js["monthly_usd"] = micro(s.monthly_usd);
    j["stacks"].push_back(std::move(js));
  }
  j["monthly_usd"] = micro(e.monthly_usd);
  j["complete"] = e.complete();
  return j.dump(2) + "\n";
}

}  // namespace cdk::detail::cost
