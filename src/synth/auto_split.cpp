#include "synth/auto_split.hpp"

#include "synth/references.hpp"

#include <cdk/app.hpp>
#include <cdk/cfn_resource.hpp>
#include <cdk/nested_stack.hpp>
#include <cdk/stack.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include <set>
#include <string>
#include <unordered_map>

namespace cdk::detail {

namespace {

// What a stack keeps and each nested stack takes: the limit, less room for
// the nested stacks' own resources in the parent.
constexpr std::size_t kCapacity = TemplateLimits::max_resources - 10;
constexpr std::string_view kPrefix = "AutoSplit";
constexpr std::string_view kHolderSuffix = ".NestedStack";

// A direct child of the stack and everything below it: what moves together.
struct Unit {
  Construct* root = nullptr;
  std::size_t resources = 0;
  bool movable = true;
  std::set<std::size_t> users;  // units whose resources use this one's values or wait for it
};

class Splitter {
 public:
  Splitter(Stack& stack, CrossStackReferences& refs) : stack_(stack), refs_(refs) {}

  std::vector<Diagnostic> run() {
    collect_units();
    std::size_t total = held_;
    for (const Unit& u : units_) total += u.resources;
    if (total <= TemplateLimits::max_resources) return {};
    find_users();
    const auto moving = choose(total);
    return {report(total, place(moving))};
  }

 private:
  static bool is_holder(const Construct& c) {
    const std::string& id = c.node().id();
    return id.size() > kHolderSuffix.size() && id.ends_with(kHolderSuffix);
  }

  void collect_units() {
    for (Construct* child : stack_.node().children()) {
      if (dynamic_cast<Stack*>(child) != nullptr || is_holder(*child)) {
        held_ += is_holder(*child) ? 1 : 0;  // a nested stack's resource stays in the parent
        continue;
      }
      Unit u{child};
      for (Construct* x : child->node().find_all()) {
        if (dynamic_cast<Stack*>(x) != nullptr) u.movable = false;
        auto* e = dynamic_cast<CfnElement*>(x);
        if (e == nullptr || &e->stack() != &stack_) continue;
        unit_of_[e] = units_.size();
        auto* r = dynamic_cast<CfnResource*>(e);
        if (r == nullptr || r->condition() != nullptr) u.movable = false;
        else ++u.resources;
      }
      units_.push_back(u);
    }
  }

  // Which units use which: references, DependsOn and construct dependencies.
  void find_users() {
    for (const auto& [e, i] : unit_of_) {
      auto note = [&, i = i](const CfnElement& t) {
        auto it = unit_of_.find(&t);
        if (it == unit_of_.end() || it->second == i) return;
        if (t.section() != Section::Resources && t.section() != Section::Parameters) units_[i].movable = false;
        units_[it->second].users.insert(i);
      };
      try {
        e->render().for_each_target(note);
      } catch (const Error&) {  // reported by the synthesis itself
        units_[i].movable = false;
      }
      const auto* r = dynamic_cast<const CfnResource*>(e);
      if (r == nullptr) continue;
      for (const auto& o : r->overrides()) o.value.for_each_target(note);
      for (const CfnResource* d : r->depends_on()) {
        note(*d);
        // DependsOn is written by logical id, which only works inside one template.
        if (auto it = unit_of_.find(d); it != unit_of_.end() && it->second != i) units_[i].movable = false;
      }
    }
    for (std::size_t i = 0; i < units_.size(); ++i)
      for (Construct* x : units_[i].root->node().find_all())
        for (Construct* dep : x->node().dependencies())
          for (Construct* y : dep->node().find_all())
            if (auto it = unit_of_.find(dynamic_cast<CfnElement*>(y)); it != unit_of_.end() && it->second != i)
              units_[it->second].users.insert(i);
  }

  // From the end: each unit whose users all move too, until the rest fits.
  std::vector<std::size_t> choose(std::size_t total) const {
    std::set<std::size_t> moving;
    for (std::size_t j = units_.size(); j-- > 0 && total > kCapacity;) {
      const Unit& u = units_[j];
      if (!u.movable || u.resources == 0) continue;
      if (!std::all_of(u.users.begin(), u.users.end(), [&](std::size_t k) { return moving.contains(k); })) continue;
      moving.insert(j);
      total -= u.resources;
    }
    return {moving.begin(), moving.end()};
  }

  struct Placed {
    NestedStack* nested;
    std::vector<std::string> ids;
    std::size_t resources = 0;
  };

  // In tree order, each nested stack filled up to the capacity before the next.
  std::vector<Placed> place(const std::vector<std::size_t>& moving) {
    std::vector<Placed> out;
    for (std::size_t j : moving) {
      const Unit& u = units_[j];
      if (out.empty() || out.back().resources + u.resources > kCapacity) out.push_back({&nested(out.size() + 1), {}, 0});
      for (Construct* x : u.root->node().find_all())
        if (auto* e = dynamic_cast<CfnElement*>(x)) refs_.move(*e, *out.back().nested);
      out.back().ids.push_back(u.root->node().id());
      out.back().resources += u.resources;
    }
    return out;
  }

  NestedStack& nested(std::size_t n) {
    const std::string id = fmt::format("{}{}", kPrefix, n);
    if (auto* existing = dynamic_cast<NestedStack*>(stack_.node().try_find_child(id))) return *existing;
    return stack_.add<NestedStack>(id);
  }

  Diagnostic report(std::size_t total, const std::vector<Placed>& placed) const {
    std::string moved;
    std::size_t count = 0;
    for (const Placed& p : placed) {
      moved += fmt::format("{}{} ({} resources: {})", moved.empty() ? "" : "; ", p.nested->node().id(), p.resources,
                           fmt::join(p.ids, ", "));
      count += p.resources;
    }
    std::string message = fmt::format("{} resources, over CloudFormation's {}: auto split moved {} into nested stacks: {}",
                                      total, TemplateLimits::max_resources, count, moved.empty() ? "none" : moved);
    if (total - count > TemplateLimits::max_resources)
      message += fmt::format("; {} stay, over the limit", total - count);
    return {Diagnostic::Level::Info, stack_.node().path(), std::move(message),
            "constructs move whole, from the end of the stack: one used by a construct that stays, or holding "
            "parameters, outputs, conditions or nested stacks, stays; new constructs added at the end keep the "
            "moved ones where they are"};
  }

  Stack& stack_;
  CrossStackReferences& refs_;
  std::vector<Unit> units_;
  std::unordered_map<const CfnElement*, std::size_t> unit_of_;
  std::size_t held_ = 0;
};

}  // namespace

std::vector<Diagnostic> split_oversized_stacks(App& app, CrossStackReferences& refs) {
  std::vector<Stack*> stacks;
  for (Construct* c : app.node().find_all())
    if (auto* s = dynamic_cast<Stack*>(c); s != nullptr && s->auto_split()) stacks.push_back(s);
  std::vector<Diagnostic> out;
  for (Stack* s : stacks)
    for (auto& d : Splitter(*s, refs).run()) out.push_back(std::move(d));
  return out;
}

}  // namespace cdk::detail
