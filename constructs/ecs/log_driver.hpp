#pragma once
/// How a container's output is logged.
///
///   .logging = cdk::ecs::LogDriver::aws_logs({.stream_prefix = "web", .retention_days = 30})
///
/// aws_logs uses the given log group, or creates one next to the container (`<TaskDef>/<container>/LogGroup`,
/// retained when the stack is deleted, as in the AWS CDK) and lets the task's
/// execution role write to that group only.
#include <cdk/ptr.hpp>

#include <cstdint>
#include <string>

namespace cdk::logs {
class LogGroup;
}

namespace cdk::ecs {

struct AwsLogDriverProps {
  std::string stream_prefix{};  ///< streams are named <prefix>/<container>/<task id>; required
  Ptr<logs::LogGroup> log_group{};  ///< an existing group to log to; default a new group next to the container
  std::int64_t retention_days = 0;  ///< new group only: one of CloudWatch's allowed values (1, 3, 5, 7, 14, 30, ...); default never expire
  bool non_blocking = false;    ///< mode=non-blocking: never block the app when logs back up; default false (blocking)
};

class LogDriver {
 public:
  enum class Kind { AwsLogs };
  /// Logs to CloudWatch Logs (the awslogs driver).
  static LogDriver aws_logs(AwsLogDriverProps props) { return LogDriver(Kind::AwsLogs, std::move(props)); }

  [[nodiscard]] Kind kind() const noexcept { return kind_; }
  [[nodiscard]] const AwsLogDriverProps& aws_logs_props() const noexcept { return aws_logs_; }

 private:
  LogDriver(Kind kind, AwsLogDriverProps props) : kind_(kind), aws_logs_(std::move(props)) {}
  Kind kind_;
  AwsLogDriverProps aws_logs_;
};

}  // namespace cdk::ecs
