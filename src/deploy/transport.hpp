#pragma once
// The seam between the CloudFormation/S3 clients and the network. Everything
// above it (signing, retries, deploy logic) is tested by replaying recorded
// responses through a Transport; the curl transport is tested against moto.
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cdk::deploy {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "POST";
  std::string url;  ///< absolute, e.g. https://cloudformation.eu-west-1.amazonaws.com/
  Headers headers;
  std::string body;
  /// Bounds this request (connect and transfer) when above zero and below the
  /// transport's own timeout: what is left of the command's deadline.
  std::chrono::milliseconds timeout{0};
};

struct HttpResponse {
  long status = 0;
  Headers headers;
  std::string body;
};

/// The request never got an HTTP answer (refused, reset, timed out, DNS).
class TransportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Sends one HTTP request and returns the answer, whatever its status.
/// Implementations must be usable from several threads at once.
class Transport {
 public:
  virtual ~Transport() = default;
  virtual HttpResponse send(const HttpRequest& request) = 0;
};

/// HTTPS through libcurl; `timeout` bounds one whole request (a request's own timeout may shorten it).
std::unique_ptr<Transport> make_curl_transport(std::chrono::milliseconds timeout = std::chrono::seconds(60));

/// First value of a header, case-insensitive; empty if absent.
std::string header_value(const Headers& headers, std::string_view name);

}  // namespace cdk::deploy
