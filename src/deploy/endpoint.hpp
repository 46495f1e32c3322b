#pragma once
// URLs and service endpoints: the default AWS endpoint of a service in a
// region, and the overrides (--endpoint, AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL).
#include <string>
#include <string_view>

namespace cdk::deploy {

struct Url {
  std::string scheme;  ///< "https"
  std::string host;    ///< "cloudformation.eu-west-1.amazonaws.com"
  int port = 0;        ///< 0 = the scheme's default
  std::string path;    ///< "/" or "/bucket/key", as written (percent-encoded)
  std::string query;   ///< after '?', as written

  /// `host` or `host:port` when the port is not the scheme's default.
  [[nodiscard]] std::string host_header() const;
  /// scheme://host[:port] without path.
  [[nodiscard]] std::string origin() const;
};

/// Parses an absolute http(s) URL; throws DeployError on anything else.
Url parse_url(std::string_view text);
std::string url_decode(std::string_view text);
bool iequals(std::string_view a, std::string_view b);

}  // namespace cdk::deploy
