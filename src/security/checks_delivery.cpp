// Checks for CloudFront that answer cdk-nag's AwsSolutions rules on
// distributions (the id of each is beside its rule in other_tools.cpp), under
// the same conditions. A value that is not a literal is given the benefit of
// the doubt.
#include "security/findings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace cdk::detail::security {

namespace {

std::string origin_name(const Findings& out, const Json& origin) {
  return out.view.string_at(origin, "Id").value_or("?");
}

// --- CLOUDFRONT-NO-GEO-RESTRICTION, CLOUDFRONT-NO-ACCESS-LOGS ----------------------------
void restrictions_and_logs(Findings& out, const ResourceView& d, const Json& config) {
  if (!Findings::has(config, "Restrictions"))
    out.add(d.id, "CLOUDFRONT-NO-GEO-RESTRICTION", "Restrictions is not set: every country is served");
  else if (out.view.string_at(config, "Restrictions.GeoRestriction.RestrictionType") == "none")
    out.add(d.id, "CLOUDFRONT-NO-GEO-RESTRICTION", "GeoRestriction.RestrictionType is none: every country is served");
  if (!Findings::has(config, "Logging"))
    out.add(d.id, "CLOUDFRONT-NO-ACCESS-LOGS", "Logging is not set");
}

// --- CLOUDFRONT-ORIGIN-TLS -------------------------------------------------------------------
// A custom origin must be reached over HTTPS only, with neither SSLv3 nor TLSv1 allowed.
void origin_tls(Findings& out, const ResourceView& d, const Json& origin) {
  const Json* custom = out.view.map_at(origin, "CustomOriginConfig");
  if (custom == nullptr) return;
  const auto policy = out.view.string_at(*custom, "OriginProtocolPolicy");
  const auto name = origin_name(out, origin);
  if (Findings::has(*custom, "OriginProtocolPolicy") && !policy) return;
  if (policy != "https-only") {
    out.add(d.id, "CLOUDFRONT-ORIGIN-TLS",
            fmt::format("origin {} is reached with OriginProtocolPolicy {}", name, policy.value_or("(not set)")));
    return;
  }
  if (!Findings::has(*custom, "OriginSSLProtocols")) {
    out.add(d.id, "CLOUDFRONT-ORIGIN-TLS", fmt::format("origin {} does not set OriginSSLProtocols", name));
    return;
  }
  for (const Json* p : out.view.items_at(*custom, "OriginSSLProtocols"))
    if (p->is_string() && (lowercase(p->get<std::string>()) == "sslv3" || lowercase(p->get<std::string>()) == "tlsv1")) {
      out.add(d.id, "CLOUDFRONT-ORIGIN-TLS", fmt::format("origin {} allows {}", name, p->get<std::string>()));
      return;
    }
}

// --- CLOUDFRONT-S3-NO-OAC ----------------------------------------------------------------------
// An origin whose domain name is a bucket of this stack must sign its requests
// with an origin access control, so the bucket can stay private.
void bucket_access(Findings& out, const ResourceView& d, const Json& origin) {
  const Json* domain = StackView::at(origin, "DomainName");
  if (domain == nullptr || out.view.target(*domain, "AWS::S3::Bucket") == nullptr) return;
  const Json* oac = StackView::at(origin, "OriginAccessControlId");
  const bool unsigned_requests = oac == nullptr || (oac->is_string() && std::all_of(oac->get_ref<const std::string&>().begin(),
                                                                         oac->get_ref<const std::string&>().end(),
                                                                         [](unsigned char c) { return std::isspace(c); }));
  if (unsigned_requests)
    out.add(d.id, "CLOUDFRONT-S3-NO-OAC",
            fmt::format("origin {} reads bucket {} without an origin access control", origin_name(out, origin),
                        direct_target(*domain)));
}

void distributions(Findings& out) {
  for (const ResourceView* d : out.of_type("AWS::CloudFront::Distribution")) {
    const Json* config = out.view.map_at(*d->properties, "DistributionConfig");
    if (config == nullptr) continue;
    restrictions_and_logs(out, *d, *config);
    for (const Json* origin : out.view.items_at(*config, "Origins")) {
      origin_tls(out, *d, *origin);
      bucket_access(out, *d, *origin);
    }
  }
  for (const ResourceView* d : out.of_type("AWS::CloudFront::StreamingDistribution")) {
    const Json& p = *d->properties;
    if (!Findings::has(p, "StreamingDistributionConfig.Logging.Enabled") ||
        out.view.bool_at(p, "StreamingDistributionConfig.Logging.Enabled") == false)
      out.add(d->id, "CLOUDFRONT-NO-ACCESS-LOGS", "Logging is not enabled");
  }
}

}  // namespace

void check_delivery_practices(Findings& out) { distributions(out); }

}  // namespace cdk::detail::security
