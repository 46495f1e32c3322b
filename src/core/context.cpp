#include "core/context.hpp"

#include <cdk/app.hpp>
#include <cdk/error.hpp>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>

namespace cdk::detail {

namespace {

constexpr const char* kContextFile = "cdkpp.json";

std::string context_text(const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

void load_context_json(App& app, const nlohmann::json& object) {
  if (!object.is_object()) return;
  for (const auto& [k, v] : object.items()) app.node().set_context(k, context_text(v));
}

void load_context_file(App& app) {
  std::ifstream f(kContextFile);
  if (!f) return;
  auto doc = nlohmann::json::parse(f, nullptr, false);
  if (doc.is_discarded()) throw Error("", std::string(kContextFile) + " is not valid JSON", "fix or remove the file");
  if (doc.contains("context")) load_context_json(app, doc["context"]);
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::pair<std::string, std::string> parse_context_pair(std::string_view pair) {
  const auto eq = pair.find('=');
  if (eq == std::string_view::npos || eq == 0)
    throw Error("", "context must be given as -c key=value, got \"" + std::string(pair) + "\"", "write -c key=value");
  return {std::string(pair.substr(0, eq)), std::string(pair.substr(eq + 1))};
}

// The App is built before run() parses the command line, so context values
// that constructs read while the tree is built are taken from argv here.
void load_context(App& app, const std::vector<std::string>& args) {
  load_context_file(app);
  if (const char* env = std::getenv("CDK_CONTEXT_JSON")) {  // set by the AWS CDK CLI
    auto doc = nlohmann::json::parse(env, nullptr, false);
    if (!doc.is_discarded()) load_context_json(app, doc);
  }
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::string_view pair;
    const std::string& a = args[i];
    if ((a == "-c" || a == "--context") && i + 1 < args.size())
      pair = args[++i];
    else if (a.rfind("--context=", 0) == 0)
      pair = std::string_view(a).substr(10);
    else if (a.rfind("-c", 0) == 0 && a.size() > 2)
      pair = std::string_view(a).substr(2);
    else
      continue;
    auto [key, value] = parse_context_pair(pair);
    app.node().set_context(std::move(key), std::move(value));
  }
}

std::vector<std::string> split_context_list(std::string_view text) {
  std::vector<std::string> out;
  if (trimmed(text).starts_with('[')) {
    auto doc = nlohmann::json::parse(text, nullptr, false);
    if (!doc.is_discarded() && doc.is_array()) {
      for (const auto& item : doc) out.push_back(context_text(item));
      return out;
    }
  }
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto item = trimmed(text.substr(0, comma));
    if (!item.empty()) out.emplace_back(item);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return out;
}

}  // namespace cdk::detail
