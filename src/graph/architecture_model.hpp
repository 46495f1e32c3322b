#pragma once
// The model behind the architecture diagram: the resources of every stack,
// what each shown resource owns and uses, where it sits, and the arrows.
// Built in architecture_model.cpp, drawn in architecture.cpp. Internal.
#include "synth/stack_view.hpp"
#include "synth/synthesizer.hpp"

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cdk::detail::diagram {

/// What a resource type is in the picture.
enum class Kind {
  Plumbing,      // folded into its owner or user (roles, launch templates, listeners...)
  Network,       // the VPC's own structure (VPC, subnets, routes): drawn as clusters
  Rule,          // security group rules, subscriptions, event source mappings: read as arrows
  LoadBalancer,
  Edge,          // a CloudFront distribution: in front of its origins, reached from the internet
  Compute,
  Database,
  Storage,
  Messaging,     // queues and topics
  Trigger,       // EventBridge rules: start their targets on a schedule or an event
  Pipeline,      // a CodePipeline pipeline: one node, the chain of its stages, no reference arrows
  Secret,
  Dns,           // a record set
  Zone,          // a hosted zone (a cluster holding its records)
  Certificate,
  Nat,
  InternetGateway,
  Other,         // shown as a plain box with its type
};

/// The kind of a resource of `type` with these properties.
Kind classify(const std::string& type, const Json& props);

/// Whether resources of this kind are nodes of the diagram.
bool shown(Kind k);

/// A construct path relative to its stack, without the "Resource" and
/// "Default" ids that L2 constructs give what they wrap.
std::string relative(const std::string& path, const std::string& stack);

/// Sort key of a subnet tier type: public, private, isolated, others.
const char* tier_rank(const std::string& type);

using Key = std::pair<std::size_t, std::string>;  // stack index, logical id

/// One resource of a template.
struct Resource {
  Key key;
  std::string type;
  const Json* props = nullptr;
  std::string path;   // construct path of the L1
  std::string owner;  // construct path it stands for (its L2, or itself)
  Kind kind = Kind::Plumbing;
};

/// A subnet, from its properties and the aws-cdk:subnet-name/-type tags.
struct SubnetInfo {
  std::optional<Key> vpc;
  std::string tier;       // subnet group name
  std::string tier_type;  // public, private, isolated
  int az_order = 0;       // for sorting AZ boxes
  std::string az;         // "AZ 1" or a literal name
  std::string cidr;
};

/// Where a node is drawn, inside its stack's cluster.
struct Place {
  std::optional<Key> vpc;
  std::string tier;
  std::string az;
  std::string zone;  // node id of a hosted zone (records sit in its cluster)
  std::string note;  // "AZ 1, AZ 2" when the node spans AZs of its tier
};

/// A cluster of the drawing (architecture.cpp).
struct Cluster;

/// An arrow between two node ids.
struct Edge {
  std::set<std::string> labels;  // ports, protocols ("443", "udp 53", "sqs")
  bool both_ways = false;        // a reference each way, drawn once
};

/// The app read for drawing: built once from the assembly, then drawn.
class Model {
 public:
  explicit Model(const Assembly& a);

  /// The diagram as Graphviz DOT (architecture.cpp).
  std::string dot() const;

 private:
  const Assembly& assembly_;
  std::vector<std::shared_ptr<const StackView>> views_;  // one per stack
  std::map<Key, std::string> paths_;  // from tree.json
  std::vector<Resource> res_;
  std::map<Key, std::size_t> index_;
  std::map<std::string, Key> exports_;  // export name -> resource
  std::map<Key, SubnetInfo> subnets_;
  // For each shown resource: what it reaches through its plumbing.
  std::map<std::size_t, std::set<std::size_t>> uses_;
  // For each plumbing resource: the shown resource whose construct holds it.
  std::vector<std::optional<std::size_t>> owner_;
  std::map<std::size_t, Place> places_;
  std::map<Key, std::set<std::size_t>> sg_holders_;
  std::map<std::pair<std::string, std::string>, Edge> traffic_;
  std::map<std::pair<std::string, std::string>, Edge> refs_;
  std::map<std::string, std::string> peers_;      // node id -> label of an address range (a source)
  std::map<std::string, std::string> endpoints_;  // node id -> label of a subscription address

  std::string stack_path(std::size_t s) const;  // the stack's construct path
  std::string stack_id(std::size_t s) const;    // its artifact id, the prefix of node ids
  std::string node_id(std::size_t r) const;     // "<stack id>.<logical id>"

  std::optional<std::size_t> find(const Key& k) const;

  // A literal at `path` in `object` (of stack `stack`) as text, "" when absent.
  std::string text(std::size_t stack, const Json& object, std::string_view path) const;
  // The same, in the properties of resource `r`.
  std::string prop(std::size_t r, std::string_view path) const;

  // The resources a value points at, across stacks through exports.
  std::vector<std::size_t> targets(std::size_t stack, const Json& value) const;
  // The same for the value at `path` in `object`; none when it is absent.
  std::vector<std::size_t> targets_at(std::size_t stack, const Json& object, std::string_view path) const;
  // The shown resources a value stands for: what it points at when shown,
  // else the owner of the plumbing it points at, else the function of a
  // Lambda version or alias. Sorted, once each. Valid after fold().
  std::vector<std::size_t> shown_targets(std::size_t stack, const Json& value) const;
  std::vector<std::size_t> shown_targets_at(std::size_t stack, const Json& object, std::string_view path) const;

  void read_tree();       // construct paths of the logical ids, from tree.json
  void read_resources();  // every resource, its kind and owner; exports
  // What a pipeline construct made besides the pipeline (its artifact
  // bucket, an action's event rule) is part of the pipeline's node.
  void fold_into_pipelines();
  void hide_custom_resource_providers();
  void read_subnets();    // VPC, tier and AZ of every subnet

  // Plumbing goes to the shown resource whose construct holds it (the
  // longest owner path that is a prefix of its path); a shown resource then
  // reaches, through its plumbing, subnets, VPCs, security groups and other
  // shown resources. Breadth-first search over the reference graph, limited
  // to the resource's own and unowned plumbing.
  void fold();

  // VPC, tier and AZ of every shown resource, from the subnets it uses.
  void place();

  void add_traffic(const std::string& from, const std::string& to, std::string label);
  // The node of an address range: the internet for 0.0.0.0/0 and ::/0.
  std::string peer(const std::string& cidr);
  // The shown resources that use the security groups a value points at.
  std::set<std::size_t> holders_of(std::size_t stack, const Json& value) const;
  // Arrows for one ingress rule into the holders `to` of its group.
  void ingress(std::size_t stack, const std::set<std::size_t>& to, const Json& rule);

  // Traffic, in steps: security group rules; listeners, target groups and
  // their targets; subscriptions and event sources; dead-letter queues;
  // alarm notifications; EventBridge rules and their targets; DNS aliases;
  // CloudFront distributions and their origins.
  void traffic();
  void security_group_traffic();
  struct GroupTargets {
    std::map<std::size_t, std::vector<std::size_t>> of_group;                 // target group -> shown targets
    std::map<std::pair<std::size_t, std::size_t>, std::string> ports;         // (group, target) -> port
  };
  GroupTargets group_targets() const;
  // The target groups the actions of a listener or listener rule forward to.
  void action_groups(std::size_t stack, const Json* actions, std::set<std::size_t>& out) const;
  void load_balancer_traffic();
  void message_traffic();
  // Arrows from `topic` to where a subscription delivers: the properties of
  // an AWS::SNS::Subscription, or an entry of a topic's Subscription list.
  void subscribe(std::size_t stack, std::size_t topic, const Json& subscription);
  void dead_letter_traffic();
  void alarm_traffic();
  void rule_traffic();
  void alias_traffic();
  void deployment_traffic();
  void discovery_traffic();
  void edge_traffic();
  // What a shown resource uses that is shown and not already a traffic arrow.
  void references();

  // Drawing (architecture.cpp).
  struct Caption {
    std::string title;
    std::string detail;  // the line under the name; "" for none
  };
  using Captioner = Caption (Model::*)(std::size_t) const;
  Caption caption(std::size_t i) const;
  Caption load_balancer_caption(std::size_t i) const;
  Caption auto_scaling_caption(std::size_t i) const;
  Caption ecs_service_caption(std::size_t i) const;
  Caption db_instance_caption(std::size_t i) const;
  Caption db_cluster_caption(std::size_t i) const;
  Caption cache_caption(std::size_t i) const;  // engine, version, nodes or shards, node type
  Caption record_caption(std::size_t i) const;
  Caption pipeline_caption(std::size_t i) const;  // its stages in order: "Source > Build > Deploy"
  Caption plain_caption(std::size_t i) const;  // a title, and the property (if any) shown under it
  std::string label(std::size_t i) const;
  std::string attributes(std::size_t i) const;

  bool internet() const;  // whether traffic comes from the internet
  std::string sources() const;  // nodes of the internet, endpoints and address ranges
  void write_stack(std::string& out, std::size_t s) const;
  Cluster& vpc_cluster(Cluster& root, std::size_t s, const Key& vpc) const;
  Cluster& tier_cluster(Cluster& v, const Key& vpc, const std::string& tier) const;
  Cluster& az_cluster(Cluster& t, const std::string& az) const;
  Cluster& node_cluster(Cluster& root, const Place& place, std::size_t s) const;
  std::string ordering() const;  // invisible edges that only order the boxes
  std::string arrows() const;    // traffic, references, stack dependencies
  std::string legend() const;
};

}  // namespace cdk::detail::diagram
