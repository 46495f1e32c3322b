#pragma once
// AWS Signature Version 4, as documented in "Create a signed AWS API request"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html).
#include <chrono>
#include <string>
#include <string_view>

#include "core/sha256.hpp"
#include "deploy/transport.hpp"

namespace cdk::deploy {

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  ///< empty unless temporary credentials
  std::string source;         ///< where they came from, for messages ("environment", "profile dev")
};

std::string to_hex(std::string_view bytes);
using cdk::detail::sha256_hex;
/// Raw (binary) HMAC-SHA256.
std::string hmac_sha256(std::string_view key, std::string_view data);
/// RFC 3986 percent-encoding as SigV4 wants it: unreserved characters stay, the rest %XX.
std::string uri_encode(std::string_view text, bool encode_slash = true);
/// `20150830T123600Z`.
std::string amz_date(std::chrono::system_clock::time_point when);

/// The pieces of one request that the signature covers.
struct SigningInput {
  std::string method;
  std::string canonical_uri;    ///< already encoded path, "/" if empty
  std::string canonical_query;  ///< already encoded, sorted by the caller or by canonical_query_string()
  Headers headers;              ///< every header to sign (host included)
  std::string payload_hash;     ///< hex SHA-256 of the body
};

/// Sorts and encodes `a=b&c=d` pairs the way the canonical request requires.
std::string canonical_query_string(std::string_view raw_query);
std::string canonical_request(const SigningInput& in, std::string* signed_headers = nullptr);
std::string string_to_sign(std::string_view amz_date, std::string_view scope, std::string_view canonical_request);
std::string signature(std::string_view secret, std::string_view date, std::string_view region,
                      std::string_view service, std::string_view string_to_sign);

/// Adds Host, X-Amz-Date, X-Amz-Security-Token (if any), X-Amz-Content-Sha256 (for s3)
/// and Authorization to `request`.
void sign_request(HttpRequest& request, const Credentials& credentials, std::string_view region,
                  std::string_view service, std::chrono::system_clock::time_point now);

}  // namespace cdk::deploy
