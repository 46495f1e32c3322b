#include <cdk/wafv2/web_acl_scope.hpp>

#include <cdk/error.hpp>
#include <cdk/stack.hpp>
#include <cdk/wafv2/cfn_web_acl.hpp>

#include <vector>

namespace cdk::wafv2 {

namespace {

constexpr std::string_view cloudfront_region = "us-east-1";

WebAclInfo from_arn(const std::string& arn) {
  // arn:<partition>:wafv2:<region>:<account>:<global|regional>/webacl/<name>/<id>
  WebAclInfo info;
  std::vector<std::string> fields;
  for (std::size_t start = 0, end = 0; end != std::string::npos && fields.size() < 6; start = end + 1) {
    end = arn.find(':', start);
    fields.push_back(arn.substr(start, end == std::string::npos ? std::string::npos : end - start));
  }
  if (fields.size() < 6 || fields[0] != "arn") return info;
  info.region = fields[3];
  if (fields[5].starts_with("global/webacl/")) info.scope = WebAclScope::Cloudfront;
  if (fields[5].starts_with("regional/webacl/")) info.scope = WebAclScope::Regional;
  return info;
}

}  // namespace

WebAclInfo describe_web_acl(const Value& arn) {
  if (arn.is_literal() && arn.kind() == Value::Kind::String) return from_arn(arn.as_string());
  const auto* acl = dynamic_cast<const CfnWebACL*>(arn.target());
  if (acl == nullptr) return {};
  WebAclInfo info{.region = Stack::of(*acl).env().region, .path = acl->node().path()};
  const Value& scope = acl->props().scope.value();
  if (scope.is_literal() && scope.kind() == Value::Kind::String) {
    if (scope.as_string() == "CLOUDFRONT") info.scope = WebAclScope::Cloudfront;
    if (scope.as_string() == "REGIONAL") info.scope = WebAclScope::Regional;
  }
  return info;
}

void check_web_acl_scope(const std::string& path, const Value& arn, WebAclScope expected, std::string_view used_by) {
  const WebAclInfo info = describe_web_acl(arn);
  const std::string name = info.path.empty() ? "web ACL " + arn.to_string() : "web ACL " + info.path;
  if (info.scope && *info.scope != expected)
    throw Error(path, name + " is " + web_acl_scope_name(*info.scope) + "-scoped, and " + std::string(used_by) +
                          " needs a " + web_acl_scope_name(expected) + " one",
                expected == WebAclScope::Cloudfront
                    ? "make a web ACL with Scope CLOUDFRONT in us-east-1 for distributions"
                    : "make a web ACL with Scope REGIONAL in the load balancer's region");
  if (expected == WebAclScope::Cloudfront && !info.region.empty() && info.region != cloudfront_region)
    throw Error(path, name + " is in " + info.region + ", and CloudFront takes web ACLs from us-east-1 only",
                "make the CLOUDFRONT-scoped web ACL in a us-east-1 stack");
}

}  // namespace cdk::wafv2
