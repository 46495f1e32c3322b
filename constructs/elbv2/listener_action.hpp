#pragma once
/// What a listener or listener rule does with a request: forward to target
/// groups, redirect, or answer itself.
///
///   listener.add_action("Old", {.priority = 5, .conditions = {ListenerCondition::path_patterns({"/old/*"})},
///       .action = cdk::elbv2::ListenerAction::redirect({.path = "/new/"})});
///   cdk::elbv2::ListenerAction::fixed_response(404, "text/plain", "not here");
#include <cdk/container_instances.hpp>
#include <cdk/ptr.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cdk::elbv2 {

class TargetGroup;

/// A redirect. Unset parts keep the request's ("#{host}", "#{port}", ...).
struct RedirectOptions {
  std::string protocol{};   ///< "HTTP" or "HTTPS"; default: the request's
  std::string host{};       ///< default: the request's
  std::string port{};       ///< default: the request's
  std::string path{};       ///< must start with '/'; default: the request's
  std::string query{};      ///< default: the request's
  bool permanent = true;    ///< HTTP 301 (true) or 302; default true
};

class ListenerAction {
 public:
  enum class Kind : std::uint8_t { Forward, Redirect, FixedResponse };

  /// Forwards to the groups, in equal weights when there are several.
  static ListenerAction forward(std::vector<Ptr<TargetGroup>> target_groups);
  static ListenerAction redirect(RedirectOptions options);
  /// Answers with this status code (200-599), content type and body.
  static ListenerAction fixed_response(int status_code, std::string content_type = {}, std::string message_body = {});

  [[nodiscard]] Kind kind() const noexcept { return kind_; }
  [[nodiscard]] const std::vector<Ptr<TargetGroup>>& target_groups() const noexcept { return groups_; }
  [[nodiscard]] const RedirectOptions& redirect_options() const noexcept { return redirect_; }
  [[nodiscard]] int status_code() const noexcept { return status_code_; }
  [[nodiscard]] const std::string& content_type() const noexcept { return content_type_; }
  [[nodiscard]] const std::string& message_body() const noexcept { return message_body_; }

 private:
  ListenerAction() = default;
  Kind kind_ = Kind::Forward;
  std::vector<Ptr<TargetGroup>> groups_;
  RedirectOptions redirect_;
  int status_code_ = 0;
  std::string content_type_;
  std::string message_body_;
};

/// A condition of a listener rule; all conditions of a rule must match.
class ListenerCondition {
 public:
  enum class Field : std::uint8_t { PathPattern, HostHeader, HttpRequestMethod, SourceIp };

  /// Paths such as "/api/*" (case sensitive, '*' and '?' wildcards), at most 5.
  static ListenerCondition path_patterns(std::vector<std::string> values);
  /// Host names such as "api.example.com" or "*.example.com", at most 5.
  static ListenerCondition host_headers(std::vector<std::string> values);
  /// Methods such as "GET", "POST".
  static ListenerCondition http_request_methods(std::vector<std::string> values);
  /// Client CIDR blocks such as "203.0.113.0/24".
  static ListenerCondition source_ips(std::vector<std::string> values);

  [[nodiscard]] Field field() const noexcept { return field_; }
  /// "path-pattern", "host-header", "http-request-method" or "source-ip".
  [[nodiscard]] const char* field_name() const noexcept;
  [[nodiscard]] const std::vector<std::string>& values() const noexcept { return values_; }

 private:
  ListenerCondition(Field f, std::vector<std::string> v) : field_(f), values_(std::move(v)) {}
  Field field_;
  std::vector<std::string> values_;
};

}  // namespace cdk::elbv2

CDKPP_EXTERN_VECTOR(cdk::elbv2::ListenerCondition);
