#pragma once
/// A local file or directory shipped with the stack (an asset): staged into the
/// cloud assembly by synthesis, listed in `<Stack>.assets.json`, and uploaded
/// by `deploy` (or the AWS CDK CLI) to the bootstrap bucket under a key made of
/// its content hash.
///
///   auto& site = stack.add<cdk::FileAsset>("Site", {.path = "web/dist", .exclude = {"*.map"}});
///   bucket_deployment.set_property("SourceKey", site.object_key());
///
/// The hash is the SHA-256 of the content (cdk/bootstrap.hpp names the bucket):
/// relative paths, file contents and execute bits, in a fixed order; not where
/// the directory lives nor time stamps. A directory is staged as a zip with
/// fixed order, time stamps (1980-01-01) and permissions (0644, 0755 for
/// executables), key `<hash>.zip`; a file is staged as is, key `<hash><ext>`.
/// Left out of a directory: `.git`, `.hg`, `.svn`, `.DS_Store`, `cdk.out` and
/// the `exclude` globs (without '/': a name at any depth; with '/': the path
/// from the asset root); directories left empty are left out. Symbolic links
/// are followed when they stay inside the asset; one pointing outside it,
/// dangling or looping is an error.
/// Usually made for you: lambda::Code::from_asset, s3_assets::Asset.
#include <cdk/construct.hpp>
#include <cdk/list.hpp>
#include <cdk/value.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cdk {

class CfnResource;

namespace detail {
struct AssetFile;
}

struct FileAssetProps {
  std::string path{};                  ///< file or directory, relative to the working directory; required
  List<std::string> exclude{};         ///< glob patterns left out of a directory, besides the defaults; default none
};

class FileAsset : public Construct {
 public:
  using Props = FileAssetProps;
  /// Reads and hashes the content now; throws cdk::Error naming this path for
  /// a missing path, an unreadable file or a link leaving the asset.
  FileAsset(Construct& scope, std::string_view id, const FileAssetProps& props);
  ~FileAsset() override;

  /// SHA-256 of the content, 64 hex digits.
  [[nodiscard]] const std::string& asset_hash() const noexcept { return hash_; }
  /// The absolute source path.
  [[nodiscard]] const std::string& source_path() const noexcept { return source_; }
  [[nodiscard]] bool is_directory() const noexcept { return directory_; }
  /// The name in the cloud assembly: "asset.<hash>.zip" or "asset.<hash><ext>".
  [[nodiscard]] std::string staged_name() const;
  /// The object key as text: "<hash>.zip" or "<hash><ext>".
  [[nodiscard]] std::string object_key_text() const;

  /// The bootstrap bucket: literal when the stack's account and region are known, else Fn::Sub.
  [[nodiscard]] Value bucket_name() const;
  [[nodiscard]] Value object_key() const { return object_key_text(); }
  /// "s3://<bucket>/<key>"
  [[nodiscard]] Value s3_object_url() const;
  /// "https://s3.<region>.<url suffix>/<bucket>/<key>"
  [[nodiscard]] Value http_url() const;
  /// "arn:<partition>:s3:::<bucket>/<key>": the object, for grants.
  [[nodiscard]] Value object_arn() const;
  /// "arn:<partition>:s3:::<bucket>"
  [[nodiscard]] Value bucket_arn() const;

  /// Marks `resource` as using this asset in `property` (aws:asset:path,
  /// aws:asset:is-bundled, aws:asset:property metadata), as the AWS CDK does,
  /// so tools such as SAM find the local code.
  void add_resource_metadata(CfnResource& resource, std::string_view property) const;

  /// The staged entries (internal: synthesis reads them).
  [[nodiscard]] const std::vector<detail::AssetFile>& files() const noexcept { return files_; }

 private:
  std::string source_;
  bool directory_ = false;
  std::vector<detail::AssetFile> files_;
  std::string hash_;
};

}  // namespace cdk
