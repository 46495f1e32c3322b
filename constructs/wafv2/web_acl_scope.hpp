#pragma once
/// Where a WAFv2 web ACL can be used: CLOUDFRONT-scoped ACLs (made in
/// us-east-1) protect CloudFront distributions, REGIONAL ones protect
/// resources of their region (Application Load Balancers, API Gateway stages,
/// AppSync APIs, Cognito user pools) through an association.
///
///   cdk::wafv2::check_web_acl_scope(path, acl.attr_arn(), cdk::wafv2::WebAclScope::Regional, "load balancer Web/Alb");
#include <cdk/optional.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace cdk::wafv2 {

enum class WebAclScope : std::uint8_t { Regional, Cloudfront };

/// "REGIONAL" or "CLOUDFRONT", as CloudFormation spells them.
constexpr const char* web_acl_scope_name(WebAclScope s) noexcept {
  return s == WebAclScope::Cloudfront ? "CLOUDFRONT" : "REGIONAL";
}

/// What the ARN tells of a web ACL.
struct WebAclInfo {
  Optional<WebAclScope> scope{};       ///< known for a literal ARN or an in-app CfnWebACL with a literal Scope
  std::string region{};                ///< the ACL's region when known
  std::string path{};                  ///< the construct path of an in-app CfnWebACL, else ""
};

/// Reads a literal ARN (".../global/webacl/..." or ".../regional/webacl/...")
/// or the CfnWebACL the value refers to (Fn::GetAtt Arn).
WebAclInfo describe_web_acl(const Value& web_acl_arn);

/// Throws a cdk::Error at `path` when the web ACL is known to have another
/// scope than `expected` (or, for CLOUDFRONT, to live outside us-east-1).
/// `used_by` names what uses it, for the message.
void check_web_acl_scope(const std::string& path, const Value& web_acl_arn, WebAclScope expected,
                         std::string_view used_by);

}  // namespace cdk::wafv2
