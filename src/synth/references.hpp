#pragma once
// References between stacks: the one place that turns a use of stack A's value
// in stack B into
// - a parameter of B when B is nested in A (directly or deeper), passed down
//   by each nested stack's resource;
// - an output of A when A is nested, read by its parent with
//   Fn::GetAtt <resource>.Outputs.<id> (and onwards from there);
// - between two deployment roots, an exported Output in A, an Fn::ImportValue
//   in B and a dependency B -> A; or, weak, an SSM parameter in A that B reads
//   with a dynamic reference (no "export in use" lock; B still deploys after A);
// - between two regions (StackProps::cross_region_references on B), an SSM
//   parameter in B's region that a custom resource of A writes, read by B
//   with a dynamic reference.
// Ids and names are aws-cdk-lib's, so that ported apps keep them.
#include "synth/resolve.hpp"

#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cdk::detail {

struct ExportedValue {
  std::string output_id;    // logical id of the Output (weak: of the AWS::SSM::Parameter) in the producing stack
  std::string export_name;  // "<stack name>:<output id>", at most 255 characters (weak: the parameter's name)
  Json value;               // the value as the producing stack's template writes it
  bool weak = false;
};

/// An output of a nested stack, a parameter of one with its value in the parent,
/// or an SSM parameter written into another region.
struct NamedValue {
  std::string id;
  Json value;
};

/// A reference as one stack's template writes it: `value` is `target`'s Ref or
/// Fn::GetAtt `display` ("Ref", "Arn", "Outputs.X").
struct Crossing {
  const CfnElement* target = nullptr;
  std::string display;
  Json value;
};

class CrossStackReferences {
 public:
  explicit CrossStackReferences(const LogicalIds& ids) : ids_(ids) {}

  /// The replacement, in `consumer`'s template, for `reference`, written in
  /// `producer`'s template (another stack of the same stage and environment).
  /// Weak: exports become SSM parameters read with `{{resolve:ssm:...}}`.
  Json route(const Stack& consumer, const Stack& producer, Crossing reference, bool weak);

  /// Exports to add to each producing stack, in the order they were first used.
  [[nodiscard]] const std::vector<ExportedValue>& exports_of(const Stack& producer) const;
  /// SSM parameters the producer writes into other regions, by region.
  [[nodiscard]] const std::map<std::string, std::vector<NamedValue>>& cross_region_exports_of(const Stack& producer) const;
  /// Outputs to add to a nested stack.
  [[nodiscard]] const std::vector<NamedValue>& outputs_of(const Stack& nested) const;
  /// Parameters to add to a nested stack, each with its value in the parent.
  [[nodiscard]] const std::vector<NamedValue>& parameters_of(const Stack& nested) const;
  /// The stack an element is written to: its own, or the nested stack the
  /// automatic split (synth/auto_split.hpp) moved it to.
  [[nodiscard]] Stack& home(const CfnElement& e) const;
  void move(const CfnElement& e, Stack& nested) { homes_[&e] = &nested; }

  /// (consumer, producer) pairs of deployment roots: consumer deploys after producer.
  [[nodiscard]] const std::set<std::pair<const Stack*, const Stack*>>& dependencies() const noexcept { return deps_; }

 private:
  const LogicalIds& ids_;
  std::map<const Stack*, std::vector<ExportedValue>> exports_;
  std::map<const Stack*, std::map<std::string, std::size_t>> index_;  // output id -> position
  std::set<std::pair<const Stack*, const Stack*>> deps_;
  // (element, attribute or "" for Ref) -> its export: the output id hashes
  // the reference, so each distinct one is worked out once.
  std::map<std::tuple<const CfnElement*, std::string, bool>, std::pair<const Stack*, std::size_t>> known_;
  std::map<const Stack*, std::vector<NamedValue>> outputs_;
  std::map<const Stack*, std::vector<NamedValue>> parameters_;
  std::unordered_map<const CfnElement*, Stack*> homes_;
  std::map<const Stack*, std::map<std::string, std::vector<NamedValue>>> cross_region_;

  Json import(const Stack& consumer, const Stack& producer, const Crossing& reference, bool weak);
  Json import_across_regions(const Stack& consumer, const Stack& producer, const Crossing& reference);
  Crossing pass_up(const Stack& nested, const Crossing& reference);
  Json pass_down(const Stack& consumer, const Stack& producer, const Crossing& reference);
  [[nodiscard]] Json use(const ExportedValue& exported) const;
};

}  // namespace cdk::detail
