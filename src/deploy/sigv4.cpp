#include "deploy/sigv4.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>
#include <stdexcept>

#include "deploy/endpoint.hpp"

namespace cdk::deploy {

std::string to_hex(std::string_view bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(digits[c >> 4]);
    out.push_back(digits[c & 0xf]);
  }
  return out;
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(), md, &len) == nullptr) {
    throw std::runtime_error("HMAC-SHA256 failed");
  }
  return std::string(reinterpret_cast<const char*>(md), len);
}

std::string uri_encode(std::string_view text, bool encode_slash) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !encode_slash)) {
      out.push_back(static_cast<char>(c));
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

std::string amz_date(std::chrono::system_clock::time_point when) {
  std::time_t t = std::chrono::system_clock::to_time_t(when);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

std::string canonical_query_string(std::string_view raw_query) {
  std::vector<std::pair<std::string, std::string>> pairs;
  while (!raw_query.empty()) {
    auto amp = raw_query.find('&');
    auto part = raw_query.substr(0, amp);
    raw_query = amp == std::string_view::npos ? std::string_view{} : raw_query.substr(amp + 1);
    if (part.empty()) continue;
    auto eq = part.find('=');
    std::string key(part.substr(0, eq));
    std::string value(eq == std::string_view::npos ? std::string_view{} : part.substr(eq + 1));
    // Values arrive percent-encoded; normalise to SigV4's encoding.
    pairs.emplace_back(uri_encode(url_decode(key)), uri_encode(url_decode(value)));
  }
  std::sort(pairs.begin(), pairs.end());
  std::string out;
  for (const auto& [k, v] : pairs) {
    if (!out.empty()) out += '&';
    out += k + '=' + v;
  }
  return out;
}

std::string canonical_request(const SigningInput& in, std::string* signed_headers_out) {
  std::map<std::string, std::string> headers;  // lower-case name -> trimmed value, sorted
  for (const auto& [name, value] : in.headers) {
    std::string key(name);
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string v;
    bool space = false;
    for (char c : value) {  // trim and collapse runs of spaces
      if (c == ' ' || c == '\t') {
        space = !v.empty();
        continue;
      }
      if (space) v.push_back(' ');
      space = false;
      v.push_back(c);
    }
    auto& slot = headers[key];
    slot = slot.empty() ? v : slot + "," + v;
  }
  std::string canonical_headers, signed_headers;
  for (const auto& [k, v] : headers) {
    canonical_headers += k + ':' + v + '\n';
    if (!signed_headers.empty()) signed_headers += ';';
    signed_headers += k;
  }
  if (signed_headers_out) *signed_headers_out = signed_headers;
  return fmt::format("{}\n{}\n{}\n{}\n{}\n{}", in.method, in.canonical_uri.empty() ? "/" : in.canonical_uri,
                     in.canonical_query, canonical_headers, signed_headers, in.payload_hash);
}

std::string string_to_sign(std::string_view date, std::string_view scope, std::string_view creq) {
  return fmt::format("AWS4-HMAC-SHA256\n{}\n{}\n{}", date, scope, sha256_hex(creq));
}

std::string signature(std::string_view secret, std::string_view date, std::string_view region,
                      std::string_view service, std::string_view sts) {
  std::string key = hmac_sha256(fmt::format("AWS4{}", secret), date);
  key = hmac_sha256(key, region);
  key = hmac_sha256(key, service);
  key = hmac_sha256(key, "aws4_request");
  return to_hex(hmac_sha256(key, sts));
}

void sign_request(HttpRequest& request, const Credentials& credentials, std::string_view region,
                  std::string_view service, std::chrono::system_clock::time_point now) {
  Url url = parse_url(request.url);
  std::string date_time = amz_date(now);
  std::string date = date_time.substr(0, 8);
  std::string payload_hash = sha256_hex(request.body);

  auto set = [&](std::string name, std::string value) {
    auto it = std::find_if(request.headers.begin(), request.headers.end(),
                           [&](const auto& h) { return iequals(h.first, name); });
    if (it != request.headers.end()) {
      it->second = std::move(value);
    } else {
      request.headers.emplace_back(std::move(name), std::move(value));
    }
  };
  set("Host", url.host_header());
  set("X-Amz-Date", date_time);
  if (service == "s3") set("X-Amz-Content-Sha256", payload_hash);
  if (!credentials.session_token.empty()) set("X-Amz-Security-Token", credentials.session_token);

  SigningInput in;
  in.method = request.method;
  // S3 does not double-encode the path; other services encode the already-encoded path again.
  in.canonical_uri = service == "s3" ? url.path : uri_encode(url.path, false);
  if (in.canonical_uri.empty()) in.canonical_uri = "/";
  in.canonical_query = canonical_query_string(url.query);
  for (const auto& h : request.headers) {
    if (!iequals(h.first, "authorization")) in.headers.push_back(h);
  }
  in.payload_hash = payload_hash;
  std::string signed_headers;
  std::string creq = canonical_request(in, &signed_headers);
  std::string scope = fmt::format("{}/{}/{}/aws4_request", date, region, service);
  std::string sig = signature(credentials.secret_access_key, date, region, service,
                              string_to_sign(date_time, scope, creq));
  set("Authorization", fmt::format("AWS4-HMAC-SHA256 Credential={}/{}, SignedHeaders={}, Signature={}",
                                   credentials.access_key_id, scope, signed_headers, sig));
}

}  // namespace cdk::deploy
