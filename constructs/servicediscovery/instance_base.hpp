#pragma once
/// cdk::servicediscovery::InstanceBase: what IpInstance and CnameInstance
/// share: the instance id (given, or the last 64 characters of the construct's
/// unique id), the custom attributes (at most 30) and the
/// AWS::ServiceDiscovery::Instance that registers them in the service.
#include <cdk/construct.hpp>
#include <cdk/value.hpp>

#include <map>
#include <string>
#include <string_view>

namespace cdk::servicediscovery {

class CfnInstance;
class Service;

class InstanceBase : public Construct {
 public:
  [[nodiscard]] const std::string& instance_id() const noexcept { return instance_id_; }
  [[nodiscard]] CfnInstance& cfn_instance() noexcept { return *resource_; }

 protected:
  InstanceBase(Construct& scope, std::string_view id) : Construct(scope, id) {}

  /// The Service `scope` is; else an error saying that `what` belongs to one
  /// and is made with `maker`.
  Service& service_of(Construct& scope, std::string_view what, std::string_view maker) const;
  /// Checks the id and the custom attributes, then registers `attributes`
  /// followed by the custom ones in `service`.
  void register_in(const Service& service, const std::string& instance_id, Value::Map attributes,
                   const std::map<std::string, std::string>& custom_attributes);

 private:
  std::string instance_id_;
  CfnInstance* resource_ = nullptr;
};

}  // namespace cdk::servicediscovery
