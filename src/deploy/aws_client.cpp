#include "deploy/aws_client.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "deploy/endpoint.hpp"
#include "deploy/errors.hpp"

namespace cdk::deploy {
namespace {

struct ParsedError {
  std::string code;
  std::string message;
  std::string request_id;
};

/// Query-protocol errors are <ErrorResponse><Error><Code/><Message/></Error><RequestId/>;
/// S3's are <Error><Code/><Message/><RequestId/></Error>.
/// JSON-protocol errors are {"__type": "[namespace#]Code", "message": "..."}.
bool parse_json_error(const HttpResponse& response, ParsedError& e) {
  if (response.body.empty() || response.body.front() != '{') return false;
  auto doc = nlohmann::json::parse(response.body, nullptr, false);
  if (!doc.is_object()) return false;
  std::string type = doc.value("__type", std::string());
  e.code = type.substr(type.find('#') == std::string::npos ? 0 : type.find('#') + 1);
  e.message = doc.value("message", doc.value("Message", std::string()));
  e.request_id = header_value(response.headers, "x-amzn-RequestId");
  return true;
}

ParsedError parse_error(const HttpResponse& response) {
  ParsedError e;
  pugi::xml_document doc;
  bool is_json = parse_json_error(response, e);
  if (!is_json && !response.body.empty() && doc.load_buffer(response.body.data(), response.body.size())) {
    pugi::xml_node error = doc.child("ErrorResponse").child("Error");
    if (!error) error = doc.child("Response").child("Errors").child("Error");
    if (!error) error = doc.child("Error");
    e.code = error.child_value("Code");
    e.message = error.child_value("Message");
    e.request_id = doc.child("ErrorResponse").child_value("RequestId");
    if (e.request_id.empty()) e.request_id = error.child_value("RequestId");
  }
  if (e.code.empty()) {
    e.code = response.status == 429 ? "TooManyRequests" : fmt::format("HTTP{}", response.status);
  }
  if (e.message.empty()) {
    auto amz = header_value(response.headers, "x-amzn-ErrorType");
    e.message = !amz.empty()                ? amz
                : response.status >= 500    ? fmt::format("the endpoint answered HTTP {} (server error)", response.status)
                                            : fmt::format("the endpoint answered HTTP {}", response.status);
  }
  return e;
}

std::string form_encode(const std::string& action, const std::string& version, const QueryParams& params) {
  std::string body = "Action=" + uri_encode(action);
  if (!version.empty()) body += "&Version=" + uri_encode(version);
  for (const auto& [k, v] : params) body += "&" + uri_encode(k) + "=" + uri_encode(v);
  return body;
}

double random_unit() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

}  // namespace

bool is_retryable(long http_status, std::string_view code) {
  static constexpr std::string_view throttling[] = {
      "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
      "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
      "RequestLimitExceeded", "BandwidthLimitExceeded", "RequestThrottled",
      "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException", "RequestTimeout",
      "RequestTimeoutException", "InternalFailure", "ServiceUnavailable"};
  if (std::find(std::begin(throttling), std::end(throttling), code) != std::end(throttling)) return true;
  return http_status == 429 || http_status >= 500;
}

std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int attempt, double unit) {
  double ceiling = static_cast<double>(policy.base.count()) * static_cast<double>(1LL << std::min(attempt, 20));
  ceiling = std::min(ceiling, static_cast<double>(policy.cap.count()));
  return std::chrono::milliseconds(static_cast<long long>(ceiling * unit));
}

AwsClient::AwsClient(ClientConfig config, std::string service, std::string api_version)
    : config_(std::move(config)), service_(std::move(service)), api_version_(std::move(api_version)) {
  if (!config_.sleep) config_.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
  if (!config_.clock) config_.clock = [] { return std::chrono::system_clock::now(); };
  while (!config_.endpoint.empty() && config_.endpoint.back() == '/') config_.endpoint.pop_back();
  parse_url(config_.endpoint);  // reject a malformed endpoint before any request
}

std::chrono::milliseconds AwsClient::time_left(const std::string& what, const std::string& doing) const {
  if (!config_.deadline) return std::chrono::hours(24);
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*config_.deadline - config_.clock());
  if (left.count() > 0) return left;
  throw DeadlineError(fmt::format("the deadline (--timeout) passed {} {} ({} endpoint {})", doing, what, service_,
                                  config_.endpoint));
}

