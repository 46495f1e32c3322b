#include "deploy/s3_bucket.hpp"

#include <fmt/format.h>

#include "deploy/endpoint.hpp"
#include "deploy/errors.hpp"

namespace cdk::deploy {
namespace {

ClientConfig bucket_config(ClientConfig config, const std::string& bucket, bool path_style) {
  if (!path_style) {
    std::string suffix = config.region.rfind("cn-", 0) == 0 ? "amazonaws.com.cn" : "amazonaws.com";
    config.endpoint = fmt::format("https://{}.s3.{}.{}", bucket, config.region, suffix);
  }
  return config;
}

}  // namespace

S3Bucket::S3Bucket(ClientConfig config, std::string bucket, bool path_style)
    : client_(bucket_config(std::move(config), bucket, path_style), "s3"),
      bucket_(std::move(bucket)),
      path_style_(path_style) {}

std::string S3Bucket::path(const std::string& key) const {
  std::string encoded = uri_encode(key, false);
  return path_style_ ? fmt::format("/{}/{}", bucket_, encoded) : "/" + encoded;
}

std::string S3Bucket::object_url(const std::string& key) const {
  Url url = parse_url(client_.config().endpoint);
  // moto finds the bucket of a TemplateURL only when the URL names "localhost".
  if (path_style_ && url.host == "127.0.0.1") url.host = "localhost";
  return url.origin() + path(key);
}

bool S3Bucket::has_object(const std::string& key) const {
  HttpResponse r = client_.rest("HeadObject", "HEAD", path(key));
  return r.status >= 200 && r.status < 300;
}

void S3Bucket::put_object(const std::string& key, std::string body, const std::string& content_type) const {
  client_.rest("PutObject", "PUT", path(key), std::move(body), {{"Content-Type", content_type}});
}

std::string S3Bucket::create_multipart_upload(const std::string& key, const std::string& content_type) const {
  HttpResponse r = client_.rest("CreateMultipartUpload", "POST", path(key) + "?uploads", {},
                                {{"Content-Type", content_type}});
  pugi::xml_document doc;
  doc.load_buffer(r.body.data(), r.body.size());
  std::string id = doc.child("InitiateMultipartUploadResult").child_value("UploadId");
  if (id.empty()) {
    throw AwsError("CreateMultipartUpload", r.status, "MalformedResponse", "the answer has no UploadId", "");
  }
  return id;
}

std::string S3Bucket::upload_part(const std::string& key, const std::string& upload_id, int part_number,
                                  std::string body) const {
  HttpResponse r = client_.rest(
      "UploadPart", "PUT",
      fmt::format("{}?partNumber={}&uploadId={}", path(key), part_number, uri_encode(upload_id)), std::move(body),
      // Else curl sends its default form Content-Type, and moto then reads the part as a form.
      {{"Content-Type", "application/octet-stream"}});
  std::string etag = header_value(r.headers, "ETag");
  if (etag.empty()) throw AwsError("UploadPart", r.status, "MalformedResponse", "the answer has no ETag", "");
  return etag;
}

void S3Bucket::complete_multipart_upload(const std::string& key, const std::string& upload_id,
                                         const std::vector<std::string>& etags) const {
  std::string body = "<CompleteMultipartUpload>";
  for (size_t i = 0; i < etags.size(); ++i) {
    body += fmt::format("<Part><PartNumber>{}</PartNumber><ETag>{}</ETag></Part>", i + 1, etags[i]);
  }
  body += "</CompleteMultipartUpload>";
  HttpResponse r = client_.rest("CompleteMultipartUpload", "POST",
                                fmt::format("{}?uploadId={}", path(key), uri_encode(upload_id)), std::move(body),
                                {{"Content-Type", "application/xml"}});
  // S3 may answer 200 with an <Error> body when the assembly of the parts fails.
  pugi::xml_document doc;
  if (doc.load_buffer(r.body.data(), r.body.size()) && doc.child("Error")) {
    throw AwsError("CompleteMultipartUpload", r.status, doc.child("Error").child_value("Code"),
                   doc.child("Error").child_value("Message"), doc.child("Error").child_value("RequestId"));
  }
}

void S3Bucket::abort_multipart_upload(const std::string& key, const std::string& upload_id) const noexcept {
  try {
    client_.rest("AbortMultipartUpload", "DELETE", fmt::format("{}?uploadId={}", path(key), uri_encode(upload_id)));
  } catch (const std::exception&) {
  }
}

}  // namespace cdk::deploy
