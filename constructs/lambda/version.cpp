#include <cdk/lambda/version.hpp>

#include <cdk/lambda/cfn_version.hpp>
#include <cdk/lambda/function.hpp>

namespace cdk::lambda {

Version::Version(Construct& scope, std::string_view id, const VersionProps& props)
    : Construct(scope, id), function_(props.function.get()) {
  const auto path = node().path();
  if (function_ == nullptr) throw Error(path, "the version has no function", "set .function = fn");
  if (props.description.size() > 256)
    throw Error(path, "description is longer than 256 characters", "use a shorter description");
  CfnVersion::Props l1;
  if (!props.description.empty()) l1.description = props.description;
  l1.function_name = function_->function_name();
  resource_ = &add<CfnVersion>("Resource", std::move(l1));
  if (props.removal_policy != RemovalPolicy::Delete) resource_->apply_removal_policy(props.removal_policy);
}

Value Version::version() const { return resource_->attr_version(); }
Value Version::function_arn() const { return resource_->ref(); }

}  // namespace cdk::lambda
