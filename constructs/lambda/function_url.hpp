#pragma once
/// cdk::lambda::FunctionUrl: an HTTPS endpoint (https://<id>.lambda-url.<region>.on.aws/)
/// that invokes a function or an alias. Made by Function::add_function_url or
/// Alias::add_function_url, as the child "FunctionUrl" (its L1 "Resource"), so
/// logical ids match the AWS CDK's.
///
///   auto& url = fn.add_function_url();                 // AWS_IAM: signed requests only
///   url.grant_invoke_url(frontend_role);
///   stack.add<cdk::CfnOutput>("Url", {.value = url.url()});
///   fn.add_function_url({.auth_type = cdk::lambda::FunctionUrlAuthType::None});   // public
///
/// With FunctionUrlAuthType::None the function (or alias) also gets the two
/// permissions Lambda requires for public URLs, "invoke-function-url" and
/// "invoke-function" (principal "*", only through the URL), as in the AWS CDK.
/// Made anywhere but under a Function or an Alias, it is an error naming the path.
#include <cdk/construct.hpp>
#include <cdk/iam/grantable.hpp>
#include <cdk/lambda/function_url_props.hpp>
#include <cdk/value.hpp>

namespace cdk::lambda {

class CfnUrl;

class FunctionUrl : public Construct {
 public:
  using Props = FunctionUrlProps;
  FunctionUrl(Construct& scope, std::string_view id, const FunctionUrlProps& props = {});

  /// Fn::GetAtt FunctionUrl: the endpoint.
  [[nodiscard]] Value url() const;
  /// Fn::GetAtt FunctionArn: the function the URL invokes.
  [[nodiscard]] Value function_arn() const;
  [[nodiscard]] FunctionUrlAuthType auth_type() const noexcept { return auth_type_; }
  /// lambda:InvokeFunctionUrl (AWS_IAM URLs) and lambda:InvokeFunction through
  /// the URL, on the function or alias, for an IAM identity.
  void grant_invoke_url(iam::IGrantable& grantee) const;
  [[nodiscard]] CfnUrl& cfn_url() noexcept { return *resource_; }

 private:
  FunctionUrlAuthType auth_type_;
  Value target_arn_;
  CfnUrl* resource_ = nullptr;
};

}  // namespace cdk::lambda
