#pragma once
// One signed, retried conversation with an AWS service endpoint: the query
// protocol (CloudFormation, STS), the JSON protocol (ECR, SSM) and plain REST
// requests (S3).
#include <pugixml.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "deploy/sigv4.hpp"
#include "deploy/transport.hpp"

namespace cdk::deploy {

/// Exponential backoff with full jitter ("Exponential Backoff And Jitter", AWS
/// Architecture Blog): attempt n waits a random time in [0, min(cap, base * 2^n)].
struct RetryPolicy {
  int max_attempts = 5;                        ///< total tries, including the first
  std::chrono::milliseconds base{250};
  std::chrono::milliseconds cap{8000};
  int max_connection_attempts = 3;             ///< tries when the endpoint does not answer at all
};

using Sleeper = std::function<void(std::chrono::milliseconds)>;
using Clock = std::function<std::chrono::system_clock::time_point()>;
/// When a command gives up (by the config's clock); nullopt: never.
using Deadline = std::optional<std::chrono::system_clock::time_point>;

struct ClientConfig {
  std::shared_ptr<Transport> transport;
  Credentials credentials;
  std::string region;
  std::string endpoint;  ///< e.g. https://cloudformation.eu-west-1.amazonaws.com or http://127.0.0.1:5000
  RetryPolicy retry;
  Sleeper sleep;  ///< defaults to std::this_thread::sleep_for
  Clock clock;    ///< defaults to system_clock::now
  /// Bounds every request, its retries and the waits between them; DeadlineError when it passes.
  Deadline deadline = std::nullopt;
};

using QueryParams = std::vector<std::pair<std::string, std::string>>;

/// True for errors AWS documents as worth retrying: throttling codes, 429 and 5xx.
bool is_retryable(long http_status, std::string_view code);
/// The delay before retry number `attempt` (0-based) with jitter drawn from `unit` in [0,1).
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int attempt, double unit);

class AwsClient {
 public:
  AwsClient(ClientConfig config, std::string service, std::string api_version = {});

  /// POSTs `Action=...&Version=...&params` and returns the parsed XML answer.
  /// Throws AwsError with the service's code and message, or ConnectionError.
  std::shared_ptr<pugi::xml_document> call(const std::string& action,
                                              const QueryParams& params = {}) const;

  /// Signs and sends a REST request (path and query relative to the endpoint), retrying like call().
  /// Non-2xx answers become AwsError named after `what`.
  HttpResponse rest(const std::string& what, std::string method, const std::string& path_and_query,
                    std::string body = {}, Headers headers = {}) const;

  /// The JSON protocol (ECR, SSM): POSTs `body` to / with X-Amz-Target `<target_prefix>.<action>`
  /// and returns the answer's JSON text. Errors as for call().
  std::string json_call(const std::string& target_prefix, const std::string& action, std::string body) const;

  [[nodiscard]] const ClientConfig& config() const noexcept { return config_; }
  [[nodiscard]] const std::string& service() const noexcept { return service_; }

 private:
  HttpResponse send_with_retries(const std::string& what, const HttpRequest& unsigned_request) const;
  /// What is left of the deadline (at most a day when there is none); DeadlineError when nothing is.
  std::chrono::milliseconds time_left(const std::string& what, const std::string& doing) const;
  /// Sleeps before retry `attempt`, unless the deadline would pass first.
  void back_off(const std::string& what, int attempt, const std::string& last_failure) const;

  ClientConfig config_;
  std::string service_;
  std::string api_version_;
};

/// Text of the first descendant element along `path` ("Stacks/member/StackName"), empty if absent.
std::string xml_text(const pugi::xml_node& node, const char* path);

}  // namespace cdk::deploy
