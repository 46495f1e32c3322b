#include <cdk/lambda/code.hpp>

#include <cdk/s3/bucket.hpp>

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

}  // namespace cdk::lambda
