#include <cdk/lambda/code.hpp>

#include <cdk/error.hpp>
#include <cdk/file_asset.hpp>
#include <cdk/s3/bucket.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace cdk::lambda {

Code Code::from_inline(std::string source) {
  Code code;
  code.kind_ = Kind::Inline;
  code.source_ = std::move(source);
  return code;
}

Code Code::from_bucket(const s3::Bucket& bucket, std::string key, std::string object_version) {
  return from_bucket_name(bucket.bucket_name(), std::move(key), std::move(object_version));
}

Code Code::from_bucket_name(Value bucket_name, std::string key, std::string object_version) {
  Code code;
  code.kind_ = Kind::S3;
  code.bucket_name_ = std::move(bucket_name);
  code.key_ = std::move(key);
  code.object_version_ = std::move(object_version);
  return code;
}

Code Code::from_asset(std::string path, AssetCodeOptions options) {
  Code code;
  code.kind_ = Kind::Asset;
  code.source_ = std::move(path);  // the inline source's field holds the path: one of the two is set
  code.exclude_ = std::move(options.exclude);
  return code;
}

const FileAsset& Code::bind(Construct& scope) const {
  auto& asset = scope.add<FileAsset>("Code", FileAssetProps{.path = source_, .exclude = exclude_});
  if (!asset.is_directory()) {
    std::string ext = std::filesystem::path(source_).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext != ".zip" && ext != ".jar")
      throw Error(asset.node().path(), "Lambda code asset " + source_ + " is neither a directory nor a .zip or .jar file",
                  "give the directory to zip, or the built .zip package");
  }
  return asset;
}

}  // namespace cdk::lambda
