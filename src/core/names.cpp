#include <cdk/names.hpp>

#include <cdk/construct.hpp>
#include <cdk/error.hpp>
#include <cdk/stack.hpp>

#include "core/logical_id.hpp"
#include "core/sha256.hpp"


#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include <string>
#include <vector>

namespace cdk {

namespace {

// Ids of the path below the app (the root's id is empty).
std::vector<std::string_view> ids_below_app(const Construct& c) {
  std::vector<std::string_view> ids;
  for (const Construct* s : c.node().scopes())
    if (s->node().scope() != nullptr) ids.push_back(s->node().id());
  return ids;
}

// aws-cdk-lib's generated physical names: a prefix of the stack name, a
// suffix of the unique id, and a hash that makes them unique per environment.
constexpr std::size_t kStackPartLength = 25;
constexpr std::size_t kIdPartLength = 24;
constexpr std::size_t kPhysicalHashLength = 12;

}  // namespace

std::string Names::physical_name(const Construct& c) {
  const auto& stack = Stack::of(c);
  if (stack.env().region.empty())
    throw Error(c.node().path(), "a physical name for another environment needs the stack's region, and " +
                                     stack.node().path() + " has none",
                "give the stack .env = {.account = \"123456789012\", .region = \"eu-west-1\"}");
  if (stack.env().account.empty())
    throw Error(c.node().path(), "a physical name for another environment needs the stack's account, and " +
                                     stack.node().path() + " has none",
                "give the stack .env = {.account = \"123456789012\", .region = \"eu-west-1\"}");
  const std::string& name = stack.stack_name();
  const std::string id = unique_id(c);
  std::string out = name.substr(0, kStackPartLength);
  out += id.substr(id.size() > kIdPartLength ? id.size() - kIdPartLength : 0);
  out += detail::sha256_hex(name + id + stack.env().region + stack.env().account).substr(0, kPhysicalHashLength);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return out;
}

std::string Names::unique_id(const Construct& c) { return detail::make_logical_id(ids_below_app(c)); }

std::string Names::unique_id(const Construct& scope, std::string_view child_id) {
  auto ids = ids_below_app(scope);
  ids.push_back(child_id);
  return detail::make_logical_id(ids);
}

std::string Names::unique_resource_name(const Construct& c, const UniqueResourceNameOptions& options) {
  if (options.max_length <= detail::kHashLength)
    throw Error(c.node().path(), "a unique resource name needs a max_length over 8",
                "allow at least 9 characters: 8 of them are the path's hash");
  const auto scopes = c.node().scopes();
  std::size_t first = 0;  // the innermost stack, or the root when there is none
  for (std::size_t i = 0; i < scopes.size(); ++i)
    if (dynamic_cast<const Stack*>(scopes[i]) != nullptr) first = i;
  std::vector<std::string_view> components;
  for (std::size_t i = first; i < scopes.size(); ++i) {
    const auto* stack = i == first ? dynamic_cast<const Stack*>(scopes[i]) : nullptr;
    components.push_back(stack != nullptr ? std::string_view(stack->stack_name()) : scopes[i]->node().id());
  }
  return detail::make_unique_resource_name(components, options.max_length, options.separator,
                                           options.allowed_special_characters);
}

}  // namespace cdk
