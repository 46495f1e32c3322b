#pragma once
// A minimal WAFv2 web ACL (L1) for tests: allow by default, metrics on, and
// `rules` managed rule groups (AWSManagedRulesCommonRuleSet, ...).
#include <cdk/construct.hpp>
#include <cdk/wafv2/cfn_web_acl.hpp>

#include <string>
#include <string_view>

namespace cdk::testing {

inline cdk::wafv2::CfnWebACL& web_acl(cdk::Construct& scope, std::string_view id, std::string scope_name, int rules = 0) {
  using Acl = cdk::wafv2::CfnWebACL;
  Acl::Props p;
  p.scope = std::move(scope_name);
  p.default_action = Acl::DefaultActionProperty{.allow = Acl::AllowActionProperty{}};
  p.visibility_config = Acl::VisibilityConfigProperty{
      .cloud_watch_metrics_enabled = true, .metric_name = std::string(id), .sampled_requests_enabled = true};
  const char* groups[] = {"AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet",
                          "AWSManagedRulesAmazonIpReputationList"};
  for (int i = 0; i < rules && i < 3; ++i) {
    Acl::RuleProperty r;
    r.name = groups[i];
    r.priority = i;
    r.override_action = Acl::OverrideActionProperty{.none = cdk::Value::map({})};
    r.statement = Acl::StatementProperty{
        .managed_rule_group_statement = Acl::ManagedRuleGroupStatementProperty{.name = groups[i], .vendor_name = "AWS"}};
    r.visibility_config = Acl::VisibilityConfigProperty{
        .cloud_watch_metrics_enabled = true, .metric_name = groups[i], .sampled_requests_enabled = true};
    p.rules.push_back(std::move(r));
  }
  return scope.add<Acl>(id, std::move(p));
}

}  // namespace cdk::testing
