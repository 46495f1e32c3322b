#include <cdk/lambda/function_url.hpp>

#include <cdk/iam/grant.hpp>
#include <cdk/lambda/alias.hpp>
#include <cdk/lambda/cfn_alias.hpp>
#include <cdk/lambda/cfn_url.hpp>
#include <cdk/lambda/function.hpp>
#include <cdk/lambda/version.hpp>

#include <string>

namespace cdk::lambda {

namespace {

CfnUrl::CorsProperty render_cors(const std::string& path, const FunctionUrlCors& cors) {
  if (cors.allowed_origins.empty())
    throw Error(path, "CORS needs allowed_origins", "e.g. .allowed_origins = {\"https://app.example.com\"}");
  if (cors.max_age_seconds && (*cors.max_age_seconds < 0 || *cors.max_age_seconds > 86400))
    throw Error(path, "CORS max_age_seconds " + std::to_string(*cors.max_age_seconds) + " is outside Lambda's range 0-86400",
                "set at most 86400 (one day)");
  CfnUrl::CorsProperty out;
  if (cors.allow_credentials) out.allow_credentials = true;
  if (!cors.allowed_headers.empty()) out.allow_headers = Value(cors.allowed_headers);
  // All methods unless told, as the AWS CDK renders it.
  out.allow_methods = cors.allowed_methods.empty() ? Value(std::vector<std::string>{"*"}) : Value(cors.allowed_methods);
  out.allow_origins = Value(cors.allowed_origins);
  if (cors.max_age_seconds) out.max_age = *cors.max_age_seconds;
  return out;
}

}  // namespace

FunctionUrl::FunctionUrl(Construct& scope, std::string_view id, const FunctionUrlProps& props)
    : Construct(scope, id), auth_type_(props.auth_type) {
  const auto path = node().path();
  auto* function = dynamic_cast<Function*>(&scope);
  auto* alias = dynamic_cast<Alias*>(&scope);
  if (function == nullptr && alias == nullptr)
    throw Error(path, "a function URL belongs to a lambda::Function or lambda::Alias",
                "make it with fn.add_function_url() or alias.add_function_url()");
  if (alias != nullptr) function = &alias->version().function();
  CfnUrl::Props l1;
  l1.auth_type = function_url_auth_type_name(auth_type_);
  if (props.cors) l1.cors = render_cors(path, *props.cors);
  if (props.invoke_mode)
    l1.invoke_mode = *props.invoke_mode == InvokeMode::ResponseStream ? "RESPONSE_STREAM" : "BUFFERED";
  if (alias != nullptr) l1.qualifier = alias->alias_name();
  l1.target_function_arn = function->function_arn();
  resource_ = &add<CfnUrl>("Resource", std::move(l1));
  if (alias != nullptr) resource_->node().add_dependency(alias->cfn_alias());
  target_arn_ = alias != nullptr ? alias->function_arn() : function->function_arn();
  if (auth_type_ != FunctionUrlAuthType::None) return;
  // A public URL needs both: InvokeFunctionUrl, and InvokeFunction through the URL only.
  const auto add = [&](std::string_view pid, const Permission& p) {
    if (alias != nullptr) alias->add_permission(pid, p);
    else function->add_permission(pid, p);
  };
  add("invoke-function-url", {.principal = "*", .action = "lambda:InvokeFunctionUrl",
                              .function_url_auth_type = FunctionUrlAuthType::None});
  add("invoke-function", {.principal = "*", .invoked_via_function_url = true});
}

Value FunctionUrl::url() const { return resource_->attr_function_url(); }
Value FunctionUrl::function_arn() const { return resource_->attr_function_arn(); }

void FunctionUrl::grant_invoke_url(iam::IGrantable& grantee) const {
  // The URL call, and the invocation it makes (Lambda authorizes both), as aws-cdk-lib grants them.
  iam::Grant::add_to_principal({.grantee = grantee, .actions = {"lambda:InvokeFunctionUrl"}, .resource_arns = {target_arn_},
                                .conditions = Value::map({{"StringEquals", Value::map({
                                    {"lambda:FunctionUrlAuthType", "AWS_IAM"}})}})});
  iam::Grant::add_to_principal({.grantee = grantee, .actions = {"lambda:InvokeFunction"}, .resource_arns = {target_arn_},
                                .conditions = Value::map({{"Bool", Value::map({{"lambda:InvokedViaFunctionUrl", true}})}})});
}

}  // namespace cdk::lambda
