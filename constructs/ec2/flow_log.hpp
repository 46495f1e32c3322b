#pragma once
/// cdk::ec2::FlowLog: VPC flow logs to CloudWatch Logs or S3, the AWS CDK's FlowLog.
///
///   vpc.add_flow_log("FlowLogs");   // CloudWatch Logs: a log group kept 2 years and a delivery role
///   vpc.add_flow_log("ToS3", {.destination = cdk::ec2::FlowLogDestination::to_s3()});
#include <cdk/construct.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <string>

namespace cdk::ec2 {

class CfnFlowLog;

enum class FlowLogTrafficType : std::uint8_t { All, Accept, Reject };

class FlowLogDestination {
 public:
  enum class Kind : std::uint8_t { CloudWatchLogs, S3 };
  /// A new log group (retention 731 days, retained on delete) and an IAM
  /// role that the flow log service assumes to write to it.
  static FlowLogDestination to_cloud_watch_logs() { return FlowLogDestination(Kind::CloudWatchLogs, {}); }
  /// An S3 bucket by ARN, or (without one) a new bucket: encrypted (SSE-S3),
  /// public access blocked, retained on delete. The log delivery service adds
  /// its own statements to the bucket policy when the flow log is created.
  static FlowLogDestination to_s3(Value bucket_arn = {}) { return FlowLogDestination(Kind::S3, std::move(bucket_arn)); }

  [[nodiscard]] Kind kind() const noexcept { return kind_; }
  [[nodiscard]] const Value& bucket_arn() const noexcept { return bucket_arn_; }

 private:
  FlowLogDestination(Kind kind, Value arn) : kind_(kind), bucket_arn_(std::move(arn)) {}
  Kind kind_;
  Value bucket_arn_;
};

struct FlowLogOptions {
  FlowLogDestination destination = FlowLogDestination::to_cloud_watch_logs();  ///< default: a new CloudWatch log group
  FlowLogTrafficType traffic_type = FlowLogTrafficType::All;                  ///< default All
};

struct FlowLogProps {
  Value resource_id{};                                                        ///< required: the VPC, subnet or ENI id
  std::string resource_type = "VPC";                                          ///< "VPC", "Subnet" or "NetworkInterface"; default "VPC"
  FlowLogDestination destination = FlowLogDestination::to_cloud_watch_logs();  ///< default: a new CloudWatch log group
  FlowLogTrafficType traffic_type = FlowLogTrafficType::All;                  ///< default All
};

class FlowLog : public Construct {
 public:
  using Props = FlowLogProps;
  FlowLog(Construct& scope, std::string_view id, const FlowLogProps& props);

  /// {"Ref": flow log}.
  [[nodiscard]] Value flow_log_id() const;
  [[nodiscard]] CfnFlowLog& resource() const noexcept { return *resource_; }

 private:
  CfnFlowLog* resource_ = nullptr;
};

}  // namespace cdk::ec2
