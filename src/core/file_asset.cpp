#include <cdk/bootstrap.hpp>
#include <cdk/cfn_resource.hpp>
#include <cdk/error.hpp>
#include <cdk/file_asset.hpp>
#include <cdk/stack.hpp>

#include "core/asset_files.hpp"

#include <algorithm>
#include <filesystem>

namespace cdk {

namespace {

// The bucket with ${AWS::...} placeholders left where the stack does not know its environment.
std::string bucket_text(const Construct& c) {
  const Stack& stack = Stack::of(c);
  return bootstrap::specialize(bootstrap::assets_bucket(stack.bootstrap_qualifier()), stack);
}

}  // namespace

FileAsset::FileAsset(Construct& scope, std::string_view id, const FileAssetProps& props) : Construct(scope, id) {
  const std::string path = node().path();
  if (props.path.empty()) throw Error(path, "the asset has no path", "set .path to a file or directory");
  std::error_code ec;
  const auto absolute = std::filesystem::absolute(props.path, ec).lexically_normal();
  source_ = absolute.string();
  files_ = detail::list_asset_files(absolute, props.exclude, path);
  directory_ = std::filesystem::is_directory(absolute, ec);
  if (directory_ && std::none_of(files_.begin(), files_.end(), [](const auto& f) { return !f.directory; }))
    throw Error(path, "asset directory " + source_ + " has no files (after the excludes)",
                "add the files to ship, or check the exclude patterns");
  (void)Stack::of(*this).bootstrap_qualifier();  // a bad qualifier fails here, naming the stack
  hash_ = detail::asset_fingerprint(files_, directory_ ? "zip" : "file", path);
}

FileAsset::~FileAsset() = default;

std::string FileAsset::object_key_text() const {
  if (directory_) return hash_ + ".zip";
  return hash_ + std::filesystem::path(source_).extension().string();
}

std::string FileAsset::staged_name() const { return "asset." + object_key_text(); }

Value FileAsset::bucket_name() const { return bootstrap::cfnify(bucket_text(*this)); }

Value FileAsset::s3_object_url() const {
  return bootstrap::cfnify("s3://" + bucket_text(*this) + "/" + object_key_text());
}

Value FileAsset::http_url() const {
  const Stack& stack = Stack::of(*this);
  return bootstrap::cfnify(bootstrap::specialize("https://s3.${AWS::Region}.${AWS::URLSuffix}/", stack) +
                           bucket_text(*this) + "/" + object_key_text());
}

Value FileAsset::bucket_arn() const { return bootstrap::cfnify("arn:${AWS::Partition}:s3:::" + bucket_text(*this)); }

Value FileAsset::object_arn() const {
  return bootstrap::cfnify("arn:${AWS::Partition}:s3:::" + bucket_text(*this) + "/" + object_key_text());
}

void FileAsset::add_resource_metadata(CfnResource& resource, std::string_view property) const {
  resource.add_metadata("aws:asset:path", staged_name());
  resource.add_metadata("aws:asset:is-bundled", false);
  resource.add_metadata("aws:asset:property", std::string(property));
}

}  // namespace cdk
