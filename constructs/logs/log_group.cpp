#include <cdk/logs/log_group.hpp>

#include <cdk/iam/grant.hpp>
#include <cdk/logs/cfn_log_group.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace cdk::logs {

namespace {

constexpr std::array<int, 22> allowed_days = {1,   3,   5,   7,   14,  30,   60,   90,   120,  150,  180,
                                              365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653};

}  // namespace

LogGroup::LogGroup(Construct& scope, std::string_view id, const LogGroupProps& props) : Construct(scope, id) {
  const auto path = node().path();
  const auto& name = props.log_group_name;
  if (!name.empty()) {
    if (name.size() > 512)
      throw Error(path, "log group name is longer than 512 characters", "use a shorter name");
    if (!std::all_of(name.begin(), name.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("._/#-").find(c) != std::string_view::npos;
        }))
      throw Error(path, "log group name \"" + name + "\" has characters CloudWatch Logs does not allow",
                  "use letters, digits and ._/#- only");
  }
  const auto days = static_cast<int>(props.retention);
  if (days != 0 && std::find(allowed_days.begin(), allowed_days.end(), days) == allowed_days.end())
    throw Error(path, "retention of " + std::to_string(days) + " days is not one CloudWatch Logs offers",
                "use one of the cdk::logs::RetentionDays values");
  CfnLogGroup::Props l1;
  if (!name.empty()) l1.log_group_name = name;
  if (days != 0) l1.retention_in_days = days;
  if (!props.encryption_key_arn.is_null()) l1.kms_key_id = props.encryption_key_arn;
  if (props.log_group_class == LogGroupClass::InfrequentAccess) l1.log_group_class = "INFREQUENT_ACCESS";
  resource_ = &add<CfnLogGroup>("Resource", std::move(l1));
  resource_->apply_removal_policy(props.removal_policy);
}

Value LogGroup::log_group_name() const { return resource_->ref(); }
Value LogGroup::log_group_arn() const { return resource_->attr_arn(); }

void LogGroup::grant_write(iam::IGrantable& grantee) const {
  iam::Grant::add_to_principal({.grantee = grantee, .actions = {"logs:CreateLogStream", "logs:PutLogEvents"},
                                .resource_arns = {log_group_arn()}});
}

void LogGroup::grant_read(iam::IGrantable& grantee) const {
  iam::Grant::add_to_principal({.grantee = grantee,
                                .actions = {"logs:FilterLogEvents", "logs:GetLogEvents", "logs:GetLogGroupFields",
                                            "logs:DescribeLogStreams"},
                                .resource_arns = {log_group_arn()}});
}

}  // namespace cdk::logs
