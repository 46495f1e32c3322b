#include "deploy/sigv4.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "deploy/transport.hpp"

namespace cdk::deploy {
namespace {

// The worked example of AWS's SigV4 documentation ("Examples of the complete
// Signature Version 4 signing process"): GET iam ListUsers on 2015-08-30.
constexpr const char* example_secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
constexpr const char* example_signature = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

std::chrono::system_clock::time_point example_time() {
  // 2015-08-30T12:36:00Z
  return std::chrono::sys_days{std::chrono::year{2015} / 8 / 30} + std::chrono::hours(12) +
         std::chrono::minutes(36);
}

TEST(SigV4, CanonicalRequestOfTheDocumentedExampleHashesToTheDocumentedValue) {
  SigningInput in;
  in.method = "GET";
  in.canonical_uri = "/";
  in.canonical_query = canonical_query_string("Action=ListUsers&Version=2010-05-08");
  in.headers = {{"Host", "iam.amazonaws.com"},
                {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"},
                {"X-Amz-Date", "20150830T123600Z"}};
  in.payload_hash = sha256_hex("");
  std::string signed_headers;
  std::string creq = canonical_request(in, &signed_headers);
  EXPECT_EQ(signed_headers, "content-type;host;x-amz-date");
  EXPECT_EQ(sha256_hex(creq), "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
}

TEST(SigV4, SignRequestProducesTheDocumentedSignature) {
  HttpRequest request;
  request.method = "GET";
  request.url = "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08";
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
  sign_request(request, {"AKIDEXAMPLE", example_secret, "", "test"}, "us-east-1", "iam", example_time());
  EXPECT_EQ(header_value(request.headers, "X-Amz-Date"), "20150830T123600Z");
  EXPECT_EQ(header_value(request.headers, "Host"), "iam.amazonaws.com");
  EXPECT_EQ(header_value(request.headers, "Authorization"),
            std::string("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                        "SignedHeaders=content-type;host;x-amz-date, Signature=") +
                example_signature);
}

TEST(SigV4, SessionTokenIsSignedAndSecretNeverAppearsInHeaders) {
  HttpRequest request;
  request.url = "http://127.0.0.1:5000/";
  request.body = "Action=DescribeStacks&Version=2010-05-15";
  sign_request(request, {"AKID", "very-secret-key", "token-123", "test"}, "eu-west-1", "cloudformation",
               example_time());
  EXPECT_EQ(header_value(request.headers, "Host"), "127.0.0.1:5000");
  EXPECT_EQ(header_value(request.headers, "X-Amz-Security-Token"), "token-123");
  std::string auth = header_value(request.headers, "Authorization");
  EXPECT_NE(auth.find("SignedHeaders=host;x-amz-date;x-amz-security-token"), std::string::npos) << auth;
  EXPECT_NE(auth.find("/20150830/eu-west-1/cloudformation/aws4_request"), std::string::npos);
  for (const auto& [name, value] : request.headers) EXPECT_EQ(value.find("very-secret-key"), std::string::npos);
}

TEST(SigV4, S3RequestsCarryThePayloadHashHeader) {
  HttpRequest request;
  request.method = "PUT";
  request.url = "https://bucket.s3.eu-west-1.amazonaws.com/a/b.json";
  request.body = "{}";
  sign_request(request, {"AKID", "secret", "", "test"}, "eu-west-1", "s3", example_time());
  EXPECT_EQ(header_value(request.headers, "X-Amz-Content-Sha256"), sha256_hex("{}"));
  EXPECT_NE(header_value(request.headers, "Authorization").find("x-amz-content-sha256"), std::string::npos);
}

TEST(SigV4, UriEncodingKeepsUnreservedCharactersAndEncodesTheRest) {
  EXPECT_EQ(uri_encode("AZaz09-_.~"), "AZaz09-_.~");
  EXPECT_EQ(uri_encode("a b/c=d&e"), "a%20b%2Fc%3Dd%26e");
  EXPECT_EQ(uri_encode("a/b", false), "a/b");
  EXPECT_EQ(canonical_query_string("b=2&a=1&a=0"), "a=0&a=1&b=2");
}

TEST(SigV4, HmacMatchesRfc4231TestCase2) {
  EXPECT_EQ(to_hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

}  // namespace
}  // namespace cdk::deploy
