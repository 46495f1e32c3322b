#include <cdk/ec2/vpc.hpp>

// Designated initializers leave the other L1 properties unset on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#include <cdk/ec2/instance.hpp>
#include <cdk/ec2/security_group.hpp>

#include <cdk/ec2/cfn_internet_gateway.hpp>
#include <cdk/ec2/cfn_nat_gateway.hpp>
#include <cdk/ec2/cfn_route.hpp>
#include <cdk/ec2/cfn_subnet.hpp>
#include <cdk/ec2/cfn_vpc.hpp>
#include <cdk/ec2/cfn_vpc_gateway_attachment.hpp>
#include <cdk/annotations.hpp>
#include <cdk/error.hpp>
#include <cdk/feature_flags.hpp>
#include <cdk/fn.hpp>
#include <cdk/stack.hpp>
#include <cdk/tags.hpp>

#include "detail/cidr.hpp"
#include "detail/region_azs.hpp"
#include "detail/restrict_default_security_group.hpp"

#include <algorithm>
#include <cmath>

namespace cdk::ec2 {

namespace {

constexpr int kMinMask = 16;  // the largest subnet or VPC EC2 allows
constexpr int kMaxMask = 28;  // the smallest
constexpr int kAgnosticAzs = 2;  // what the CDK gives a stack whose region is unknown
constexpr const char* kSubnetNameTag = "aws-cdk:subnet-name";
constexpr const char* kSubnetTypeTag = "aws-cdk:subnet-type";
// Turns an Amazon Linux 2023 instance into a NAT: forwarding on, masquerade
// out of the default interface, kept across reboots by iptables-services.
constexpr const char* kNatInstanceScript[] = {
    "dnf install -y iptables-services",
    "systemctl enable --now iptables",
    "echo \"net.ipv4.ip_forward=1\" > /etc/sysctl.d/custom-ip-forwarding.conf",
    "sysctl -p /etc/sysctl.d/custom-ip-forwarding.conf",
    "iface=$(ip route show default | awk '{print $5; exit}')",
    "iptables -t nat -A POSTROUTING -o \"$iface\" -j MASQUERADE",
    "iptables -F FORWARD",
    "service iptables save",
};

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

const char* tenancy_name(DefaultInstanceTenancy t) {
  return t == DefaultInstanceTenancy::Dedicated ? "dedicated" : "default";
}

bool is_az_of(std::string_view az, std::string_view region) {
  return az.size() == region.size() + 1 && az.starts_with(region) && az.back() >= 'a' && az.back() <= 'z';
}

using detail::Ipv4Cidr;

// The CDK's allocator: each block starts at the next address rounded up to
// its size (here also past any explicit block in the way).
class BlockAllocator {
 public:
  BlockAllocator(const Ipv4Cidr& vpc, std::vector<Ipv4Cidr> reserved)
      : next_(vpc.network), end_(vpc.end()), reserved_(std::move(reserved)) {}

  /// The next block with this mask, or nullopt when the rest of the VPC is too small.
  std::optional<Ipv4Cidr> allocate(int mask) {
    const std::uint64_t size = std::uint64_t{1} << (32 - mask);
    std::uint64_t start = (next_ + size - 1) / size * size;
    while (const auto* r = overlapping(start, size)) start = (r->end() + size - 1) / size * size;
    if (start + size > end_) return std::nullopt;
    next_ = start + size;
    return Ipv4Cidr{static_cast<std::uint32_t>(start), mask};
  }

  /// Addresses after the last block handed out, less the explicit blocks there.
  [[nodiscard]] std::uint64_t free() const {
    std::uint64_t free = next_ < end_ ? end_ - next_ : 0;
    for (const auto& r : reserved_)
      if (r.network >= next_) free -= std::min<std::uint64_t>(free, r.size());
    return free;
  }

 private:
  const Ipv4Cidr* overlapping(std::uint64_t start, std::uint64_t size) const {
    for (const auto& r : reserved_)
      if (start < r.end() && r.network < start + size) return &r;
    return nullptr;
  }

