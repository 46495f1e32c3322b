#pragma once
// Cross-stack references: the one place that turns a use of stack A's value
// in stack B into an exported Output in A, an Fn::ImportValue in B and a
// dependency B -> A. A future weak-reference mode (SSM parameters instead of
// exports, to avoid the "export in use" lock) belongs here too.
#include "synth/resolve.hpp"

#include <map>
#include <set>
#include <utility>
#include <vector>

namespace cdk::detail {

struct ExportedValue {
  std::string output_id;    // logical id of the Output in the producing stack
  std::string export_name;  // "<stack name>:<output id>", at most 255 characters
  Value value;              // the Ref / GetAtt, resolved in the producing stack
};

class CrossStackReferences {
 public:
  /// The replacement, in `consumer`'s template, for `reference` (a Ref or
  /// GetAtt of an element of `producer` whose logical id is `logical_id`).
  Json import(const Stack& consumer, const Stack& producer, const Value& reference, const std::string& logical_id);

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
  std::map<std::pair<const CfnElement*, std::string>, std::pair<const Stack*, std::size_t>> known_;
};

}  // namespace cdk::detail
