#pragma once
/// What CachePolicy, OriginRequestPolicy and ResponseHeadersPolicy share: a
/// policy is named by its id (one of yours) or by the name of an AWS managed
/// policy, whose fixed id is looked up when a distribution uses it, so that an
/// unknown name is an error naming the distribution.
#include <cdk/value.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace cdk::cloudfront {

class PolicyRef {
 public:
  /// The managed policy's name ("CachingOptimized"), or "" for a policy given by id.
  [[nodiscard]] const std::string& managed_name() const noexcept { return name_; }
  /// The id given, or null for a managed policy (its id comes from the name).
  [[nodiscard]] const Value& given_id() const noexcept { return id_; }

 protected:
  PolicyRef() = default;
  PolicyRef(std::string managed_name, Value id) : name_(std::move(managed_name)), id_(std::move(id)) {}

 private:
  std::string name_;
  Value id_;
};

}  // namespace cdk::cloudfront
