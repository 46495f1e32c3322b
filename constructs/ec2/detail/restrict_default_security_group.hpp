#pragma once
// The VPC's default security group without its rules, as aws-cdk-lib's
// restrictDefaultSecurityGroup does: a Custom::VpcRestrictDefaultSG resource
// under the VPC, served by one provider per stack (role + function) at the
// AWS CDK's construct ids, so a ported app keeps its logical ids.
#include <cdk/value.hpp>

namespace cdk {
class Construct;
}

namespace cdk::ec2::detail {

/// Adds `<vpc>/RestrictDefaultSecurityGroupCustomResource` for the default
/// group `default_group_id` (the VPC's DefaultSecurityGroup attribute).
void restrict_default_security_group(Construct& vpc, const Value& default_group_id);

}  // namespace cdk::ec2::detail
