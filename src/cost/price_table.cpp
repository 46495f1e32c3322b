#include "cost/price_table.hpp"

#include <cdk/error.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

namespace cdk::detail::cost {

extern const char* const kBuiltinPriceTable;  // builtin_prices.cpp, generated

namespace {

using nlohmann::json;

[[noreturn]] void bad(std::string_view origin, const std::string& what) {
  throw Error("", fmt::format("price table {}: {}", origin, what),
              "fix the table (see data/prices/aws.json for the format)");
}

double figure(std::string_view origin, const std::string& where, const json& v) {
  if (!v.is_number() || !(v.get<double>() > 0)) bad(origin, where + " is not a positive number");
  return v.get<double>();
}

std::string text(std::string_view origin, const json& obj, const char* key) {
  if (!obj.contains(key) || !obj[key].is_string() || obj[key].get<std::string>().empty())
    bad(origin, fmt::format("\"{}\" is missing or not a string", key));
  return obj[key].get<std::string>();
}

}  // namespace

PriceTable PriceTable::parse(std::string_view json_text, std::string_view origin) {
  json j;
  try {
    j = json::parse(json_text);
  } catch (const json::parse_error& e) {
    bad(origin, std::string("not JSON: ") + e.what());
  }
  if (!j.is_object()) bad(origin, "not a JSON object");
  PriceTable t;
  t.origin_ = origin;
  t.date_ = text(origin, j, "date");
  if (!std::regex_match(t.date_, std::regex(R"(\d{4}-\d{2}-\d{2})"))) bad(origin, "\"date\" is not YYYY-MM-DD");
  t.currency_ = text(origin, j, "currency");
  t.basis_ = text(origin, j, "basis");
  if (j.contains("hours_per_month")) t.hours_per_month_ = figure(origin, "hours_per_month", j["hours_per_month"]);
  if (!j.contains("regions") || !j["regions"].is_array() || j["regions"].empty()) bad(origin, "\"regions\" must list the regions");
  for (const auto& r : j["regions"]) {
    if (!r.is_string()) bad(origin, "\"regions\" must hold strings");
    t.regions_.push_back(r.get<std::string>());
  }
  if (!j.contains("items") || !j["items"].is_object()) bad(origin, "\"items\" is missing");
  for (const auto& [name, body] : j["items"].items()) {
    if (!body.is_object()) bad(origin, fmt::format("item {} is not an object", name));
    const std::string where = "item " + name;
    PriceItem item;
    try {
      item.unit = text(origin, body, "unit");
      item.what = text(origin, body, "what");
      item.source = text(origin, body, "source");
    } catch (const Error&) {
      bad(origin, where + " needs \"unit\", \"what\" and \"source\" (the AWS price page)");
    }
    if (!item.source.starts_with("https://")) bad(origin, where + ": \"source\" must be an https:// page");
    if (body.contains("checked")) {
      if (!body["checked"].is_array()) bad(origin, where + ": \"checked\" must be a list of regions");
      for (const auto& r : body["checked"]) {
        if (!r.is_string()) bad(origin, where + ": \"checked\" must be a list of regions");
        item.checked.push_back(r.get<std::string>());
      }
    }
    if (!body.contains("prices") || !body["prices"].is_object()) bad(origin, where + " has no \"prices\"");
    for (const auto& [region, v] : body["prices"].items()) {
      if (std::find(t.regions_.begin(), t.regions_.end(), region) == t.regions_.end())
        bad(origin, fmt::format("{} prices region {}, which \"regions\" does not list", where, region));
      auto& per_key = item.prices[region];
      if (v.is_object()) {
        if (v.empty()) bad(origin, fmt::format("{} has no figures for {}", where, region));
        for (const auto& [key, price] : v.items())
          per_key[key] = figure(origin, fmt::format("{} {} {}", where, region, key), price);
      } else {
        per_key[""] = figure(origin, fmt::format("{} {}", where, region), v);
      }
    }
    for (const auto& region : t.regions_)
      if (!item.prices.contains(region)) bad(origin, fmt::format("{} has no figure for {}", where, region));
    t.items_.emplace(name, std::move(item));
  }
  return t;
}

const PriceTable& PriceTable::builtin() {
  static const PriceTable table = parse(kBuiltinPriceTable, "data/prices/aws.json (built in)");
  return table;
}

PriceTable PriceTable::load(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw Error("", "cannot read the price table " + file.string(), "check the --prices path");
  std::stringstream s;
  s << in.rdbuf();
  return parse(s.str(), file.string());
}

bool PriceTable::has_region(std::string_view region) const {
  return std::find(regions_.begin(), regions_.end(), region) != regions_.end();
}

const PriceItem& PriceTable::item(std::string_view name) const {
  auto it = items_.find(name);
  if (it == items_.end())
    throw Error("", fmt::format("price table {} has no item \"{}\"", origin_, name),
                "use a table with every item of data/prices/aws.json");
  return it->second;
}

std::optional<double> PriceTable::price(std::string_view name, std::string_view region, std::string_view key) const {
  const auto& i = item(name);
  auto r = i.prices.find(region);
  if (r == i.prices.end()) return std::nullopt;
  auto k = r->second.find(key);
  if (k == r->second.end()) return std::nullopt;
  return k->second;
}

std::vector<std::string> PriceTable::keys(std::string_view name, std::string_view region) const {
  std::vector<std::string> out;
  const auto& i = item(name);
  if (auto r = i.prices.find(region); r != i.prices.end())
    for (const auto& [k, v] : r->second) out.push_back(k);
  return out;
}

}  // namespace cdk::detail::cost
