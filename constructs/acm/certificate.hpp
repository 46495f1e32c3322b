#pragma once
/// cdk::acm::Certificate: a public ACM certificate, validated through DNS.
///
///   auto& cert = stack.add<cdk::acm::Certificate>("Cert", {
///       .domain_name = "example.com",
///       .subject_alternative_names = {"*.example.com"},
///       .validation = cdk::acm::CertificateValidation::from_dns(zone)});
///   listener_props.certificates = {cert.certificate_arn()};
///
/// With a hosted zone, CloudFormation writes the validation records itself
/// (DomainValidationOptions with HostedZoneId) and waits until ACM has issued
/// the certificate. Without one (from_dns() with no zone, or email), the stack
/// waits until someone validates by hand. Every name must lie within its zone.
/// Like the AWS CDK, the certificate gets a Name tag (certificate_name or its path).
#include <cdk/construct.hpp>
#include <cdk/container_instances.hpp>
#include <cdk/list.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cdk::route53 {
class IHostedZone;
}
namespace cdk::certificatemanager {
class CfnCertificate;  // the L1 lives in the CloudFormation service's namespace
}

namespace cdk::acm {

using certificatemanager::CfnCertificate;

class CertificateValidation {
 public:
  enum class Method : std::uint8_t { Dns, Email };
  /// DNS validation; with a zone, the validation records are created in it.
  static CertificateValidation from_dns(Ptr<route53::IHostedZone> zone = nullptr) {
    CertificateValidation v;
    v.zone_ = zone;
    return v;
  }
  /// DNS validation with a zone per name: {{"example.com", zone}, {"example.net", other}}.
  static CertificateValidation from_dns_multi_zone(std::map<std::string, Ptr<route53::IHostedZone>> zones) {
    CertificateValidation v;
    v.zones_ = std::move(zones);
    return v;
  }
  /// Email validation (to the domain's registered contacts); needs a person.
  static CertificateValidation from_email() {
    CertificateValidation v;
    v.method_ = Method::Email;
    return v;
  }

  [[nodiscard]] Method method() const noexcept { return method_; }
  [[nodiscard]] Ptr<route53::IHostedZone> zone() const noexcept { return zone_; }
  [[nodiscard]] const std::map<std::string, Ptr<route53::IHostedZone>>& zones() const noexcept { return zones_; }

 private:
  Method method_ = Method::Dns;
  Ptr<route53::IHostedZone> zone_;
  std::map<std::string, Ptr<route53::IHostedZone>> zones_;
};

enum class KeyAlgorithm : std::uint8_t { Rsa2048, EcPrime256v1, EcSecp384r1 };

struct CertificateProps {
  std::string domain_name{};                             ///< at most 64 characters, e.g. "example.com"; required
  List<std::string> subject_alternative_names{};         ///< e.g. "*.example.com"; default none
  CertificateValidation validation = CertificateValidation::from_dns();  ///< default DNS with records made by hand (AWS CDK: email)
  KeyAlgorithm key_algorithm = KeyAlgorithm::Rsa2048;    ///< default RSA 2048 (not set)
  bool transparency_logging_enabled = true;              ///< default true (not set)
  std::string certificate_name{};                        ///< the Name tag; default the construct path
};

class Certificate : public Construct {
 public:
  using Props = CertificateProps;
  static constexpr std::size_t max_domain_name_length = 64;
  Certificate(Construct& scope, std::string_view id, const CertificateProps& props);

  /// {"Ref": certificate}: its ARN.
  [[nodiscard]] Value certificate_arn() const;
  [[nodiscard]] CfnCertificate& cfn_certificate() noexcept { return *resource_; }

 private:
  CfnCertificate* resource_ = nullptr;
};

}  // namespace cdk::acm

CDKPP_EXTERN_MAP(cdk::Ptr<cdk::route53::IHostedZone>);
