#pragma once
/// cdk::s3_assets::Asset: any local file or directory uploaded to the
/// bootstrap bucket on deploy, for resources that read it from S3 (an EC2
/// instance's start script, a CodeDeploy bundle, a Glue job's script).
///
///   auto& bundle = stack.add<cdk::s3_assets::Asset>("Bundle", {.path = "deploy/bundle", .exclude = {"*.log"}});
///   bundle.grant_read(instance_role);
///   stack.add<cdk::CfnOutput>("BundleUrl", {.value = bundle.s3_object_url()});
///
/// A directory is zipped at synthesis (key `<hash>.zip`), a file is uploaded
/// as is (key `<hash><ext>`); cdk::FileAsset's header has the hash, exclude
/// and symbolic link rules. The stack then needs a bootstrapped environment
/// (`cdk bootstrap` or cdkpp's `bootstrap`) and gets the BootstrapVersion check.
#include <cdk/file_asset.hpp>

#include <string_view>

namespace cdk::iam {
class IGrantable;
}

namespace cdk::s3_assets {

/// FileAsset's props: the path and the exclude patterns.
using AssetProps = FileAssetProps;

class Asset : public FileAsset {
 public:
  using Props = AssetProps;
  Asset(Construct& scope, std::string_view id, const AssetProps& props) : FileAsset(scope, id, std::move(props)) {}

  [[nodiscard]] Value s3_bucket_name() const { return bucket_name(); }
  [[nodiscard]] Value s3_object_key() const { return object_key(); }
  /// "https://s3.<region>.<url suffix>/<bucket>/<key>"
  [[nodiscard]] Value s3_http_url() const { return http_url(); }

  /// Lets `grantee` read the bootstrap bucket (s3::actions::read() on the
  /// bucket and its objects), where the AWS CDK's grantRead gives families:
  /// the whole bucket, so that a reader still running an older version (a
  /// rolling update) can fetch the asset it started with.
  void grant_read(iam::IGrantable& grantee) const;
};

}  // namespace cdk::s3_assets
