#include "deploy/template_files.hpp"

#include "core/template_text.hpp"
#include "deploy/errors.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace cdk::deploy {

nlohmann::json read_template_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw DeployError(fmt::format("{}: cannot read the template file", file.string()));
  std::ostringstream text;
  text << in.rdbuf();
  try {
    nlohmann::json t = cdk::detail::read_template_text(text.str());
    if (!t.contains("Resources")) throw std::runtime_error("it has no Resources section");
    return t;
  } catch (const std::exception& e) {
    throw DeployError(fmt::format("{}: not a CloudFormation template: {}", file.string(), e.what()));
  }
}

nlohmann::json deployed_template(const CloudFormation& cfn, const std::string& name_or_id, const std::string& display) {
  auto text = cfn.get_template(name_or_id);
  if (!text) return nlohmann::json::object();
  auto parsed = cdk::detail::parse_template_text(*text);
  if (!parsed)
    throw DeployError(fmt::format("{}: cannot read the deployed template (JSON or plain YAML expected)", display));
  return std::move(*parsed);
}

}  // namespace cdk::deploy
