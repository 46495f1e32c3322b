#pragma once
/// cdk::codepipeline_actions::CodeStarConnection: an AWS CodeStar Connections
/// (CodeConnections) connection to GitHub, GitLab or Bitbucket, for
/// CodeStarConnectionsSourceAction.
///
///   auto& github = stack.add<cdk::codepipeline_actions::CodeStarConnection>("GitHub", {.connection_name = "acme-github"});
///   ... .connection_arn = github.connection_arn() ...
///
/// CloudFormation makes the connection PENDING: someone with access to the
/// account completes the handshake with the provider once, in the console
/// (Developer Tools > Settings > Connections), before the pipeline's first
/// source action can succeed. An existing connection is used by its ARN
/// instead. The AWS CDK has no L2 for this; the construct id is "Resource".
#include <cdk/construct.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <string>

namespace cdk::codestarconnections {
class CfnConnection;
}

namespace cdk::codepipeline_actions {

enum class ConnectionProviderType : std::uint8_t { GitHub, GitLab, Bitbucket };

struct CodeStarConnectionProps {
  std::string connection_name{};  ///< 1-32 characters; required
  ConnectionProviderType provider_type = ConnectionProviderType::GitHub;  ///< default GitHub
};

class CodeStarConnection : public Construct {
 public:
  using Props = CodeStarConnectionProps;
  CodeStarConnection(Construct& scope, std::string_view id, const CodeStarConnectionProps& props);

  /// Fn::GetAtt ConnectionArn (also what {"Ref"} gives).
  [[nodiscard]] Value connection_arn() const;

 private:
  codestarconnections::CfnConnection* resource_ = nullptr;
};

}  // namespace cdk::codepipeline_actions
