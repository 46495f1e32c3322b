#pragma once
// What the checks of the rule pack share: the findings they collect and the
// stack they read. checks.cpp holds the checks of cdkpp's first rules; the
// checks_*.cpp files those that answer the rest of cdk-nag's AwsSolutions
// pack on the resource types cdkpp's L2s make. Internal.
#include "synth/stack_view.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace cdk {
class Stack;
}

namespace cdk::detail::security {

/// One finding of one rule on one resource.
struct Finding {
  std::string logical_id;
  std::string_view rule;
  std::string detail;  // what exactly was found, e.g. "port 22 from 0.0.0.0/0"
  /// cdk-nag's own name of this finding where its rule reports several on one
  /// resource ("Policy::arn:<AWS::Partition>:iam::aws:policy/ReadOnlyAccess"),
  /// so that a suppression narrowed to it (applies_to) matches; else "".
  std::string granular{};
};

/// The stack under check and the findings made so far.
struct Findings {
  const Stack& stack;
  const StackView& view;
  std::vector<Finding> list{};

  void add(std::string_view id, std::string_view rule, std::string detail, std::string granular = {}) {
    list.push_back({std::string(id), rule, std::move(detail), std::move(granular)});
  }
  [[nodiscard]] std::vector<const ResourceView*> of_type(std::string_view type) const { return view.of_type(type); }
  [[nodiscard]] bool is_true(const Json& object, std::string_view path) const {
    return view.bool_at(object, path).value_or(false);
  }
  /// Present in the template, literal or not.
  [[nodiscard]] static bool has(const Json& object, std::string_view path) { return StackView::at(object, path) != nullptr; }
};

/// ASCII lower case, for engine names and the like.
inline std::string lowercase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

/// EC2 instances, security groups, Auto Scaling, ECS, ECR, Lambda, CodeBuild, IAM.
void check_compute_practices(Findings& out);
/// RDS and Aurora, ElastiCache, S3, SQS, Secrets Manager.
void check_data_practices(Findings& out);
/// CloudFront.
void check_delivery_practices(Findings& out);

}  // namespace cdk::detail::security
