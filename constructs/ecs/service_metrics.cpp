// A service's CloudWatch metrics, as aws-cdk-lib's BaseService names them.
#include <cdk/ecs/base_service.hpp>
#include <cdk/ecs/cluster.hpp>

#include <utility>

namespace cdk::ecs {

cloudwatch::Metric BaseService::metric(std::string name, std::string statistic) const {
  return {.namespace_ = "AWS/ECS",
          .metric_name = std::move(name),
          .dimensions = {{"ClusterName", cluster().cluster_name()}, {"ServiceName", service_name()}},
          .statistic = std::move(statistic)};
}
cloudwatch::Metric BaseService::metric_cpu_utilization() const { return metric("CPUUtilization"); }
cloudwatch::Metric BaseService::metric_memory_utilization() const { return metric("MemoryUtilization"); }

}  // namespace cdk::ecs
