#include <cdk/wafv2/web_acl_association.hpp>

#include <cdk/error.hpp>
#include <cdk/wafv2/cfn_web_acl_association.hpp>
#include <cdk/wafv2/web_acl_scope.hpp>

namespace cdk::wafv2 {

WebAclAssociation::WebAclAssociation(Construct& scope, std::string_view id, const WebAclAssociationProps& props)
    : Construct(scope, id) {
  const std::string path = node().path();
  if (props.resource_arn.is_null())
    throw Error(path, "a web ACL association needs resource_arn", "pass the protected resource's ARN");
  if (props.web_acl_arn.is_null())
    throw Error(path, "a web ACL association needs web_acl_arn", "pass the REGIONAL web ACL's attr_arn()");
  check_web_acl_scope(path, props.web_acl_arn, WebAclScope::Regional, "an association");
  resource_ = &add<CfnWebACLAssociation>(
      "Resource", CfnWebACLAssociation::Props{.resource_arn = props.resource_arn, .web_acl_arn = props.web_acl_arn});
}

}  // namespace cdk::wafv2