  std::uint64_t next_;
  std::uint64_t end_;
  std::vector<Ipv4Cidr> reserved_;
};

// The groups' explicit blocks: each inside the VPC and overlapping no other.
std::vector<Ipv4Cidr> reserved_blocks(const std::string& path, const std::vector<SubnetConfiguration>& groups,
                                      const Ipv4Cidr& vpc_cidr, const std::string& cidr_text, std::size_t az_count) {
  std::vector<Ipv4Cidr> reserved;
  std::string problem;
  for (const auto& g : groups) {
    if (g.cidr_blocks.empty()) continue;
    if (g.cidr_mask)
      throw Error(path, "subnet group \"" + g.name + "\" sets both cidr_mask and cidr_blocks", "set one of them");
    if (g.cidr_blocks.size() != az_count)
      throw Error(path, "subnet group \"" + g.name + "\" lists " + std::to_string(g.cidr_blocks.size()) +
                            " cidr_blocks for " + std::to_string(az_count) + " availability zones",
                  "give one block per AZ");
    for (const auto& text : g.cidr_blocks) {
      const auto block = detail::parse_ipv4_cidr(text, problem, true);
      if (!block) throw Error(path, "subnet group \"" + g.name + "\": " + problem, "fix cidr_blocks");
      if (block->mask < kMinMask || block->mask > kMaxMask)
        throw Error(path, "subnet block " + text + " is a /" + std::to_string(block->mask) + "; subnets take /16 to /28",
                    "use blocks between /16 and /28");
      if (!vpc_cidr.contains(*block))
        throw Error(path, "subnet block " + text + " is not inside the VPC's " + cidr_text, "use blocks of the VPC's range");
      for (const auto& r : reserved)
        if (r.overlaps(*block))
          throw Error(path, "subnet block " + text + " overlaps " + r.to_string(), "give every subnet its own range");
      reserved.push_back(*block);
    }
  }
  return reserved;
}

// One block per AZ: the group's explicit blocks, else allocated with `mask`.
std::vector<std::string> group_blocks(const std::string& path, const SubnetConfiguration& g, int mask, std::size_t az_count,
                                      BlockAllocator& blocks, const std::string& cidr_text) {
  std::vector<std::string> out;
  std::string ignored;
  for (const auto& text : g.cidr_blocks) out.push_back(detail::parse_ipv4_cidr(text, ignored, true)->to_string());
  if (!out.empty()) return out;
  for (std::size_t i = 0; i < az_count; ++i) {
    const auto block = blocks.allocate(mask);
    if (!block)
      throw Error(path, "subnet group \"" + g.name + "\" does not fit: " + std::to_string(az_count) + " subnets of /" +
                            std::to_string(mask) + " exceed what is left of " + cidr_text,
                  "give the VPC a larger CIDR, use fewer AZs or longer cidr_masks");
    out.push_back(block->to_string());
  }
  return out;
}

// The mask of groups without one: an equal share of the free space, rounded down to a block size.
int shared_mask(const std::string& path, std::uint64_t free, std::uint64_t subnets, const std::string& cidr_text) {
  const std::uint64_t per_subnet = free / subnets;
  const int mask = per_subnet == 0 ? 33 : 32 - static_cast<int>(std::floor(std::log2(static_cast<double>(per_subnet))));
  if (mask > kMaxMask)
    throw Error(path, "no room for " + std::to_string(subnets) + " more subnets in " + cidr_text +
                          " (each would be smaller than /28)",
                "give the VPC a larger CIDR, use fewer AZs or groups, or set smaller cidr_masks");
  return mask;
}

}  // namespace

Vpc::Vpc(Construct& scope, std::string_view id, const VpcProps& props) : Construct(scope, id) {
  check(props);
  pick_availability_zones(props);
  const std::vector<SubnetConfiguration> groups = subnet_groups(props);
  const int nat_count = count_nat(props, groups);

  const std::string path = node().path();
  Tags::of(*this).add("Name", props.vpc_name.empty() ? path : props.vpc_name);
  vpc_ = &add<CfnVPC>("Resource", {.cidr_block = props.cidr,
                                   .enable_dns_hostnames = props.enable_dns_hostnames,
                                   .enable_dns_support = props.enable_dns_support,
                                   .instance_tenancy = tenancy_name(props.default_instance_tenancy)});

  if (props.restrict_default_security_group.value_or(
          FeatureFlags::of(*this).is_enabled(flags::kEc2RestrictDefaultSecurityGroup)))
    detail::restrict_default_security_group(*this, vpc_->attr_default_security_group());

  create_subnets(groups, props.cidr);

  if (props.create_internet_gateway && !public_.empty()) {
    igw_ = &add<CfnInternetGateway>("IGW");
    attachment_ = &add<CfnVPCGatewayAttachment>("VPCGW", {.internet_gateway_id = igw_->ref(), .vpc_id = vpc_->ref()});
    for (auto* s : public_) s->add_default_internet_route(igw_->ref(), *attachment_);
  }

  configure_nat(props, nat_count);

  for (const auto& [endpoint_id, options] : props.gateway_endpoints) add_gateway_endpoint(endpoint_id, options);
  for (const auto& [log_id, options] : props.flow_logs) add_flow_log(log_id, options);
}

void Vpc::check(const VpcProps& props) const {
  std::string problem;
  const auto cidr = detail::parse_ipv4_cidr(props.cidr, problem, /*strict=*/true);
  if (!cidr) throw Error(node().path(), problem, "give the VPC a block such as \"10.0.0.0/16\"");
  if (cidr->mask < kMinMask || cidr->mask > kMaxMask)
    throw Error(node().path(),
                "VPC CIDR \"" + props.cidr + "\" is a /" + std::to_string(cidr->mask) + "; VPCs take /16 to /28",
                "use a block between /16 and /28");
}

// The subnet groups (the CDK's two by default), each checked; their names go to group_names_.
std::vector<SubnetConfiguration> Vpc::subnet_groups(const VpcProps& props) {
  const std::string path = node().path();
  std::string problem;
  const int vpc_mask = detail::parse_ipv4_cidr(props.cidr, problem, true)->mask;
  std::vector<SubnetConfiguration> groups = props.subnet_configuration;
  if (groups.empty()) {
    const bool no_nat = props.nat_gateways && *props.nat_gateways == 0;
    groups = {{.name = "Public", .subnet_type = SubnetType::Public},
              no_nat ? SubnetConfiguration{.name = "Isolated", .subnet_type = SubnetType::PrivateIsolated}
                     : SubnetConfiguration{.name = "Private", .subnet_type = SubnetType::PrivateWithEgress}};
  }
  for (const auto& g : groups) {
    if (g.name.empty()) throw Error(path, "a subnet group has no name", "name every subnet_configuration entry");
    if (g.name.find('/') != std::string::npos)
      throw Error(path, "subnet group name \"" + g.name + "\" contains '/'", "use letters, digits and dashes");
    if (std::find(group_names_.begin(), group_names_.end(), g.name) != group_names_.end())
      throw Error(path, "two subnet groups are named \"" + g.name + "\"", "give every subnet group its own name");
    group_names_.push_back(g.name);
    if (g.cidr_mask && (*g.cidr_mask < kMinMask || *g.cidr_mask > kMaxMask))
      throw Error(path, "subnet group \"" + g.name + "\" has cidr_mask " + std::to_string(*g.cidr_mask) +
                            "; subnets take /16 to /28", "set cidr_mask between 16 and 28");
    if (g.cidr_mask && *g.cidr_mask < vpc_mask)
      throw Error(path, "subnet group \"" + g.name + "\" (/" + std::to_string(*g.cidr_mask) + ") is larger than the VPC (" +
                            props.cidr + ")", "use a longer cidr_mask");
    if (g.map_public_ip_on_launch && g.subnet_type != SubnetType::Public)
      throw Error(path, "subnet group \"" + g.name + "\" is not Public and cannot set map_public_ip_on_launch",
                  "leave map_public_ip_on_launch unset for private and isolated groups");
  }
  return groups;
}

// How many NAT gateways (or instances) to make, checked against the groups.
int Vpc::count_nat(const VpcProps& props, const std::vector<SubnetConfiguration>& groups) const {
  const std::string path = node().path();
  const bool has_public = std::any_of(groups.begin(), groups.end(), [](const auto& g) { return g.subnet_type == SubnetType::Public; });
  const bool has_egress =
      std::any_of(groups.begin(), groups.end(), [](const auto& g) { return g.subnet_type == SubnetType::PrivateWithEgress; });
  const int az_count = static_cast<int>(azs_.size());
  if (props.nat_gateways && *props.nat_gateways < 0)
    throw Error(path, "nat_gateways is negative", "use 0 (none), 1 (shared) or up to one per AZ");
  // As in the CDK, more NAT gateways than AZs is capped at one per AZ.
  const int nat_count = props.nat_gateways ? std::min(*props.nat_gateways, az_count) : (has_egress ? az_count : 0);
  if (has_egress && nat_count == 0)
    throw Error(path, "PrivateWithEgress subnets need a NAT, and nat_gateways is 0",
                "set nat_gateways to 1 or more, or make the group PrivateIsolated");
  if (nat_count > 0 && !has_public)
    throw Error(path, "NAT gateways go into Public subnets, and there is no Public subnet group",
                "add a Public group to subnet_configuration, or use PrivateIsolated groups and nat_gateways = 0");
  if (nat_count > 0 && !props.create_internet_gateway)
    throw Error(path, "NAT needs the internet gateway, and create_internet_gateway is false",
                "set create_internet_gateway, or use PrivateIsolated groups and nat_gateways = 0");
  return nat_count;
}

void Vpc::pick_availability_zones(const VpcProps& props) {
  const std::string path = node().path();
  const std::string& region = Stack::of(*this).env().region;
  // The region's number of AZs when the region is known and listed, else 0.
  const int region_count = region.empty() ? 0 : detail::region_az_count(region).value_or(0);
  if (!props.availability_zones.empty()) {
    if (props.max_azs)
      throw Error(path, "both availability_zones and max_azs are set", "set one of them");
    for (std::size_t i = 0; i < props.availability_zones.size(); ++i) {
      const auto& az = props.availability_zones[i];
      if (std::find(props.availability_zones.begin(), props.availability_zones.begin() + static_cast<long>(i), az) !=
          props.availability_zones.begin() + static_cast<long>(i))
        throw Error(path, "availability zone \"" + az + "\" is listed twice", "list each AZ once");
      if (!region.empty() && !is_az_of(az, region))
        throw Error(path, "\"" + az + "\" is not an availability zone of " + region,
                    "use names such as \"" + region + "a\"");
      azs_.emplace_back(az);
    }
    if (region_count > 0 && static_cast<int>(azs_.size()) > region_count)
      throw Error(path, std::to_string(azs_.size()) + " availability zones requested, but " + region + " has " +
                            std::to_string(region_count), "list at most " + std::to_string(region_count));
    return;
  }
  const int wanted = props.max_azs.value_or(default_max_azs);
  if (wanted < 1) throw Error(path, "max_azs must be at least 1", "set max_azs to 1 or more");
  if (props.max_azs && region_count > 0 && wanted > region_count)
    throw Error(path, "max_azs is " + std::to_string(wanted) + ", but " + region + " has " +
                          std::to_string(region_count) + " availability zones",
                "set max_azs to " + std::to_string(region_count) + " or fewer");
  const int count = std::min(wanted, region_count > 0 ? region_count : kAgnosticAzs);
  if (props.max_azs && wanted > count)
    Annotations::of(*this).add_warning("max_azs is " + std::to_string(wanted) + ", but a stack without a known region uses " +
                                       std::to_string(count) + " availability zones (as in the AWS CDK); set the stack's "
                                       "env.region to use more");
  for (int i = 0; i < count; ++i) azs_.push_back(Fn::select(i, Fn::get_azs()));
}

void Vpc::create_subnets(const std::vector<SubnetConfiguration>& groups, const std::string& cidr_text) {
  const std::string path = node().path();
  std::string problem;
  const auto vpc_cidr = *detail::parse_ipv4_cidr(cidr_text, problem, true);
  const std::size_t az_count = azs_.size();
  BlockAllocator blocks(vpc_cidr, reserved_blocks(path, groups, vpc_cidr, cidr_text, az_count));
  auto make_group = [&](const SubnetConfiguration& g, int mask) {
    make_subnet_group(g, group_blocks(path, g, mask, az_count, blocks, cidr_text));
  };
  // Groups with explicit blocks or a mask first, in order; the others share the rest.
  std::vector<const SubnetConfiguration*> rest;
  for (const auto& g : groups) {
    if (!g.cidr_blocks.empty() || g.cidr_mask)
      make_group(g, g.cidr_mask.value_or(0));
    else
      rest.push_back(&g);
  }
  if (rest.empty()) return;
  const int mask = shared_mask(path, blocks.free(), rest.size() * az_count, cidr_text);
  for (const auto* g : rest) make_group(*g, std::max(mask, vpc_cidr.mask));
}

void Vpc::make_subnet_group(const SubnetConfiguration& g, const std::vector<std::string>& cidr_blocks) {
  for (std::size_t i = 0; i < azs_.size(); ++i) {
    const bool is_public = g.subnet_type == SubnetType::Public;
    auto& subnet = add<Subnet>(g.name + "Subnet" + std::to_string(i + 1),
                               {.vpc_id = vpc_->ref(),
                                .availability_zone = azs_[i],
                                .cidr_block = cidr_blocks[i],
                                .map_public_ip_on_launch = is_public && g.map_public_ip_on_launch.value_or(true),
                                .type = g.subnet_type,
                                .group_name = g.name});
    Tags::of(subnet).add(kSubnetNameTag, g.name, {.include_resource_types = {"AWS::EC2::Subnet"}});
    Tags::of(subnet).add(kSubnetTypeTag, subnet_type_name(g.subnet_type), {.include_resource_types = {"AWS::EC2::Subnet"}});
    if (azs_[i].kind() == Value::Kind::String) {
      // AZ names the user chose on purpose: tell cfn-lint not to warn about them.
      subnet.resource().add_metadata(
          "cfn-lint", Value::map({{"config", Value::map({{"ignore_checks", Value::list({"W3010"})}})}}));
    }
    all_.push_back(&subnet);
    switch (g.subnet_type) {
      case SubnetType::Public: public_.push_back(&subnet); break;
      case SubnetType::PrivateWithEgress: private_.push_back(&subnet); break;
      case SubnetType::PrivateIsolated: isolated_.push_back(&subnet); break;
    }
  }
}

void Vpc::configure_nat(const VpcProps& props, int count) {
  if (count == 0) return;
  const auto& sel = props.nat_gateway_subnets;
  const bool custom = sel.subnet_type || !sel.subnet_group_name.empty() || !sel.availability_zones.empty();
  std::vector<Subnet*> nat_subnets = custom ? select_subnets(sel).subnets : public_;
  for (auto* s : nat_subnets)
    if (s->type() != SubnetType::Public)
      throw Error(node().path(), "nat_gateway_subnets selects " + s->node().path() + ", which is not public",
                  "select Public subnets for NAT gateways");
  if (static_cast<int>(nat_subnets.size()) > count) nat_subnets.resize(static_cast<std::size_t>(count));

  const bool instances = props.nat_gateway_provider.kind() == NatProvider::Kind::Instance;
  SecurityGroup* nat_group = nullptr;
  if (instances) {
    const auto& ip = props.nat_gateway_provider.instance_props();
    if (ip.security_group) {
      nat_group = ip.security_group.get();
    } else {
      nat_group = &add<SecurityGroup>("NatSecurityGroup", {.vpc = *this, .description = "Security Group for NAT instances"});
      nat_group->add_ingress_rule(Peer::ipv4(vpc_cidr_block()), Port::all_traffic(), "All traffic from the VPC");
    }
  }
  std::vector<std::pair<Value, Value>> by_az;  // AZ -> NAT gateway or instance id
  for (auto* s : nat_subnets) {
    Value id;
    if (instances) {
      const auto& ip = props.nat_gateway_provider.instance_props();
      auto user_data = UserData::for_linux();
      user_data.add_commands(std::vector<Value>(std::begin(kNatInstanceScript), std::end(kNatInstanceScript)));
      auto& nat = s->add<Instance>("NatInstance", {.vpc = *this,
                                                   .instance_type = ip.instance_type,
                                                   .machine_image = ip.machine_image.value_or(MachineImage::latest_amazon_linux_2023()),
                                                   .vpc_subnets = {.subnets = {*s}},
                                                   .security_group = *nat_group,
                                                   .user_data = std::move(user_data),
                                                   .key_name = ip.key_name,
                                                   .source_dest_check = false});
      id = nat.instance_id();
    } else {
      id = s->add_nat_gateway().ref();
    }
    by_az.emplace_back(s->availability_zone(), id);
    nat_ids_.push_back(id);
  }
  // Each private subnet uses the NAT of its AZ, else the others in turn (the CDK's PrefSet).
  std::size_t next = 0;
  for (auto* s : private_) {
    const Value* id = nullptr;
    for (const auto& [az, nat] : by_az)
      if (az == s->availability_zone()) id = &nat;
    if (!id) id = &by_az[next++ % by_az.size()].second;
    if (instances)
      s->add_route("DefaultRoute",
                   {.router_type = RouterType::Instance, .router_id = *id, .enables_internet_connectivity = true});
    else
      s->add_default_nat_route(*id);
  }
}

Value Vpc::vpc_id() const { return vpc_->ref(); }

Value Vpc::vpc_cidr_block() const { return vpc_->attr_cidr_block(); }

Value Vpc::internet_gateway_id() const { return igw_ ? igw_->ref() : Value(); }

std::vector<Construct*> Vpc::internet_connectivity_established() const {
  std::vector<Construct*> out;
  if (attachment_) out.push_back(attachment_);
  for (auto* s : all_)
    for (auto* c : s->internet_connectivity_established()) out.push_back(c);
  return out;
}

SelectedSubnets Vpc::select_subnets(const SubnetSelection& selection) const {
  const std::string path = node().path();
  if (selection.subnet_type && !selection.subnet_group_name.empty())
    throw Error(path, "a selection gives both subnet_type and subnet_group_name", "select by one of them");
  std::vector<Subnet*> chosen;
  if (!selection.subnets.empty()) {
    if (selection.subnet_type || !selection.subnet_group_name.empty())
      throw Error(path, "a selection gives explicit subnets and a subnet_type or group", "select by one of them");
    for (const auto& s : selection.subnets) {
      if (std::find(all_.begin(), all_.end(), s.get()) == all_.end())
        throw Error(path, "selected subnet " + (s ? s->node().path() : std::string("(null)")) + " is not in this VPC",
                    "select subnets of this VPC");
      chosen.push_back(s.get());
    }
  } else if (!selection.subnet_group_name.empty()) {
    for (auto* s : all_)
      if (s->group_name() == selection.subnet_group_name) chosen.push_back(s);
    if (chosen.empty())
      throw Error(path, "there is no subnet group named \"" + selection.subnet_group_name + "\"",
                  "groups: " + join(group_names_));
  } else {
    std::optional<SubnetType> type = selection.subnet_type;
    if (!type) {
      // The CDK's default: private with egress, else isolated, else public.
      if (!private_.empty())
        type = SubnetType::PrivateWithEgress;
      else if (!isolated_.empty())
        type = SubnetType::PrivateIsolated;
      else
        type = SubnetType::Public;
    }
    const auto& list = *type == SubnetType::Public              ? public_
                       : *type == SubnetType::PrivateWithEgress ? private_
                                                                : isolated_;
    chosen = list;
    if (chosen.empty()) {
      std::vector<std::string> types;
      if (!public_.empty()) types.emplace_back("Public");
      if (!private_.empty()) types.emplace_back("PrivateWithEgress");
      if (!isolated_.empty()) types.emplace_back("PrivateIsolated");
      throw Error(path, std::string("there are no ") + subnet_type_name(*type) + " subnets in this VPC",
                  types.empty() ? "add subnet groups" : "types present: " + join(types));
    }
  }
  if (!selection.availability_zones.empty()) {
    std::erase_if(chosen, [&](Subnet* s) {
      const Value& az = s->availability_zone();
      return az.kind() != Value::Kind::String ||
             std::find(selection.availability_zones.begin(), selection.availability_zones.end(), az.as_string()) ==
                 selection.availability_zones.end();
    });
    if (chosen.empty())
      throw Error(path, "no selected subnet is in " + join(selection.availability_zones),
                  "AZ names match only a VPC given explicit availability_zones");
  }
  SelectedSubnets out;
  for (auto* s : chosen) {
    if (selection.one_per_az &&
        std::find(out.availability_zones.begin(), out.availability_zones.end(), s->availability_zone()) !=
            out.availability_zones.end())
      continue;
    out.subnets.push_back(s);
    out.subnet_id_values.push_back(s->subnet_id());
    out.availability_zones.push_back(s->availability_zone());
    out.has_public = out.has_public || s->type() == SubnetType::Public;
  }
  return out;
}

GatewayVpcEndpoint& Vpc::add_gateway_endpoint(std::string_view id, GatewayVpcEndpointOptions options) {
  return add<GatewayVpcEndpoint>(id, {.vpc = *this, .service = options.service, .subnets = std::move(options.subnets)});
}

FlowLog& Vpc::add_flow_log(std::string_view id, FlowLogOptions options) {
  return add<FlowLog>(id, {.resource_id = vpc_id(),
                           .resource_type = "VPC",
                           .destination = std::move(options.destination),
                           .traffic_type = options.traffic_type});
}

}  // namespace cdk::ec2
