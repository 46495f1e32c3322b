#include "legacy_ids.hpp"

#include <cdk/app.hpp>
#include <cdk/cfn_element.hpp>
#include <cdk/names.hpp>

#include <string>
#include <utility>
#include <vector>

namespace notejam {

using namespace cdk;

namespace {

// The child `id` of `scope` in a scratch tree, made when missing.
Construct& child(Construct& scope, std::string_view id) {
  if (Construct* c = scope.node().try_find_child(id)) return *c;
  return scope.add<Construct>(id);
}

// Each construct below `from` with its copy below `to` (same ids).
void mirror(const Construct& from, Construct& to, std::vector<std::pair<const Construct*, Construct*>>& out) {
  for (const Construct* c : from.node().children()) {
    Construct& copy = child(to, c->node().id());
    out.emplace_back(c, &copy);
    mirror(*c, copy, out);
  }
}

// Ids from below `stack` down to `c`.
std::vector<std::string> ids_below(const Stack& stack, const Construct& c) {
  std::vector<std::string> ids;
  for (const Construct* s = &c; s != &stack; s = s->node().scope()) ids.insert(ids.begin(), s->node().id());
  return ids;
}

}  // namespace

int keep_ids_from_before_stages(Stack& stack, std::string_view old_stack_id) {
  // Unique ids now (Dev/Notejam/...) and as they were (NotejamDev/...).
  App before;
  std::vector<std::pair<const Construct*, Construct*>> copies;
  mirror(stack, before.add<Construct>(old_stack_id), copies);
  std::vector<std::pair<std::string, std::string>> renamed;  // unique id now -> before
  for (const auto& [now, then] : copies) renamed.emplace_back(Names::unique_id(*now), Names::unique_id(*then));

  App ids;  // the changed paths below the stack, whose unique ids are the old logical ids
  int overridden = 0;
  for (Construct* c : stack.node().find_all()) {
    auto* element = dynamic_cast<CfnElement*>(c);
    if (element == nullptr || element->logical_id_override()) continue;
    bool changed = false;
    Construct* at = &ids;
    for (std::string id : ids_below(stack, *c)) {
      for (const auto& [now, then] : renamed)
        if (auto pos = id.find(now); pos != std::string::npos) {
          id.replace(pos, now.size(), then);
          changed = true;
        }
      at = &child(*at, id);
    }
    if (!changed) continue;
    element->override_logical_id(Names::unique_id(*at));
    ++overridden;
  }
  return overridden;
}

}  // namespace notejam
