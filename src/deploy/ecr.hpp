#pragma once
// The ECR calls image publishing needs, over ECR's JSON protocol
// (AmazonEC2ContainerRegistry_V20150921). Reference:
// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/
#include <string>

#include "deploy/aws_client.hpp"

namespace cdk::deploy {

/// What `docker login` needs; the password is never put on a command line.
struct RegistryLogin {
  std::string username;
  std::string password;
  std::string registry;  ///< host, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com
};

class Ecr {
 public:
  static constexpr const char* target_prefix = "AmazonEC2ContainerRegistry_V20150921";
  /// `config.endpoint` is ECR's API endpoint (api.ecr.<region>.amazonaws.com on AWS).
  explicit Ecr(ClientConfig config);

  /// DescribeRepositories: the repository's URI (<registry>/<name>). Throws
  /// DeployError saying to bootstrap when the repository does not exist.
  [[nodiscard]] std::string repository_uri(const std::string& repository) const;
  /// DescribeImages: true when `tag` is already in the repository.
  [[nodiscard]] bool has_image(const std::string& repository, const std::string& tag) const;
  /// GetAuthorizationToken, decoded into user name and password.
  [[nodiscard]] RegistryLogin login() const;

 private:
  AwsClient client_;
};

/// Standard base64 (with padding) to bytes; throws DeployError on bad input.
std::string base64_decode(const std::string& text);

}  // namespace cdk::deploy
