#include <cdk/cloudfront/detail/origin_base.hpp>

#include <cdk/error.hpp>

namespace cdk::cloudfront::detail {

namespace {

// CloudFront quotas: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html
constexpr std::size_t max_custom_headers = 10;
constexpr std::size_t max_origin_id_length = 128;

void check_origin_path(const std::string& path, const std::string& origin_path) {
  if (origin_path.empty()) return;
  if (origin_path.front() != '/' || (origin_path.size() > 1 && origin_path.back() == '/'))
    throw Error(path, "origin_path \"" + origin_path + "\" must start with '/' and not end with '/'",
                "write it as \"/" + std::string(origin_path.front() == '/' ? origin_path.substr(1) : origin_path) +
                    "\" without the trailing '/'");
}

}  // namespace

void check_range(const std::string& path, const char* field, std::optional<std::int64_t> value, std::int64_t low,
                 std::int64_t high, const char* unit) {
  if (!value || (*value >= low && *value <= high)) return;
  throw Error(path, std::string(field) + " " + std::to_string(*value) + unit + " is outside CloudFront's range " +
                        std::to_string(low) + "-" + std::to_string(high),
              std::string("set .") + field + " within " + std::to_string(low) + "-" + std::to_string(high) +
                  ", or leave it unset for CloudFront's default");
}

CfnDistribution::OriginProperty render_origin(const OriginBindOptions& options, const OriginBase& base) {
  const std::string path = options.scope.node().path();
  check_origin_path(path, base.origin_path);
  check_range(path, "connection_attempts", base.connection_attempts, 1, 3, "");
  check_range(path, "connection_timeout_seconds", base.connection_timeout_seconds, 1, 10, "s");
  if (base.custom_headers.size() > max_custom_headers)
    throw Error(path, std::to_string(base.custom_headers.size()) + " custom origin headers are more than CloudFront's 10",
                "send at most 10 headers to the origin");
  if (base.origin_id.size() > max_origin_id_length)
    throw Error(path, "origin_id \"" + base.origin_id + "\" is longer than 128 characters", "use a shorter id");
  CfnDistribution::OriginProperty out;
  out.id = base.origin_id.empty() ? options.origin_id : base.origin_id;
  out.domain_name = base.domain_name;
  if (!base.origin_path.empty()) out.origin_path = base.origin_path;
  if (base.connection_attempts) out.connection_attempts = *base.connection_attempts;
  if (base.connection_timeout_seconds) out.connection_timeout = *base.connection_timeout_seconds;
  for (const auto& [name, value] : base.custom_headers)
    out.origin_custom_headers.push_back({.header_name = name, .header_value = value});
  return out;
}

}  // namespace cdk::cloudfront::detail
