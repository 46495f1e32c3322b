#pragma once
// Errors of the deploy adapter. Each what() is one line a user can act on and
// never contains secrets.
#include <stdexcept>
#include <string>

namespace cdk::deploy {

/// Anything that stops a deploy/diff/destroy: printed as `error: <what>`.
class DeployError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// No credentials anywhere in the chain, or a named profile that does not exist.
class CredentialsError : public DeployError {
 public:
  using DeployError::DeployError;
};

/// An error answer from an AWS API (after retries, if it was retryable).
class AwsError : public DeployError {
 public:
  AwsError(std::string action, long http_status, std::string code, std::string message, std::string request_id,
           int attempts = 1);
  [[nodiscard]] const std::string& action() const noexcept { return action_; }
  [[nodiscard]] long http_status() const noexcept { return http_status_; }
  [[nodiscard]] const std::string& code() const noexcept { return code_; }
  [[nodiscard]] const std::string& message() const noexcept { return message_; }
  [[nodiscard]] const std::string& request_id() const noexcept { return request_id_; }
  /// How many times the request was sent: above 1, an earlier attempt may have
  /// been carried out although its answer was lost.
  [[nodiscard]] int attempts() const noexcept { return attempts_; }

 private:
  std::string action_;
  long http_status_;
  std::string code_;
  std::string message_;
  std::string request_id_;
  int attempts_;
};

/// The endpoint could not be reached (after retries).
class ConnectionError : public DeployError {
 public:
  using DeployError::DeployError;
};

/// The command's deadline (--timeout) passed before a request could be sent,
/// retried, or answered.
class DeadlineError : public DeployError {
 public:
  using DeployError::DeployError;
};

}  // namespace cdk::deploy
