#pragma once
/// cdk::lambda::Code: where a Function's code comes from.
///
///   cdk::lambda::Code::from_inline("def handler(event, context):\n    return 'ok'\n")
///   cdk::lambda::Code::from_bucket(artifacts, "builds/api-1.4.2.zip", "3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY")
///   cdk::lambda::Code::from_bucket_name("my-artifacts", "builds/api.zip")
///   cdk::lambda::Code::from_asset("build/api", {.exclude = {"*.pyc", "tests"}})
///
/// Code is a plain value; the Function using it checks it (and names its own
/// path in the error): inline code must be non-empty, fit in a template
/// (cdk::TemplateLimits::max_bytes; CloudFormation's own cap on ZipFile is
/// larger) and use a Node.js or Python runtime; an S3 key must be 1-1024
/// characters. Without an object version, a new upload under the same key is
/// not deployed (CloudFormation sees no change): the function gets a warning,
/// as in the AWS CDK.
///
/// Code::from_asset ships a local directory (zipped by synthesis) or a .zip or
/// .jar file: the function's child "Code" is a cdk::FileAsset (its header has
/// the hash, exclude and symbolic link rules), staged into the cloud assembly
/// and uploaded by `deploy` or the AWS CDK CLI to the bootstrap bucket under
/// `<hash>.zip`, so the key changes exactly when the content does (no object
/// version needed). The stack then needs a bootstrapped environment (`cdk
/// bootstrap` or cdkpp's `bootstrap`) and gets the BootstrapVersion check. The
/// resource carries aws:asset:path metadata, so SAM finds the local code.
///
/// Not supported yet: container images as code; bundling (build the package
/// before synthesis, e.g. in CMake).
#include <cdk/list.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace cdk {
class Construct;
class FileAsset;
}  // namespace cdk

namespace cdk::s3 {
class Bucket;
}

namespace cdk::lambda {

struct AssetCodeOptions {
  List<std::string> exclude{};         ///< glob patterns left out of a directory, besides cdk::FileAsset's defaults; default none
};

class Code {
 public:
  enum class Kind : std::uint8_t { None, Inline, S3, Asset };

  /// No code: a Function refuses it.
  Code() = default;

  /// Source text that CloudFormation writes to a file named index (Node.js and Python only).
  static Code from_inline(std::string source);
  /// A .zip in a bucket of this app; object_version pins one upload of a versioned bucket.
  static Code from_bucket(const s3::Bucket& bucket, std::string key, std::string object_version = {});
  /// A .zip in a bucket given by name (made outside this app).
  static Code from_bucket_name(Value bucket_name, std::string key, std::string object_version = {});
  /// A local directory (zipped at synthesis) or .zip/.jar file, uploaded on deploy.
  static Code from_asset(std::string path, AssetCodeOptions options = {});

  /// For Kind::Asset: makes the asset as `scope`'s child "Code" (the Function
  /// calls this) and returns it. Throws cdk::Error naming the child's path for
  /// a missing path or a file that is not a .zip or .jar.
  const FileAsset& bind(Construct& scope) const;

  [[nodiscard]] Kind kind() const noexcept { return kind_; }
  [[nodiscard]] const std::string& inline_source() const noexcept { return source_; }
  [[nodiscard]] const Value& bucket_name() const noexcept { return bucket_name_; }
  [[nodiscard]] const std::string& key() const noexcept { return key_; }
  [[nodiscard]] const std::string& object_version() const noexcept { return object_version_; }
  /// The local path of an asset.
  [[nodiscard]] const std::string& asset_path() const noexcept { return source_; }

 private:
  Kind kind_ = Kind::None;
  std::string source_;
  Value bucket_name_;
  std::string key_;
  std::string object_version_;
  std::vector<std::string> exclude_;
};

}  // namespace cdk::lambda
