#include <cdk/codedeploy/application.hpp>

#include <cdk/codedeploy/cfn_application.hpp>
#include <cdk/codedeploy/detail/names.hpp>

namespace cdk::codedeploy {

BaseApplication::BaseApplication(Construct& scope, std::string_view id, ComputePlatform platform, const ApplicationProps& props)
    : Construct(scope, id), platform_(platform) {
  detail::check_name(node().path(), "application", props.application_name);
  CfnApplication::Props l1;
  if (!props.application_name.empty()) l1.application_name = props.application_name;
  l1.compute_platform = compute_platform_name(platform);
  resource_ = &add<CfnApplication>("Resource", std::move(l1));
}

Value BaseApplication::application_name() const { return resource_->ref(); }
Value BaseApplication::application_arn() const { return detail::codedeploy_arn(*this, "application", application_name()); }

}  // namespace cdk::codedeploy
