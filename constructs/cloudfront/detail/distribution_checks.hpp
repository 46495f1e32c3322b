#pragma once
// The checks of Distribution's props that need no tree changes: certificate
// and domain names, web ACL, error responses, comment, root object, log
// bucket. Each throws a cdk::Error at `path`. Internal.
#include <cdk/cloudfront/distribution.hpp>

#include <string>

namespace cdk::cloudfront::detail {

void check_certificate(const Distribution& distribution, const DistributionProps& props);
void check_domain_names(const std::string& path, const DistributionProps& props);
void check_error_responses(const std::string& path, const std::vector<ErrorResponse>& responses);
void check_log_bucket(const std::string& path, const s3::Bucket& bucket);
void check_texts(const std::string& path, const DistributionProps& props);
/// A path pattern other than '*': at most 255 characters CloudFront allows.
void check_path_pattern(const std::string& path, const std::string& pattern);

}  // namespace cdk::cloudfront::detail
