#pragma once
// The architecture diagram of a synthesized app, for `graph`. Internal.
#include "synth/synthesizer.hpp"

#include <string>

namespace cdk::detail {

/// Graphviz DOT of the app as an architecture diagram, built from the
/// construct tree (tree.json: paths and logical ids) and the rendered
/// templates (types, properties, references):
/// - clusters nest stack > VPC > subnet tier (named by the subnet group) > AZ;
///   a resource spread over several AZs of one tier (an Auto Scaling group,
///   a load balancer, a database's subnet group, EFS mount targets) is drawn
///   once in its tier with its AZs named, one in a single subnet sits in that
///   AZ's box; Route 53 zones are clusters holding their records;
/// - the main resources (load balancers, compute, databases, storage, secrets,
///   DNS, certificates, NAT and internet gateways) are nodes; plumbing (route
///   tables, EIPs, launch templates, roles, policies, security groups,
///   listeners, target groups, subnet groups, mount targets...) is folded into
///   the resource that owns or uses it;
/// - solid arrows are traffic ("may reach on port": internet -> load balancer
///   -> targets through listeners and target groups, security group ingress
///   from the holders of one group to those of another, DNS alias -> load
///   balancer), dashed arrows are references (an app reading a database
///   secret), bold arrows between stack clusters are stack dependencies.
/// The same app gives the same text.
std::string architecture_to_dot(const Assembly& assembly);

}  // namespace cdk::detail
