#pragma once
/// The protocols a CloudFront distribution takes: what viewers
/// may use, what CloudFront uses towards an origin, the viewer TLS policy and
/// the HTTP version. Each has a *_name() that spells it as CloudFormation does.
#include <cstdint>

namespace cdk::cloudfront {

/// What a behaviour does with viewers' plain HTTP requests.
enum class ViewerProtocolPolicy : std::uint8_t {
  RedirectToHttps,  ///< HTTP gets a 301 to HTTPS
  HttpsOnly,        ///< HTTP gets a 403
  AllowAll,         ///< HTTP is served (the AWS CDK's default)
};

constexpr const char* viewer_protocol_policy_name(ViewerProtocolPolicy p) noexcept {
  switch (p) {
    case ViewerProtocolPolicy::HttpsOnly: return "https-only";
    case ViewerProtocolPolicy::AllowAll: return "allow-all";
    case ViewerProtocolPolicy::RedirectToHttps: break;
  }
  return "redirect-to-https";
}

/// How CloudFront connects to a custom origin.
enum class OriginProtocolPolicy : std::uint8_t {
  HttpsOnly,    ///< always HTTPS
  MatchViewer,  ///< the protocol the viewer used
  HttpOnly,     ///< always plain HTTP
};

constexpr const char* origin_protocol_policy_name(OriginProtocolPolicy p) noexcept {
  switch (p) {
    case OriginProtocolPolicy::MatchViewer: return "match-viewer";
    case OriginProtocolPolicy::HttpOnly: return "http-only";
    case OriginProtocolPolicy::HttpsOnly: break;
  }
  return "https-only";
}

/// TLS versions CloudFront may use towards a custom origin.
enum class OriginSslPolicy : std::uint8_t { TlsV1_2, TlsV1_1, TlsV1, SslV3 };

constexpr const char* origin_ssl_policy_name(OriginSslPolicy p) noexcept {
  switch (p) {
    case OriginSslPolicy::TlsV1_1: return "TLSv1.1";
    case OriginSslPolicy::TlsV1: return "TLSv1";
    case OriginSslPolicy::SslV3: return "SSLv3";
    case OriginSslPolicy::TlsV1_2: break;
  }
  return "TLSv1.2";
}

/// The viewer security policy (minimum TLS version and ciphers) with a certificate.
enum class SecurityPolicyProtocol : std::uint8_t {
  TlsV1_2_2021,
  TlsV1_2_2019,
  TlsV1_2_2018,
  TlsV1_1_2016,
  TlsV1_2016,
  TlsV1,
  SslV3,
};

constexpr const char* security_policy_protocol_name(SecurityPolicyProtocol p) noexcept {
  switch (p) {
    case SecurityPolicyProtocol::TlsV1_2_2019: return "TLSv1.2_2019";
    case SecurityPolicyProtocol::TlsV1_2_2018: return "TLSv1.2_2018";
    case SecurityPolicyProtocol::TlsV1_1_2016: return "TLSv1.1_2016";
    case SecurityPolicyProtocol::TlsV1_2016: return "TLSv1_2016";
    case SecurityPolicyProtocol::TlsV1: return "TLSv1";
    case SecurityPolicyProtocol::SslV3: return "SSLv3";
    case SecurityPolicyProtocol::TlsV1_2_2021: break;
  }
  return "TLSv1.2_2021";
}

/// The highest HTTP version viewers may use.
enum class HttpVersion : std::uint8_t { Http2, Http1_1, Http2And3, Http3 };

constexpr const char* http_version_name(HttpVersion v) noexcept {
  switch (v) {
    case HttpVersion::Http1_1: return "http1.1";
    case HttpVersion::Http2And3: return "http2and3";
    case HttpVersion::Http3: return "http3";
    case HttpVersion::Http2: break;
  }
  return "http2";
}

}  // namespace cdk::cloudfront
