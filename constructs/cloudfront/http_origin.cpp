#include <cdk/cloudfront/http_origin.hpp>

#include <cdk/cloudfront/detail/custom_origin.hpp>

namespace cdk::cloudfront {

Origin HttpOrigin::of(Value domain_name, HttpOriginProps props) {
  return std::make_shared<HttpOrigin>(std::move(domain_name), std::move(props));
}

CfnDistribution::OriginProperty HttpOrigin::bind(const OriginBindOptions& options) const {
  if (domain_name_.is_null() || (domain_name_.is_literal() && domain_name_.as_string().empty()))
    throw Error(options.distribution.node().path(), "an HttpOrigin has no domain name",
                "pass the origin's DNS name: HttpOrigin::of(\"api.example.com\")");
  return detail::render_custom_origin(options, domain_name_, props_);
}

}  // namespace cdk::cloudfront
