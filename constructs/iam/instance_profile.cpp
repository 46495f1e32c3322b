#include <cdk/iam/instance_profile.hpp>

#include <cdk/iam/cfn_instance_profile.hpp>
#include <cdk/iam/role.hpp>

namespace cdk::iam {

InstanceProfile::InstanceProfile(Construct& scope, std::string_view id, const InstanceProfileProps& props)
    : Construct(scope, id), role_(props.role.get()) {
  const auto path = node().path();
  if (role_ == nullptr) throw Error(path, "the instance profile has no role", "set .role");
  if (props.instance_profile_name.size() > 128)
    throw Error(path, "instance profile name \"" + props.instance_profile_name + "\" is longer than 128 characters",
                "use a shorter name or leave it empty for a generated one");
  if (!props.path.empty() && (props.path.front() != '/' || props.path.back() != '/'))
    throw Error(path, "instance profile path \"" + props.path + "\" must begin and end with '/'", "e.g. \"/app/\"");
  CfnInstanceProfile::Props l1;
  l1.roles = Value::list({role_->role_name()});
  if (!props.instance_profile_name.empty()) l1.instance_profile_name = props.instance_profile_name;
  if (!props.path.empty()) l1.path = props.path;
  resource_ = &add<CfnInstanceProfile>("Resource", std::move(l1));
}

Value InstanceProfile::instance_profile_arn() const { return resource_->attr_arn(); }
Value InstanceProfile::instance_profile_name() const { return resource_->ref(); }

}  // namespace cdk::iam
