#include "deploy/endpoint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "deploy/errors.hpp"

namespace cdk::deploy {

std::string Url::host_header() const {
  bool default_port = port == 0 || (scheme == "https" && port == 443) || (scheme == "http" && port == 80);
  return default_port ? host : fmt::format("{}:{}", host, port);
}

std::string Url::origin() const { return fmt::format("{}://{}", scheme, host_header()); }

Url parse_url(std::string_view text) {
  Url url;
  auto sep = text.find("://");
  if (sep == std::string_view::npos) {
    throw DeployError(fmt::format("invalid endpoint URL '{}': expected http://host[:port] or https://host[:port]", text));
  }
  url.scheme = std::string(text.substr(0, sep));
  std::transform(url.scheme.begin(), url.scheme.end(), url.scheme.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (url.scheme != "http" && url.scheme != "https") {
    throw DeployError(fmt::format("invalid endpoint URL '{}': only http and https are supported", text));
  }
  auto rest = text.substr(sep + 3);
  auto slash = rest.find_first_of("/?");
  auto authority = rest.substr(0, slash);
  rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  auto colon = authority.rfind(':');
  if (colon != std::string_view::npos && authority.find(']') == std::string_view::npos) {
    auto port_text = authority.substr(colon + 1);
    int port = 0;
    auto [ptr, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc() || ptr != port_text.data() + port_text.size() || port <= 0 || port > 65535) {
      throw DeployError(fmt::format("invalid endpoint URL '{}': bad port", text));
    }
    url.port = port;
    authority = authority.substr(0, colon);
  }
  if (authority.empty()) throw DeployError(fmt::format("invalid endpoint URL '{}': no host", text));
  url.host = std::string(authority);
  auto q = rest.find('?');
  url.path = std::string(rest.substr(0, q));
  if (url.path.empty()) url.path = "/";
  if (q != std::string_view::npos) url.query = std::string(rest.substr(q + 1));
  return url;
}

std::string url_decode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      int value = 0;
      auto [ptr, ec] = std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16);
      if (ec == std::errc() && ptr == text.data() + i + 3) {
        out.push_back(static_cast<char>(value));
        i += 2;
        continue;
      }
    }
    out.push_back(text[i] == '+' ? ' ' : text[i]);
  }
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace cdk::deploy
