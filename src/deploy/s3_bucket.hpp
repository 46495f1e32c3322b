#pragma once
// Objects in one S3 bucket over S3's REST API, signed with SigV4 (the payload
// hash goes in X-Amz-Content-Sha256): HeadObject, PutObject and the multipart
// upload calls. Reference: https://docs.aws.amazon.com/AmazonS3/latest/API/
#include <string>
#include <vector>

#include "deploy/aws_client.hpp"

namespace cdk::deploy {

class S3Bucket {
 public:
  /// `config.endpoint` is the S3 endpoint of the region. On AWS requests go to
  /// the virtual-hosted name (<bucket>.s3.<region>.amazonaws.com); with
  /// `path_style` (emulators, private endpoints) to <endpoint>/<bucket>/<key>.
  S3Bucket(ClientConfig config, std::string bucket, bool path_style);

  [[nodiscard]] const std::string& name() const noexcept { return bucket_; }
  /// An https URL of the object (what CloudFormation's TemplateURL takes).
  [[nodiscard]] std::string object_url(const std::string& key) const;

  /// HeadObject: true when the key exists. A 403 (no s3:ListBucket) counts as
  /// absent, so the object is uploaded rather than silently skipped.
  [[nodiscard]] bool has_object(const std::string& key) const;
  void put_object(const std::string& key, std::string body, const std::string& content_type) const;

  [[nodiscard]] std::string create_multipart_upload(const std::string& key, const std::string& content_type) const;
  /// Returns the part's ETag.
  [[nodiscard]] std::string upload_part(const std::string& key, const std::string& upload_id, int part_number,
                                        std::string body) const;
  void complete_multipart_upload(const std::string& key, const std::string& upload_id,
                                 const std::vector<std::string>& etags) const;
  /// Best effort: S3 keeps the parts of an unfinished upload until it is aborted.
  void abort_multipart_upload(const std::string& key, const std::string& upload_id) const noexcept;

 private:
  [[nodiscard]] std::string path(const std::string& key) const;

  AwsClient client_;
  std::string bucket_;
  bool path_style_;
};

}  // namespace cdk::deploy
