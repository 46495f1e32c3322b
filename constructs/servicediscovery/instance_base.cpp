#include <cdk/servicediscovery/instance_base.hpp>

#include <cdk/error.hpp>
#include <cdk/names.hpp>
#include <cdk/servicediscovery/cfn_instance.hpp>
#include <cdk/servicediscovery/detail/checks.hpp>
#include <cdk/servicediscovery/service.hpp>

namespace cdk::servicediscovery {

Service& InstanceBase::service_of(Construct& scope, std::string_view what, std::string_view maker) const {
  auto* service = dynamic_cast<Service*>(&scope);
  if (service == nullptr)
    throw Error(node().path(), std::string(what) + " belongs to a servicediscovery::Service",
                "make it with " + std::string(maker));
  return *service;
}

void InstanceBase::register_in(const Service& service, const std::string& instance_id, Value::Map attributes,
                               const std::map<std::string, std::string>& custom_attributes) {
  instance_id_ = instance_id.empty() ? detail::default_instance_id(Names::unique_id(*this)) : instance_id;
  detail::check_instance(node().path(), instance_id_, custom_attributes);
  for (const auto& [k, v] : custom_attributes) attributes.emplace_back(k, v);
  CfnInstance::Props p;
  p.instance_attributes = Value(std::move(attributes));
  p.instance_id = instance_id_;
  p.service_id = service.service_id();
  resource_ = &add<CfnInstance>("Resource", std::move(p));
}

}  // namespace cdk::servicediscovery
