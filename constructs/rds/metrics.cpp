// The CloudWatch metrics of instances and Aurora clusters, as aws-cdk-lib names
// them: AWS/RDS, averaged over five minutes.
#include <cdk/rds/aurora_cluster.hpp>
#include <cdk/rds/database_instance.hpp>

#include <utility>

namespace cdk::rds {

cloudwatch::Metric DatabaseInstance::metric(std::string name, std::string statistic) const {
  return {.namespace_ = "AWS/RDS",
          .metric_name = std::move(name),
          .dimensions = {{"DBInstanceIdentifier", instance_identifier()}},
          .statistic = std::move(statistic)};
}
cloudwatch::Metric DatabaseInstance::metric_cpu_utilization() const { return metric("CPUUtilization"); }
cloudwatch::Metric DatabaseInstance::metric_database_connections() const { return metric("DatabaseConnections"); }
cloudwatch::Metric DatabaseInstance::metric_free_storage_space() const { return metric("FreeStorageSpace"); }
cloudwatch::Metric DatabaseInstance::metric_freeable_memory() const { return metric("FreeableMemory"); }
cloudwatch::Metric DatabaseInstance::metric_read_iops() const { return metric("ReadIOPS"); }
cloudwatch::Metric DatabaseInstance::metric_write_iops() const { return metric("WriteIOPS"); }

cloudwatch::Metric AuroraCluster::metric(std::string name, std::string statistic) const {
  return {.namespace_ = "AWS/RDS",
          .metric_name = std::move(name),
          .dimensions = {{"DBClusterIdentifier", cluster_identifier()}},
          .statistic = std::move(statistic)};
}
cloudwatch::Metric AuroraCluster::metric_cpu_utilization() const { return metric("CPUUtilization"); }
cloudwatch::Metric AuroraCluster::metric_database_connections() const { return metric("DatabaseConnections"); }
cloudwatch::Metric AuroraCluster::metric_freeable_memory() const { return metric("FreeableMemory"); }
cloudwatch::Metric AuroraCluster::metric_free_local_storage() const { return metric("FreeLocalStorage"); }
cloudwatch::Metric AuroraCluster::metric_deadlocks() const { return metric("Deadlocks"); }
cloudwatch::Metric AuroraCluster::metric_volume_bytes_used() const { return metric("VolumeBytesUsed"); }
cloudwatch::Metric AuroraCluster::metric_volume_read_iops() const { return metric("VolumeReadIOPs"); }
cloudwatch::Metric AuroraCluster::metric_volume_write_iops() const { return metric("VolumeWriteIOPs"); }

}  // namespace cdk::rds
