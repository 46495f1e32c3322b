#pragma once
/// The writer and readers of an AuroraCluster: provisioned instance classes or
/// Aurora Serverless v2 (capacity between the cluster's min and max ACUs).
///
///   .writer = cdk::rds::ClusterInstance::provisioned("writer", {.instance_type = "db.r6g.large"}),
///   .readers = {cdk::rds::ClusterInstance::serverless_v2("reader1")},
#include <cdk/container_instances.hpp>

#include <cstdint>
#include <string>

namespace cdk::rds {

struct ProvisionedClusterInstanceProps {
  std::string instance_type = "db.t3.medium";  ///< DB instance class; default db.t3.medium (as the AWS CDK)
  std::int64_t promotion_tier = -1;  ///< 0-15, failover order; default 0 for the writer, 2 for readers
  bool performance_insights = false;  ///< default false
};

struct ServerlessV2ClusterInstanceProps {
  std::int64_t promotion_tier = -1;   ///< default 0 for the writer, 2 for readers
  bool performance_insights = false;  ///< default false
};

class ClusterInstance {
 public:
  static ClusterInstance provisioned(std::string id, ProvisionedClusterInstanceProps props = {}) {
    return ClusterInstance(std::move(id), std::move(props.instance_type), props.promotion_tier, props.performance_insights);
  }
  static ClusterInstance serverless_v2(std::string id, ServerlessV2ClusterInstanceProps props = {}) {
    return ClusterInstance(std::move(id), serverless_class, props.promotion_tier, props.performance_insights);
  }
  static constexpr const char* serverless_class = "db.serverless";

  [[nodiscard]] const std::string& id() const noexcept { return id_; }
  [[nodiscard]] const std::string& instance_class() const noexcept { return class_; }
  [[nodiscard]] bool is_serverless_v2() const noexcept { return class_ == serverless_class; }
  [[nodiscard]] std::int64_t promotion_tier() const noexcept { return tier_; }
  [[nodiscard]] bool performance_insights() const noexcept { return insights_; }

 private:
  ClusterInstance(std::string id, std::string cls, std::int64_t tier, bool insights)
      : id_(std::move(id)), class_(std::move(cls)), tier_(tier), insights_(insights) {}
  std::string id_;
  std::string class_;
  std::int64_t tier_;
  bool insights_;
};

}  // namespace cdk::rds

CDKPP_EXTERN_VECTOR(cdk::rds::ClusterInstance);
