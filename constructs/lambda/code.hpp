#pragma once
/// cdk::lambda::Code: where a Function's code comes from.
///
///   cdk::lambda::Code::from_inline("def handler(event, context):\n    return 'ok'\n")
///   cdk::lambda::Code::from_bucket(artifacts, "builds/api-1.4.2.zip", "3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY")
///   cdk::lambda::Code::from_bucket_name("my-artifacts", "builds/api.zip")
///
/// Code is a plain value; the Function using it checks it (and names its own
/// path in the error): inline code must be non-empty, fit in a template
/// (cdk::TemplateLimits::max_bytes; CloudFormation's own cap on ZipFile is
/// larger) and use a Node.js or Python runtime; an S3 key must be 1-1024
/// characters. Without an object version, a new upload under the same key is
/// not deployed (CloudFormation sees no change): the function gets a warning,
/// as in the AWS CDK.
///
/// Not supported yet: Code::from_asset (a local file or directory staged and
/// uploaded by `deploy`) waits for assets; container images.
#include <cdk/value.hpp>

#include <cstdint>
#include <string>

namespace cdk::s3 {
class Bucket;
}

namespace cdk::lambda {

class Code {
 public:
  enum class Kind : std::uint8_t { None, Inline, S3 };

  /// No code: a Function refuses it.
  Code() = default;

  /// Source text that CloudFormation writes to a file named index (Node.js and Python only).
  static Code from_inline(std::string source);
  /// A .zip in a bucket of this app; object_version pins one upload of a versioned bucket.
  static Code from_bucket(const s3::Bucket& bucket, std::string key, std::string object_version = {});
  /// A .zip in a bucket given by name (made outside this app).
  static Code from_bucket_name(Value bucket_name, std::string key, std::string object_version = {});

  [[nodiscard]] Kind kind() const noexcept { return kind_; }
  [[nodiscard]] const std::string& inline_source() const noexcept { return source_; }
  [[nodiscard]] const Value& bucket_name() const noexcept { return bucket_name_; }
  [[nodiscard]] const std::string& key() const noexcept { return key_; }
  [[nodiscard]] const std::string& object_version() const noexcept { return object_version_; }

 private:
  Kind kind_ = Kind::None;
  std::string source_;
  Value bucket_name_;
  std::string key_;
  std::string object_version_;
};

}  // namespace cdk::lambda
