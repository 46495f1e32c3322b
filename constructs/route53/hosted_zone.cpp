#include <cdk/route53/hosted_zone.hpp>

#include <cdk/route53/cfn_hosted_zone.hpp>
#include <cdk/stack.hpp>

#include <cctype>
#include <string>

namespace cdk::route53 {

std::string dns_name_problem(std::string_view name) {
  if (!name.empty() && name.back() == '.') name.remove_suffix(1);
  if (name.empty()) return "is empty";
  if (name.size() > 253) return "is longer than 253 characters";
  std::size_t start = 0;
  while (start <= name.size()) {
    auto end = name.find('.', start);
    if (end == std::string_view::npos) end = name.size();
    auto label = name.substr(start, end - start);
    if (label.empty()) return "has an empty label (two dots in a row)";
    if (label.size() > 63) return "has a label longer than 63 characters";
    if (label != "*") {
      for (char c : label)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'))
          return "has a character other than letters, digits, '-' and '_' (or a leading '*' label)";
      if (label.front() == '-' || label.back() == '-') return "has a label that begins or ends with '-'";
    } else if (start != 0) {
      return "has '*' in a label other than the first";
    }
    start = end + 1;
  }
  return {};
}

HostedZone::HostedZone(Construct& scope, std::string_view id, const HostedZoneProps& props)
    : Construct(scope, id), zone_name_(props.zone_name), private_(!props.vpcs.empty()) {
  const auto path = node().path();
  if (!zone_name_.empty() && zone_name_.back() == '.') zone_name_.pop_back();
  if (zone_name_.empty()) throw Error(path, "the hosted zone has no zone_name", "e.g. \"example.com\"");
  if (auto problem = dns_name_problem(zone_name_); !problem.empty())
    throw Error(path, "zone name \"" + zone_name_ + "\" " + problem, "e.g. \"example.com\"");
  if (zone_name_.find('*') != std::string::npos)
    throw Error(path, "zone name \"" + zone_name_ + "\" has a wildcard", "name the domain itself");
  if (props.comment.size() > 256) throw Error(path, "the hosted zone comment is longer than 256 characters", "shorten it");
  if (private_ && !props.query_logs_log_group_arn.is_null())
    throw Error(path, "query logging is for public hosted zones only", "use Route 53 Resolver query logging for VPCs");
  if (!private_ && !props.vpc_region.is_null())
    throw Error(path, "vpc_region is set but no vpcs", "list the VPC ids to make the zone private");

  CfnHostedZone::Props l1;
  l1.name = zone_name_ + ".";
  if (!props.comment.empty()) l1.hosted_zone_config = {{.comment = props.comment}};
  const Value region = props.vpc_region.is_null() ? Stack::of(*this).region() : props.vpc_region;
  for (const auto& vpc : props.vpcs) {
    CfnHostedZone::VPCProperty v;
    v.vpc_id = vpc;
    v.vpc_region = region;
    l1.vpcs.push_back(std::move(v));
  }
  if (!props.query_logs_log_group_arn.is_null())
    l1.query_logging_config = {{.cloud_watch_logs_log_group_arn = props.query_logs_log_group_arn}};
  resource_ = &add<CfnHostedZone>("Resource", std::move(l1));
}

namespace {

class ImportedHostedZone : public Construct, public IHostedZone {
 public:
  ImportedHostedZone(Construct& scope, std::string_view id, HostedZoneAttributes a)
      : Construct(scope, id), id_(std::move(a.hosted_zone_id)), name_(std::move(a.zone_name)), private_(a.private_zone) {
    if (!name_.empty() && name_.back() == '.') name_.pop_back();
    if (id_.is_null() || (id_.kind() == Value::Kind::String && id_.as_string().empty()))
      throw Error(node().path(), "the imported hosted zone has no hosted_zone_id", "e.g. \"Z0123456789ABCDEFGHIJ\"");
    if (auto problem = dns_name_problem(name_); !problem.empty())
      throw Error(node().path(), "zone name \"" + name_ + "\" " + problem, "e.g. \"example.com\"");
  }
  [[nodiscard]] Value hosted_zone_id() const override { return id_; }
  [[nodiscard]] const std::string& zone_name() const noexcept override { return name_; }
  [[nodiscard]] bool is_private() const noexcept override { return private_; }

 private:
  Value id_;
  std::string name_;
  bool private_;
};

}  // namespace

IHostedZone& HostedZone::from_hosted_zone_attributes(Construct& scope, std::string_view id, HostedZoneAttributes attributes) {
  return scope.add<ImportedHostedZone>(id, std::move(attributes));
}

Value HostedZone::hosted_zone_id() const { return resource_->ref(); }

Value HostedZone::hosted_zone_name_servers() const {
  if (private_)
    throw Error(node().path(), "a private hosted zone has no public name servers", "use a public zone for delegation");
  return resource_->attr_name_servers();
}

}  // namespace cdk::route53
