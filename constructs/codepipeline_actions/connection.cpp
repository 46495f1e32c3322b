#include <cdk/codepipeline_actions/connection.hpp>

#include <cdk/codestarconnections/cfn_connection.hpp>
#include <cdk/error.hpp>

namespace cdk::codepipeline_actions {

namespace {

const char* provider_name(ConnectionProviderType t) {
  switch (t) {
    case ConnectionProviderType::GitHub: return "GitHub";
    case ConnectionProviderType::GitLab: return "GitLab";
    case ConnectionProviderType::Bitbucket: return "Bitbucket";
  }
  return "GitHub";
}

}  // namespace

CodeStarConnection::CodeStarConnection(Construct& scope, std::string_view id, const CodeStarConnectionProps& props)
    : Construct(scope, id) {
  const auto& name = props.connection_name;
  if (name.empty() || name.size() > 32)
    throw Error(node().path(), "connection name \"" + name + "\" must be 1-32 characters", "set .connection_name");
  resource_ = &add<codestarconnections::CfnConnection>(
      "Resource", codestarconnections::CfnConnection::Props{.connection_name = name, .provider_type = provider_name(props.provider_type)});
}

Value CodeStarConnection::connection_arn() const { return resource_->attr_connection_arn(); }

}  // namespace cdk::codepipeline_actions
