#pragma once
// Cross-stack references: the one place that turns a use of stack A's value
// in stack B into an exported Output in A, an Fn::ImportValue in B and a
// dependency B -> A; or, weak, into an SSM parameter in A that B reads with a
// dynamic reference (no "export in use" lock; B still deploys after A).
#include "synth/resolve.hpp"

#include <map>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

namespace cdk::detail {

struct ExportedValue {
  std::string output_id;    // logical id of the Output (weak: of the AWS::SSM::Parameter) in the producing stack
  std::string export_name;  // "<stack name>:<output id>", at most 255 characters (weak: the parameter's name)
  Value value;              // the Ref / GetAtt, resolved in the producing stack
  bool weak = false;
};

class CrossStackReferences {
 public:
  /// The replacement, in `consumer`'s template, for `reference` (a Ref or
  /// GetAtt of an element of `producer` whose logical id is `logical_id`).
  /// Weak: a `{{resolve:ssm:...}}` string instead of an Fn::ImportValue.
  Json import(const Stack& consumer, const Stack& producer, const Value& reference, const std::string& logical_id,
              bool weak = false);

  /// Exports to add to each producing stack, in the order they were first used.
  [[nodiscard]] const std::vector<ExportedValue>& exports_of(const Stack& producer) const;
  /// (consumer, producer) pairs: consumer deploys after producer.
  [[nodiscard]] const std::set<std::pair<const Stack*, const Stack*>>& dependencies() const noexcept { return deps_; }

 private:
  std::map<const Stack*, std::vector<ExportedValue>> exports_;
  std::map<const Stack*, std::map<std::string, std::size_t>> index_;  // output id -> position
  std::set<std::pair<const Stack*, const Stack*>> deps_;
  // (element, attribute or "" for Ref) -> its export: the output id hashes
  // the reference, so each distinct one is worked out once.
  std::map<std::tuple<const CfnElement*, std::string, bool>, std::pair<const Stack*, std::size_t>> known_;

  [[nodiscard]] Json use(const ExportedValue& exported) const;
};

}  // namespace cdk::detail
