#include <cdk/servicediscovery/http_namespace.hpp>

#include <cdk/servicediscovery/cfn_http_namespace.hpp>
#include <cdk/servicediscovery/detail/checks.hpp>

namespace cdk::servicediscovery {

HttpNamespace::HttpNamespace(Construct& scope, std::string_view id, const HttpNamespaceProps& props)
    : Namespace(scope, id, NamespaceType::Http, props.name) {
  const auto path = node().path();
  detail::check_http_namespace_name(path, props.name);
  detail::check_description(path, props.description);
  CfnHttpNamespace::Props p;
  if (!props.description.empty()) p.description = props.description;
  p.name = props.name;
  resource_ = &add<CfnHttpNamespace>("Resource", std::move(p));
  set_attributes(resource_->attr_id(), resource_->attr_arn());
}

}  // namespace cdk::servicediscovery
