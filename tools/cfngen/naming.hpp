#pragma once
// C++ names for spec names. Compatibility contract: changing any rule here
// renames public API, so each rule is a named, tested function.
#include <string>
#include <string_view>

namespace cfngen {

/// "VPCGatewayAttachment" -> "vpc_gateway_attachment", "Ipv6CidrBlock" ->
/// "ipv6_cidr_block", "EC2Fleet" -> "ec2_fleet", "Endpoint.Address" -> "endpoint_address",
/// "TargetGroupARNs" -> "target_group_arns" (a plural acronym keeps its 's').
std::string snake_case(std::string_view name);
/// Appends '_' to C++ keywords and to names the C library or GNU mode define as
/// macros ("namespace" -> "namespace_", "linux" -> "linux_").
std::string escape_identifier(std::string name);
/// The C++ namespace below cdk:: for a service: the AWS CDK module name
/// ("ec2", "rds"), except AWS::ElasticLoadBalancingV2 -> "elbv2".
std::string service_namespace(std::string_view short_name);
/// "VPC" -> "CfnVPC".
std::string class_name(std::string_view resource_name);
/// "VPC" -> "cfn_vpc".
std::string header_stem(std::string_view resource_name);
/// "VersioningConfiguration" -> "VersioningConfigurationProperty" (the AWS CDK's names).
std::string struct_name(std::string_view property_type_name);
/// The AWS reference page of a resource type or (with a property type name) a property type.
std::string reference_url(std::string_view cfn_type, std::string_view property_type = {});

}  // namespace cfngen
