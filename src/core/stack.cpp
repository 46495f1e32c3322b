#include <cdk/app.hpp>
#include <cdk/cfn_element.hpp>
#include <cdk/stack.hpp>
#include <cdk/stage.hpp>
#include <cdk/tags.hpp>

#include "core/logical_id.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace cdk {

namespace {
// Ids of the scopes strictly between `stack` and `c`, then c's own.
std::vector<std::string_view> components_below(const Stack& stack, const Construct& c) {
  std::vector<std::string_view> out;
  for (const Construct* s = &c; s != nullptr && s != &stack; s = s->node().scope()) out.push_back(s->node().id());
  std::reverse(out.begin(), out.end());
  return out;
}

constexpr std::size_t kMaxStackNameLength = 128;

// As aws-cdk-lib's makeStackName: one component is used as is when it fits,
// more are made unique with the path's hash ("ProdWebF45B1510").
std::string make_stack_name(const std::vector<std::string_view>& parts) {
  if (parts.size() == 1 && parts[0].size() <= kMaxStackNameLength) return std::string(parts[0]);
  return detail::make_logical_id(parts);
}

// Ids from below `container` (the root when null) down to `stack`.
std::vector<std::string_view> ids_below(const Construct& stack, const Construct* container) {
  std::vector<std::string_view> parts;
  for (const Construct* s = &stack; s != container && s->node().scope() != nullptr; s = s->node().scope())
    parts.push_back(s->node().id());
  std::reverse(parts.begin(), parts.end());
  return parts;
}

bool valid_stack_name(std::string_view name) {
  if (name.empty() || name.size() > kMaxStackNameLength || !std::isalpha(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(),
                     [](unsigned char c) { return std::isalnum(c) != 0 || c == '-'; });
}
}  // namespace

Stack::Stack(Construct& scope, std::string_view id, const StackProps& props) : Construct(scope, id), props_(std::move(props)) {
  if (try_of(scope) != nullptr)
    throw Error(node().path(), "a stack cannot be created inside another stack",
                "create stacks in the App or a Stage, or use cdk::NestedStack for a stack inside a stack");
  // In a stage: the stage's environment where the stack sets none, and the
  // stage name before the id below the stage ("Prod-Network").
  const Stage* stage = Stage::of(*this);
  if (stage != nullptr) {
    if (props_.env.account.empty()) props_.env.account = stage->env().account;
    if (props_.env.region.empty()) props_.env.region = stage->env().region;
  }
  if (props_.stack_name.empty())
    props_.stack_name = stage != nullptr ? stage->stage_name() + "-" + make_stack_name(ids_below(*this, stage))
                                         : artifact_id();
  add_own_tags();
}

Stack::Stack(Construct& scope, std::string_view id, StackProps props, Stack& parent, NestedTag)
    : Construct(scope, id), props_(std::move(props)), nested_parent_(&parent) {
  props_.env = parent.env();
  props_.bootstrap_qualifier = parent.props_.bootstrap_qualifier;
  props_.stack_name = artifact_id();  // CloudFormation names it "<parent>-<resource id>-<suffix>"
  add_own_tags();
}

void Stack::add_own_tags() {
  for (const auto& [k, v] : props_.tags) {
    tag_manager_.set_tag(k, v, TagProps{}.priority);
    Tags::of(*this).add(k, v);
  }
}

const Stack& Stack::deployment_root() const noexcept {
  const Stack* s = this;
  while (s->nested_parent_ != nullptr) s = s->nested_parent_;
  return *s;
}

std::string Stack::template_file() const {
  return artifact_id() + (nested_parent_ != nullptr ? ".nested.template.json" : ".template.json");
}

Stack* Stack::try_of(const Construct& c) noexcept {
  for (const Construct* s = &c; s != nullptr; s = s->node().scope())
    if (auto* stack = dynamic_cast<const Stack*>(s)) return const_cast<Stack*>(stack);
  return nullptr;
}

Stack& Stack::of(const Construct& c) {
  if (Stack* s = try_of(c)) return *s;
  throw Error(c.node().path(), "this construct must be created inside a Stack",
              "create it with stack.add<...>() or in a construct below a stack");
}

std::string Stack::artifact_id() const {
  // A top-level stack is named by its id as is ("Web-1"); a deeper one, also
  // in a stage, by its path made unique ("ProdWebF45B1510"), unique in the app.
  return make_stack_name(ids_below(*this, nullptr));
}

std::string Stack::template_path() const {
  const Stage* stage = Stage::of(*this);
  return stage != nullptr ? stage->assembly_directory() + "/" + template_file() : template_file();
}

std::string Stack::environment_uri() const {
  return fmt::format("aws://{}/{}", props_.env.account.empty() ? "unknown-account" : props_.env.account,
                     props_.env.region.empty() ? "unknown-region" : props_.env.region);
}

Value Stack::region() const {
  return props_.env.region.empty() ? Value::pseudo("AWS::Region") : Value(props_.env.region);
}
Value Stack::account() const {
  return props_.env.account.empty() ? Value::pseudo("AWS::AccountId") : Value(props_.env.account);
}

void Stack::add_dependency(Stack& other, std::string /*reason*/) {
  if (&other == this) throw Error(node().path(), "a stack cannot depend on itself", "remove the add_dependency call");
  if (&other.node().root() != &node().root())
    throw Error(node().path(), fmt::format("cannot depend on stack \"{}\" of another app", other.node().path()),
                "create both stacks in the same cdk::App");
  if (Stage::of(*this) != Stage::of(other))
    throw Error(node().path(), fmt::format("cannot depend on stack \"{}\" of another stage", other.node().path()),
                "a stage deploys on its own: put both stacks in one stage, or order the stages in a pipeline");
  if (std::find(dependencies_.begin(), dependencies_.end(), &other) == dependencies_.end())
    dependencies_.push_back(&other);
}

std::string Stack::logical_id(const CfnElement& element) const {
  if (const auto& o = element.logical_id_override()) return *o;
  return detail::make_logical_id(components_below(*this, element));
}

std::vector<Diagnostic> Stack::validate() const {
  std::vector<Diagnostic> out;
  if (!valid_stack_name(props_.stack_name))
    out.push_back({Diagnostic::Level::Error, "",
                   fmt::format("stack name \"{}\" is not valid", props_.stack_name),
                   "stack names start with a letter and hold only letters, digits and '-', at most 128; "
                   "set StackProps.stack_name"});
  if (!props_.env.account.empty() &&
      (props_.env.account.size() != 12 ||
       !std::all_of(props_.env.account.begin(), props_.env.account.end(), [](unsigned char c) { return std::isdigit(c); })))
    out.push_back({Diagnostic::Level::Error, "", fmt::format("account \"{}\" is not 12 digits", props_.env.account),
                   "set env.account to a 12-digit AWS account id, or leave it empty"});
  if (props_.description.size() > 1024)
    out.push_back({Diagnostic::Level::Error, "", "stack description is over 1024 characters", "shorten it"});
  return out;
}

void Stack::add_transform(std::string name) {
  if (std::find(transforms_.begin(), transforms_.end(), name) == transforms_.end()) transforms_.push_back(std::move(name));
}

}  // namespace cdk
