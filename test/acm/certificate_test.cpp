// acm::Certificate with DNS validation.
#include "support/expect_error.hpp"
#include "support/lint.hpp"

#include <cdk/acm/certificate.hpp>
#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/certificatemanager/cfn_certificate.hpp>
#include <cdk/route53/cfn_hosted_zone.hpp>
#include <cdk/route53/hosted_zone.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::HasSubstr;
namespace acm = cdk::acm;

class CertificateTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cdk::route53::HostedZone& zone = stack.add<cdk::route53::HostedZone>("Zone", {.zone_name = "example.com"});
};

TEST_F(CertificateTest, DnsValidationThroughAZoneListsEveryName) {
  auto& cert = stack.add<acm::Certificate>("Cert", {.domain_name = "example.com",
                                                    .subject_alternative_names = {"*.example.com"},
                                                    .validation = acm::CertificateValidation::from_dns(zone)});
  auto t = Template::from_stack(stack);
  const auto zone_ref = Match::object_equals({{"Ref", t.logical_id(zone.cfn_hosted_zone())}});
  t.has_resource_properties("AWS::CertificateManager::Certificate", Match::object_equals({
      {"DomainName", "example.com"}, {"SubjectAlternativeNames", Match::array_equals({"*.example.com"})},
      {"ValidationMethod", "DNS"},
      {"DomainValidationOptions", Match::array_equals({
          Match::object_equals({{"DomainName", "example.com"}, {"HostedZoneId", zone_ref}}),
          Match::object_equals({{"DomainName", "*.example.com"}, {"HostedZoneId", zone_ref}})})},
      {"Tags", Match::array_equals({Match::object_equals({{"Key", "Name"}, {"Value", "Stack/Cert"}})})}}));
  EXPECT_EQ(cert.certificate_arn().kind(), cdk::Value::Kind::Ref);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CertificateTest, MultiZoneValidationAndOptions) {
  auto& other = stack.add<cdk::route53::HostedZone>("Other", {.zone_name = "example.net"});
  stack.add<acm::Certificate>("Cert", {.domain_name = "www.example.com", .subject_alternative_names = {"www.example.net"},
                                       .validation = acm::CertificateValidation::from_dns_multi_zone(
                                           {{"www.example.com", zone}, {"www.example.net", other}}),
                                       .key_algorithm = acm::KeyAlgorithm::EcPrime256v1,
                                       .certificate_name = "web"});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CertificateManager::Certificate", Match::object_like({
      {"KeyAlgorithm", "EC_prime256v1"},
      {"DomainValidationOptions", Match::array_equals({
          Match::object_equals({{"DomainName", "www.example.com"},
                                {"HostedZoneId", Match::object_equals({{"Ref", t.logical_id(zone.cfn_hosted_zone())}})}}),
          Match::object_equals({{"DomainName", "www.example.net"},
                                {"HostedZoneId", Match::object_equals({{"Ref", t.logical_id(other.cfn_hosted_zone())}})}})})},
      {"Tags", Match::array_equals({Match::object_equals({{"Key", "Name"}, {"Value", "web"}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CertificateTest, ValidatesThroughAnImportedZone) {
  auto& existing = cdk::route53::HostedZone::from_hosted_zone_attributes(
      stack, "Existing", {.hosted_zone_id = "Z0123456789ABCDEFGHIJ", .zone_name = "example.org"});
  stack.add<acm::Certificate>("Cert", {.domain_name = "app.example.org",
                                       .validation = acm::CertificateValidation::from_dns(existing)});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CertificateManager::Certificate", Match::object_like({
      {"DomainValidationOptions", Match::array_equals({Match::object_equals({
          {"DomainName", "app.example.org"}, {"HostedZoneId", "Z0123456789ABCDEFGHIJ"}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CertificateTest, DnsWithoutZoneAndEmailLeaveValidationToAPerson) {
  stack.add<acm::Certificate>("Manual", {.domain_name = "app.example.org"});
  stack.add<acm::Certificate>("Mail", {.domain_name = "mail.example.org", .validation = acm::CertificateValidation::from_email()});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CertificateManager::Certificate", Match::object_like({
      {"DomainName", "app.example.org"}, {"ValidationMethod", "DNS"}, {"DomainValidationOptions", Match::absent()}}));
  t.has_resource_properties("AWS::CertificateManager::Certificate", Match::object_like({
      {"DomainName", "mail.example.org"}, {"ValidationMethod", "EMAIL"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CertificateTest, RejectsNamesThatCannotBeValidatedNamingThePath) {
  auto bad = [&](const char* id, acm::CertificateProps p, const char* text) {
    SCOPED_TRACE(id);
    cdk::testing::expect_error([&] { stack.add<acm::Certificate>(id, std::move(p)); }, std::string("Stack/") + id, text);
  };
  bad("NoName", {}, "no domain_name");
  bad("Long", {.domain_name = std::string(60, 'a') + ".example.com"}, "64");
  bad("OutsideZone", {.domain_name = "www.example.net", .validation = acm::CertificateValidation::from_dns(zone)},
      "not within hosted zone");
  bad("UnknownName", {.domain_name = "www.example.com",
                      .validation = acm::CertificateValidation::from_dns_multi_zone({{"api.example.com", zone}})},
      "not a name of the certificate");
  bad("BadName", {.domain_name = "www..example.com"}, "empty label");
  auto& internal = stack.add<cdk::route53::HostedZone>("Internal", {.zone_name = "example.com", .vpcs = {"vpc-12345678"}});
  bad("PrivateZone", {.domain_name = "www.example.com", .validation = acm::CertificateValidation::from_dns(internal)},
      "private");
}

}  // namespace
