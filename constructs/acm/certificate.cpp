#include <cdk/acm/certificate.hpp>

#include <cdk/certificatemanager/cfn_certificate.hpp>
#include <cdk/route53/hosted_zone.hpp>

#include <algorithm>
#include <cctype>
#include <string>

namespace cdk::acm {

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "*.a.example.com" is in zone "example.com"; so is "example.com" itself.
bool in_zone(const std::string& name, const std::string& zone) {
  auto n = lower(name);
  if (n.rfind("*.", 0) == 0) n = n.substr(2);
  const auto z = lower(zone);
  return n == z || (n.size() > z.size() && n.compare(n.size() - z.size() - 1, std::string::npos, "." + z) == 0);
}

}  // namespace

Certificate::Certificate(Construct& scope, std::string_view id, const CertificateProps& props) : Construct(scope, id) {
  const auto path = node().path();
  if (props.domain_name.empty()) throw Error(path, "the certificate has no domain_name", "e.g. \"example.com\"");
  std::vector<std::string> names{props.domain_name};
  for (const auto& san : props.subject_alternative_names)
    if (std::find(names.begin(), names.end(), san) == names.end()) names.push_back(san);
  for (const auto& n : names) {
    if (auto problem = route53::dns_name_problem(n); !problem.empty())
      throw Error(path, "domain name \"" + n + "\" " + problem, "e.g. \"example.com\" or \"*.example.com\"");
  }
  if (props.domain_name.size() > max_domain_name_length)
    throw Error(path, "domain name \"" + props.domain_name + "\" is longer than 64 characters",
                "ACM allows 64 for the main name: put the long name in subject_alternative_names and a shorter one here");
  if (names.size() > 100)
    throw Error(path, "the certificate has more than 100 names", "ACM allows 100 (the domain name and 99 alternatives)");

  CfnCertificate::Props l1;
  l1.domain_name = props.domain_name;
  if (!props.subject_alternative_names.empty()) l1.subject_alternative_names = props.subject_alternative_names;
  const auto& v = props.validation;
  l1.validation_method = v.method() == CertificateValidation::Method::Dns ? "DNS" : "EMAIL";
  if (v.method() == CertificateValidation::Method::Dns) {
    for (const auto& [name, zone] : v.zones()) {
      if (std::find(names.begin(), names.end(), name) == names.end())
        throw Error(path, "from_dns_multi_zone names \"" + name + "\", which is not a name of the certificate",
                    "use the domain name or one of the subject alternative names");
    }
    for (const auto& n : names) {
      auto it = v.zones().find(n);
      auto zone = it != v.zones().end() ? it->second : v.zone();
      if (!zone) continue;
      if (zone->is_private())
        throw Error(path, "hosted zone " + zone->zone_name() + " is private, and ACM validates through public DNS",
                    "validate with the public zone of the domain");
      if (!in_zone(n, zone->zone_name()))
        throw Error(path, "\"" + n + "\" is not within hosted zone " + zone->zone_name() + ", so DNS validation cannot succeed",
                    "validate it with a zone that contains it (from_dns_multi_zone)");
      CfnCertificate::DomainValidationOptionProperty o;
      o.domain_name = n;
      o.hosted_zone_id = zone->hosted_zone_id();
      l1.domain_validation_options.push_back(std::move(o));
    }
  }
  switch (props.key_algorithm) {
    case KeyAlgorithm::Rsa2048: break;
    case KeyAlgorithm::EcPrime256v1: l1.key_algorithm = "EC_prime256v1"; break;
    case KeyAlgorithm::EcSecp384r1: l1.key_algorithm = "EC_secp384r1"; break;
  }
  if (!props.transparency_logging_enabled) l1.certificate_transparency_logging_preference = "DISABLED";
  auto name_tag = props.certificate_name.empty() ? path.substr(0, 255) : props.certificate_name;
  l1.tags.push_back({.key = "Name", .value = name_tag});
  resource_ = &add<CfnCertificate>("Resource", std::move(l1));
}

Value Certificate::certificate_arn() const { return resource_->ref(); }

}  // namespace cdk::acm
