#include <cdk/ecs/cfn_cluster.hpp>
#include <cdk/ecs/cluster.hpp>

#include <algorithm>
#include <cctype>

namespace cdk::ecs {

Cluster::Cluster(Construct& scope, std::string_view id, ClusterProps props) : Construct(scope, id), props_(std::move(props)) {
  const auto& name = props_.cluster_name;
  if (name.size() > max_name_length ||
      !std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; }))
    throw Error(node().path(), "cluster name '" + name + "' is not valid",
                "use at most 255 letters, digits, hyphens and underscores");
  CfnCluster::Props p;
  if (!name.empty()) p.cluster_name = name;
  if (props_.container_insights) p.cluster_settings.push_back({.name = "containerInsights", .value = "enabled"});
  resource_ = &add<CfnCluster>("Resource", std::move(p));
}

Value Cluster::cluster_name() const { return resource_->ref(); }
Value Cluster::cluster_arn() const { return resource_->attr_arn(); }

}  // namespace cdk::ecs
