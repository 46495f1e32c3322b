#pragma once
// The matching engine behind cdk::assertions::Match. Internal.
#include <cdk/assertions.hpp>

#include "synth/resolve.hpp"

#include <functional>
#include <string>
#include <vector>

namespace cdk::assertions::detail {

using Json = cdk::detail::Json;

struct Matcher {
  enum class Kind { Literal, Exact, Object, Array, Absent, Any, Regexp, Not };
  Kind kind = Kind::Any;
  Value literal;                   // Literal, Exact
  std::vector<Match::Field> fields;// Object
  std::vector<Match> items;        // Array
  bool partial = false;            // Object: extra keys allowed; Array: subsequence
  std::string regexp;              // Regexp
  std::vector<Match> inner;        // Not: one element
};

/// Where a candidate differs from a pattern: "/Properties/CidrBlock: expected ..., got ...".
struct MatchResult {
  std::vector<std::string> failures;
  [[nodiscard]] bool ok() const noexcept { return failures.empty(); }
};

/// Turns Values of a pattern into JSON (resolving Refs with the template's ids).
using ValueResolver = std::function<Json(const Value&)>;

/// Matches `actual` (nullptr when the key is missing) against `m`. When
/// `partial_objects` is set, literal objects accept extra keys at every depth.
void match(const Match& m, const Json* actual, const std::string& path, bool partial_objects,
           const ValueResolver& resolve, MatchResult& result);

}  // namespace cdk::assertions::detail
