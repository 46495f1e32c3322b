#pragma once
// Identifiers of things outside the app that tests pass to constructs.

namespace cdk::testing {

/// An ACM certificate in eu-west-1.
inline constexpr const char* kCert = "arn:aws:acm:eu-west-1:123456789012:certificate/0f2b6d5e-1111-2222-3333-444455556666";
/// A machine image.
inline constexpr const char* kAmi = "ami-0123456789abcdef0";

}  // namespace cdk::testing
