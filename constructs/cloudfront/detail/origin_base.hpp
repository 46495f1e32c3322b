#pragma once
// What every origin renders the same way (id, domain, path, connection
// settings, custom headers) and the range check the origins share. Internal.
#include <cdk/cloudfront/origin.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace cdk::cloudfront::detail {

struct OriginBase {
  Value domain_name;
  const std::string& origin_path;
  const std::string& origin_id;
  std::optional<std::int64_t> connection_attempts;
  std::optional<std::int64_t> connection_timeout_seconds;
  const std::map<std::string, std::string>& custom_headers;
};

/// Throws at `path` when `value` is set and outside low-high.
void check_range(const std::string& path, const char* field, std::optional<std::int64_t> value, std::int64_t low,
                 std::int64_t high, const char* unit);

/// The checked common part of an origin: Id (the given origin_id or the
/// distribution's), DomainName, OriginPath, connection settings, headers.
CfnDistribution::OriginProperty render_origin(const OriginBindOptions& options, const OriginBase& base);

}  // namespace cdk::cloudfront::detail
