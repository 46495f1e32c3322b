#include <cdk/elbv2/listener_action.hpp>

#include <cdk/elbv2/detail/action_check.hpp>

namespace cdk::elbv2 {

ListenerAction ListenerAction::forward(std::vector<Ptr<TargetGroup>> target_groups) {
  ListenerAction a;
  a.kind_ = Kind::Forward;
  a.groups_ = std::move(target_groups);
  return a;
}

ListenerAction ListenerAction::redirect(RedirectOptions options) {
  ListenerAction a;
  a.kind_ = Kind::Redirect;
  a.redirect_ = std::move(options);
  return a;
}

ListenerAction ListenerAction::fixed_response(int status_code, std::string content_type, std::string message_body) {
  ListenerAction a;
  a.kind_ = Kind::FixedResponse;
  a.status_code_ = status_code;
  a.content_type_ = std::move(content_type);
  a.message_body_ = std::move(message_body);
  return a;
}

ListenerCondition ListenerCondition::path_patterns(std::vector<std::string> values) {
  return {Field::PathPattern, std::move(values)};
}
ListenerCondition ListenerCondition::host_headers(std::vector<std::string> values) {
  return {Field::HostHeader, std::move(values)};
}
ListenerCondition ListenerCondition::http_request_methods(std::vector<std::string> values) {
  return {Field::HttpRequestMethod, std::move(values)};
}
ListenerCondition ListenerCondition::source_ips(std::vector<std::string> values) {
  return {Field::SourceIp, std::move(values)};
}

const char* ListenerCondition::field_name() const noexcept {
  switch (field_) {
    case Field::PathPattern: return "path-pattern";
    case Field::HostHeader: return "host-header";
    case Field::HttpRequestMethod: return "http-request-method";
    case Field::SourceIp: return "source-ip";
  }
  return "path-pattern";
}

namespace detail {

std::string action_problem(const ListenerAction& a) {
  switch (a.kind()) {
    case ListenerAction::Kind::Forward:
      if (a.target_groups().empty()) return "a forward action needs at least one target group";
      for (const auto& g : a.target_groups()) {
        if (!g) return "a forward action names a null target group";
      }
      if (a.target_groups().size() > 5) return "a forward action can name at most 5 target groups";
      return {};
    case ListenerAction::Kind::Redirect: {
      const RedirectOptions& r = a.redirect_options();
      if (!r.protocol.empty() && r.protocol != "HTTP" && r.protocol != "HTTPS" && r.protocol != "#{protocol}") {
        return "redirect protocol '" + r.protocol + "' must be HTTP or HTTPS";
      }
      if (!r.path.empty() && r.path.front() != '/' && !r.path.starts_with("#{")) {
        return "redirect path '" + r.path + "' must start with '/'";
      }
      return {};
    }
    case ListenerAction::Kind::FixedResponse:
      if (a.status_code() < 200 || a.status_code() > 599) {
        return "fixed response status code " + std::to_string(a.status_code()) + " must be 200-599";
      }
      if (a.message_body().size() > 1024) return "a fixed response body can be at most 1024 characters";
      return {};
  }
  return {};
}

std::string condition_problem(const ListenerCondition& c) {
  if (c.values().empty()) return std::string("a ") + c.field_name() + " condition needs at least one value";
  if ((c.field() == ListenerCondition::Field::PathPattern || c.field() == ListenerCondition::Field::HostHeader) &&
      c.values().size() > 5) {
    return std::string("a ") + c.field_name() + " condition can have at most 5 values";
  }
  return {};
}

}  // namespace detail
}  // namespace cdk::elbv2
