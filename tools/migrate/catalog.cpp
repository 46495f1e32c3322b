#include "catalog.hpp"

namespace migrate {

namespace {
cfngen::Spec load(const std::string& spec_path, const std::string& patches_path) {
  cfngen::Spec spec = cfngen::parse_spec(cfngen::read_file(spec_path));
  if (!patches_path.empty()) cfngen::apply_patches(spec, cfngen::parse_patches(cfngen::read_file(patches_path)));
  return spec;
}
}  // namespace

Catalog::Catalog(const std::string& spec_path, const std::string& patches_path, const std::string& services)
    : Catalog(load(spec_path, patches_path), cfngen::split_list(services)) {}

Catalog::Catalog(cfngen::Spec spec, const std::vector<std::string>& services) : spec_(std::move(spec)) {
  cfngen::Options options;
  options.services = services;
  // The plans point into spec_, which stays put from here on.
  plans_ = cfngen::plan::plan_all(spec_, options);
  for (const auto& p : plans_) by_type_.emplace(p.resource->cfn_type, &p);
}

const cfngen::plan::ResourcePlan* Catalog::find(std::string_view cfn_type) const {
  auto it = by_type_.find(cfn_type);
  return it == by_type_.end() ? nullptr : it->second;
}

const cfngen::plan::StructPlan* Catalog::find_struct(const cfngen::plan::ResourcePlan& resource,
                                                     std::string_view type_name) {
  for (const auto& s : resource.structs)
    if (s.type->name == type_name) return &s;
  return nullptr;
}

std::string Catalog::header(const cfngen::plan::ResourcePlan& plan) {
  return "cdk/" + plan.ns + "/" + plan.stem + ".hpp";
}

std::string Catalog::qualified(const cfngen::plan::ResourcePlan& plan) { return "cdk::" + plan.ns + "::" + plan.cls; }

}  // namespace migrate