void AwsClient::back_off(const std::string& what, int attempt, const std::string& last_failure) const {
  auto delay = backoff_delay(config_.retry, attempt, random_unit());
  if (config_.deadline && config_.clock() + delay >= *config_.deadline) {
    throw DeadlineError(fmt::format("the deadline (--timeout) passed before {} could be retried ({} endpoint {}); "
                                    "the last attempt: {}",
                                    what, service_, config_.endpoint, last_failure));
  }
  config_.sleep(delay);
}

HttpResponse AwsClient::send_with_retries(const std::string& what, const HttpRequest& unsigned_request) const {
  const RetryPolicy& policy = config_.retry;
  int connection_failures = 0;
  for (int attempt = 0;; ++attempt) {
    HttpRequest request = unsigned_request;
    // The transport gets what is left of the deadline, so a hung endpoint cannot outlast it.
    if (config_.deadline) request.timeout = time_left(what, attempt == 0 ? "before sending" : "before retrying");
    // Re-sign every attempt: the signature covers the time.
    sign_request(request, config_.credentials, config_.region, service_, config_.clock());
    HttpResponse response;
    try {
      response = config_.transport->send(request);
    } catch (const TransportError& e) {
      time_left(what, "while waiting for the answer to");
      ++connection_failures;
      if (connection_failures >= policy.max_connection_attempts || attempt + 1 >= policy.max_attempts) {
        throw ConnectionError(fmt::format("cannot reach {} endpoint {} ({}): {}", service_, config_.endpoint, what,
                                          e.what()));
      }
      back_off(what, attempt, e.what());
      continue;
    }
    if (response.status >= 200 && response.status < 300) return response;
    if (response.status == 304 || (request.method == "HEAD" && response.status < 500)) return response;
    ParsedError e = parse_error(response);
    if (is_retryable(response.status, e.code) && attempt + 1 < policy.max_attempts) {
      back_off(what, attempt, fmt::format("HTTP {} {}: {}", response.status, e.code, e.message));
      continue;
    }
    throw AwsError(what, response.status, e.code, e.message, e.request_id, attempt + 1);
  }
}

std::shared_ptr<pugi::xml_document> AwsClient::call(const std::string& action, const QueryParams& params) const {
  HttpRequest request;
  request.method = "POST";
  request.url = config_.endpoint + "/";
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
  request.body = form_encode(action, api_version_, params);
  HttpResponse response = send_with_retries(action, request);
  auto doc = std::make_shared<pugi::xml_document>();
  auto parsed = doc->load_buffer(response.body.data(), response.body.size());
  if (!parsed) {
    throw AwsError(action, response.status, "MalformedResponse",
                   fmt::format("the {} answer is not XML: {}", service_, parsed.description()), "");
  }
  return doc;
}

HttpResponse AwsClient::rest(const std::string& what, std::string method, const std::string& path_and_query,
                             std::string body, Headers headers) const {
  HttpRequest request;
  request.method = std::move(method);
  request.url = config_.endpoint + path_and_query;
  request.headers = std::move(headers);
  request.body = std::move(body);
  return send_with_retries(what, request);
}

std::string AwsClient::json_call(const std::string& target_prefix, const std::string& action,
                                 std::string body) const {
  HttpRequest request;
  request.method = "POST";
  request.url = config_.endpoint + "/";
  request.headers = {{"Content-Type", "application/x-amz-json-1.1"}, {"X-Amz-Target", target_prefix + "." + action}};
  request.body = std::move(body);
  return send_with_retries(action, request).body;
}

std::string xml_text(const pugi::xml_node& node, const char* path) {
  pugi::xml_node n = node.first_element_by_path(path);
  return n ? n.child_value() : std::string();
}

AwsError::AwsError(std::string action, long http_status, std::string code, std::string message,
                   std::string request_id, int attempts)
    : DeployError(fmt::format("{} failed: {}: {}", action, code, message)),
      action_(std::move(action)),
      http_status_(http_status),
      code_(std::move(code)),
      message_(std::move(message)),
      request_id_(std::move(request_id)),
      attempts_(attempts) {}

}  // namespace cdk::deploy
