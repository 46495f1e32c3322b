#include <cdk/servicediscovery/namespace.hpp>

namespace cdk::servicediscovery {

std::string_view namespace_type_name(NamespaceType type) {
  switch (type) {
    case NamespaceType::DnsPrivate: return "DNS_PRIVATE";
    case NamespaceType::DnsPublic: return "DNS_PUBLIC";
    case NamespaceType::Http: return "HTTP";
  }
  return "";
}

Namespace::Namespace(Construct& scope, std::string_view id, NamespaceType type, std::string name)
    : Construct(scope, id), type_(type), name_(std::move(name)) {}

void Namespace::set_attributes(Value id, Value arn) {
  id_ = std::move(id);
  arn_ = std::move(arn);
}

Service& Namespace::create_service(std::string_view id, ServiceProps props) {
  if (props.namespace_ && props.namespace_.get() != this)
    throw Error(node().path() + "/" + std::string(id),
                "create_service makes a service in " + node().path() + ", not in " + props.namespace_->node().path(),
                "leave .namespace_ unset, or call create_service on the other namespace");
  props.namespace_ = *this;
  return add<Service>(id, std::move(props));
}

}  // namespace cdk::servicediscovery
