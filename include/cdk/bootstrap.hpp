#pragma once
/// Names of the bootstrap resources that `cdk bootstrap` (and cdkpp's
/// `bootstrap`) create, as aws-cdk-lib's DefaultStackSynthesizer uses them.
/// Stacks with assets point at them; one bootstrap serves cdkpp and the AWS CDK.
///
///   cdk::bootstrap::assets_bucket("hnb659fds")
///       // "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"
///   cdk::bootstrap::specialize(that, stack)   // account and region filled in where the stack knows them
#include <cdk/value.hpp>

#include <string>
#include <string_view>

namespace cdk {

class Stack;

namespace bootstrap {

/// The AWS CDK's default qualifier: the bootstrap a plain `cdk bootstrap` makes.
inline constexpr std::string_view default_qualifier = "hnb659fds";
/// The context key the AWS CDK reads the qualifier from (`-c @aws-cdk/core:bootstrapQualifier=abc`).
inline constexpr std::string_view qualifier_context = "@aws-cdk/core:bootstrapQualifier";
/// The bootstrap stack version that deploying a stack with assets needs
/// (aws-cdk-lib's minimum for the DefaultStackSynthesizer).
inline constexpr int required_version = 6;

/// Throws cdk::Error naming `path` unless `qualifier` is 1-10 lowercase
/// letters, digits or hyphens (it becomes part of bucket and role names).
void check_qualifier(std::string_view qualifier, const std::string& path);

/// "/cdk-bootstrap/<qualifier>/version": the SSM parameter holding the bootstrap version.
std::string version_parameter(std::string_view qualifier);
/// "cdk-<qualifier>-assets-${AWS::AccountId}-${AWS::Region}"
std::string assets_bucket(std::string_view qualifier);
/// "cdk-<qualifier>-container-assets-${AWS::AccountId}-${AWS::Region}"
std::string container_assets_repository(std::string_view qualifier);
/// "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-<qualifier>-<role>-${AWS::AccountId}-${AWS::Region}"
/// for role "deploy-role", "cfn-exec-role", "file-publishing-role", "image-publishing-role", "lookup-role".
std::string role_arn(std::string_view qualifier, std::string_view role);

/// `text` with ${AWS::AccountId} and ${AWS::Region} replaced by the stack's
/// account and region where they are known; ${AWS::Partition} stays.
std::string specialize(std::string_view text, const Stack& stack);
/// `text` as a template value: Fn::Sub while it holds ${...} placeholders, else a literal.
Value cfnify(std::string text);

}  // namespace bootstrap
}  // namespace cdk
