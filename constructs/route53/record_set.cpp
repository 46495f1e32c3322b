#include <cdk/route53/record_set.hpp>

#include <cdk/route53/cfn_record_set.hpp>
#include <cdk/route53/hosted_zone.hpp>

#include <arpa/inet.h>

#include <limits>
#include <string>

namespace cdk::route53 {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_ipv4(const std::string& s) {
  in_addr a{};
  return inet_pton(AF_INET, s.c_str(), &a) == 1;
}

bool is_ipv6(const std::string& s) {
  in6_addr a{};
  return inet_pton(AF_INET6, s.c_str(), &a) == 1;
}

}  // namespace

std::string RecordSet::fully_qualified_name(std::string_view record_name, std::string_view zone_name) {
  if (!zone_name.empty() && zone_name.back() == '.') zone_name.remove_suffix(1);
  if (record_name.empty()) return std::string(zone_name) + ".";
  if (record_name.back() == '.') return std::string(record_name);
  const auto suffix = "." + std::string(zone_name);
  if (record_name == zone_name || ends_with(record_name, suffix)) return std::string(record_name) + ".";
  return std::string(record_name) + suffix + ".";
}

RecordSet::RecordSet(Construct& scope, std::string_view id, const RecordSetProps& props) : Construct(scope, id) {
  const auto path = node().path();
  if (!props.zone) throw Error(path, "the record has no zone", "set .zone");
  if (props.record_type.empty()) throw Error(path, "the record has no type", "e.g. \"A\"");
  if (props.target.empty()) throw Error(path, "the record has no target", "set .target (values or an alias)");
  const auto& zone = *props.zone;
  fqdn_ = fully_qualified_name(props.record_name, zone.zone_name());
  if (auto problem = dns_name_problem(fqdn_); !problem.empty())
    throw Error(path, "record name \"" + fqdn_ + "\" " + problem, "e.g. \"www\"");
  const auto zone_fqdn = lower(zone.zone_name() + ".");
  const auto name = lower(fqdn_);
  if (name != zone_fqdn && !ends_with(name, "." + zone_fqdn))
    throw Error(path, "record name \"" + fqdn_ + "\" is not in zone " + zone.zone_name(),
                "give a name relative to the zone, e.g. \"www\"");
  const auto& type = props.record_type;
  const auto& alias = props.target.alias_target();
  if (alias && type != "A" && type != "AAAA" && type != "CNAME")
    throw Error(path, "an alias target for a " + type + " record", "alias A or AAAA records (or CNAME)");
  if (type == "CNAME") {
    if (name == zone_fqdn)
      throw Error(path, "a CNAME record cannot be at the zone apex (" + zone.zone_name() + ")",
                  "use an alias ARecord at the apex, or give a record_name");
    if (!alias && props.target.values().size() != 1)
      throw Error(path, "a CNAME record has exactly one value", "point it at one domain name");
  }
  for (const auto& v : props.target.values()) {
    if (v.kind() != Value::Kind::String) continue;
    const auto& text = v.as_string();
    if (type == "A" && !is_ipv4(text))
      throw Error(path, "\"" + text + "\" is not an IPv4 address", "A records hold IPv4 addresses; use AaaaRecord for IPv6");
    if (type == "AAAA" && !is_ipv6(text))
      throw Error(path, "\"" + text + "\" is not an IPv6 address", "AAAA records hold IPv6 addresses");
    if (type == "CNAME") {
      if (auto problem = dns_name_problem(text); !problem.empty())
        throw Error(path, "CNAME value \"" + text + "\" " + problem, "point it at a domain name");
    }
  }
  if (props.ttl < 0 || props.ttl > std::numeric_limits<std::int32_t>::max())
    throw Error(path, "TTL " + std::to_string(props.ttl) + " is out of range", "use seconds, e.g. 300");
  if (props.comment.size() > 255) throw Error(path, "the record comment is longer than 255 characters", "shorten it");

  CfnRecordSet::Props l1;
  l1.name = fqdn_;
  l1.type = type;
  l1.hosted_zone_id = zone.hosted_zone_id();
  if (!props.comment.empty()) l1.comment = props.comment;
  if (alias) {
    CfnRecordSet::AliasTargetProperty a;
    a.dns_name = alias->dns_name;
    a.hosted_zone_id = alias->hosted_zone_id;
    if (props.target.evaluate_target_health()) a.evaluate_target_health = true;
    l1.alias_target = std::move(a);
  } else {
    l1.resource_records = Value(props.target.values());
    l1.ttl = std::to_string(props.ttl);
  }
  resource_ = &add<CfnRecordSet>("Resource", std::move(l1));
}

}  // namespace cdk::route53
