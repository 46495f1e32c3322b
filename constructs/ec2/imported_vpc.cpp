#include <cdk/ec2/imported_vpc.hpp>

// Designated initializers leave the other L1 properties unset on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#include <cdk/error.hpp>

#include <algorithm>
#include <cctype>

namespace cdk::ec2 {

namespace {
bool valid_id(const Value& v, std::string_view prefix) {
  if (v.kind() != Value::Kind::String) return v.is_token();
  std::string_view s = v.as_string();
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  if (s.size() != 8 && s.size() != 17) return false;
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
}
}  // namespace

ImportedVpc::ImportedVpc(Construct& scope, std::string_view id, VpcAttributes attributes)
    : Construct(scope, id), attrs_(std::move(attributes)) {
  const std::string path = node().path();
  if (attrs_.vpc_id.is_null()) throw Error(path, "an imported VPC needs its id", "set .vpc_id");
  if (!valid_id(attrs_.vpc_id, "vpc-"))
    throw Error(path, attrs_.vpc_id.to_string() + " is not a VPC id", "VPC ids are \"vpc-\" and 8 or 17 hex digits");
  if (attrs_.availability_zones.empty())
    throw Error(path, "an imported VPC needs its availability zones", "set .availability_zones");
  const std::size_t azs = attrs_.availability_zones.size();
  const std::pair<const char*, const std::vector<Value>*> groups[] = {
      {"public", &attrs_.public_subnet_ids}, {"private", &attrs_.private_subnet_ids}, {"isolated", &attrs_.isolated_subnet_ids}};
  for (const auto& [name, ids] : groups) {
    if (ids->size() % azs != 0)
      throw Error(path, std::to_string(ids->size()) + " " + name + " subnet ids do not divide over " + std::to_string(azs) +
                            " availability zones", "list one subnet per AZ and group, in the order of availability_zones");
    for (const auto& s : *ids)
      if (!valid_id(s, "subnet-"))
        throw Error(path, s.to_string() + " is not a subnet id", "subnet ids are \"subnet-\" and 8 or 17 hex digits");
  }
}

ImportedVpc& ImportedVpc::from_attributes(Construct& scope, std::string_view id, VpcAttributes attributes) {
  return scope.add<ImportedVpc>(id, std::move(attributes));
}

Value ImportedVpc::vpc_cidr_block() const {
  if (attrs_.vpc_cidr_block.is_null())
    throw Error(node().path(), "the imported VPC's CIDR block is unknown", "set .vpc_cidr_block when importing it");
  return attrs_.vpc_cidr_block;
}

std::vector<Value> ImportedVpc::availability_zones() const {
  return {attrs_.availability_zones.begin(), attrs_.availability_zones.end()};
}

SelectedSubnets ImportedVpc::select_subnets(const SubnetSelection& selection) const {
  const std::string path = node().path();
  if (!selection.subnets.empty() || !selection.subnet_group_name.empty())
    throw Error(path, "an imported VPC selects subnets by type and AZ only",
                "use subnet_type / availability_zones, or pass subnet ids directly");
  SubnetType type = selection.subnet_type.value_or(
      !attrs_.private_subnet_ids.empty()    ? SubnetType::PrivateWithEgress
      : !attrs_.isolated_subnet_ids.empty() ? SubnetType::PrivateIsolated
                                            : SubnetType::Public);
  const auto& ids = type == SubnetType::Public              ? attrs_.public_subnet_ids
                    : type == SubnetType::PrivateWithEgress ? attrs_.private_subnet_ids
                                                            : attrs_.isolated_subnet_ids;
  if (ids.empty())
    throw Error(path, std::string("the imported VPC has no ") + subnet_type_name(type) + " subnets",
                "import their ids or select another type");
  SelectedSubnets out;
  const auto& azs = attrs_.availability_zones;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string& az = azs[i % azs.size()];
    if (!selection.availability_zones.empty() &&
        std::find(selection.availability_zones.begin(), selection.availability_zones.end(), az) ==
            selection.availability_zones.end())
      continue;
    if (selection.one_per_az &&
        std::find(out.availability_zones.begin(), out.availability_zones.end(), Value(az)) != out.availability_zones.end())
      continue;
    out.subnet_id_values.push_back(ids[i]);
    out.availability_zones.emplace_back(az);
    out.has_public = type == SubnetType::Public;
  }
  if (out.subnet_id_values.empty())
    throw Error(path, "no imported subnet matches the selection", "check availability_zones");
  return out;
}

}  // namespace cdk::ec2
