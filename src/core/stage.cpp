#include <cdk/stage.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace cdk {

namespace {

// The AWS CDK's rule for stage ids: a letter, then letters, digits, '-', '_'
// or '.' (at least one more character).
bool valid_stage_id(std::string_view id) {
  if (id.size() < 2 || std::isalpha(static_cast<unsigned char>(id[0])) == 0) return false;
  return std::all_of(id.begin() + 1, id.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.';
  });
}

}  // namespace

Stage::Stage(Construct& scope, std::string_view id, const StageProps& props) : Construct(scope, id), env_(std::move(props.env)) {
  if (!valid_stage_id(id))
    throw Error(node().path(), fmt::format("stage id \"{}\" is not valid", id),
                "start it with a letter and use only letters, digits, '-', '_' and '.' (at least two characters)");
  if (Stack::try_of(scope) != nullptr)
    throw Error(node().path(), "a stage cannot be created inside a stack",
                "create stages in the App or in another stage, and stacks inside them");
  const Stage* parent = of(*this);
  const std::string own = props.stage_name.empty() ? std::string(id) : std::move(props.stage_name);
  stage_name_ = parent != nullptr ? parent->stage_name() + "-" + own : own;
  if (parent != nullptr) {
    if (env_.account.empty()) env_.account = parent->env().account;
    if (env_.region.empty()) env_.region = parent->env().region;
  }
}

Stage* Stage::of(const Construct& c) noexcept {
  for (Construct* s = c.node().scope(); s != nullptr; s = s->node().scope())
    if (auto* stage = dynamic_cast<Stage*>(s)) return stage;
  return nullptr;
}

std::string Stage::artifact_id() const {
  std::string path = node().path();
  std::replace(path.begin(), path.end(), Node::path_separator, '-');
  return "assembly-" + path;
}

std::string Stage::assembly_directory() const {
  const Stage* parent = of(*this);
  return parent != nullptr ? parent->assembly_directory() + "/" + artifact_id() : artifact_id();
}

}  // namespace cdk
