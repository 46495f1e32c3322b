#pragma once
/// cdk::wafv2::WebAclAssociation: puts a REGIONAL web ACL in front of a
/// regional resource (an Application Load Balancer, an API Gateway stage, an
/// AppSync API, a Cognito user pool). For a load balancer, call
/// alb.associate_web_acl(acl) instead; a CloudFront distribution takes its
/// web ACL in DistributionProps::web_acl_id.
///
///   stack.add<cdk::wafv2::WebAclAssociation>("ApiWaf", {.resource_arn = stage_arn, .web_acl_arn = acl.attr_arn()});
///
/// The web ACL itself stays an L1 (cdk::wafv2::CfnWebACL). When it is one of
/// the app's, its scope must be REGIONAL (checked). The AWS CDK has no L2 for
/// this; the resource is <id>/Resource.
#include <cdk/construct.hpp>
#include <cdk/value.hpp>

namespace cdk::wafv2 {

class CfnWebACLAssociation;

struct WebAclAssociationProps {
  Value resource_arn{};  ///< the protected resource's ARN; required
  Value web_acl_arn{};   ///< a REGIONAL web ACL's ARN (CfnWebACL::attr_arn()); required
};

class WebAclAssociation : public Construct {
 public:
  using Props = WebAclAssociationProps;
  WebAclAssociation(Construct& scope, std::string_view id, const WebAclAssociationProps& props);

  [[nodiscard]] CfnWebACLAssociation& cfn_association() noexcept { return *resource_; }

 private:
  CfnWebACLAssociation* resource_ = nullptr;
};

}  // namespace cdk::wafv2
