#include "deploy/ecr.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <nlohmann/json.hpp>

#include "deploy/endpoint.hpp"
#include "deploy/errors.hpp"

namespace cdk::deploy {
namespace {

using nlohmann::json;

json parse_answer(const std::string& action, const std::string& text) {
  json doc = json::parse(text, nullptr, false);
  if (!doc.is_object()) throw AwsError(action, 200, "MalformedResponse", "the ECR answer is not a JSON object", "");
  return doc;
}

}  // namespace

Ecr::Ecr(ClientConfig config) : client_(std::move(config), "ecr") {}

std::string Ecr::repository_uri(const std::string& repository) const {
  std::string text;
  try {
    text = client_.json_call(target_prefix, "DescribeRepositories",
                             json{{"repositoryNames", {repository}}}.dump());
  } catch (const AwsError& e) {
    if (e.code() != "RepositoryNotFoundException") throw;
    throw DeployError(fmt::format("the ECR repository {} does not exist in {}; run 'bootstrap' (or 'cdk bootstrap') "
                                  "for this account and region",
                                  repository, client_.config().region));
  }
  json doc = parse_answer("DescribeRepositories", text);
  for (const auto& r : doc.value("repositories", json::array())) {
    if (r.value("repositoryName", "") == repository) return r.value("repositoryUri", "");
  }
  throw AwsError("DescribeRepositories", 200, "MalformedResponse", "the answer does not list " + repository, "");
}

bool Ecr::has_image(const std::string& repository, const std::string& tag) const {
  try {
    std::string text = client_.json_call(
        target_prefix, "DescribeImages",
        json{{"repositoryName", repository}, {"imageIds", {{{"imageTag", tag}}}}}.dump());
    return !parse_answer("DescribeImages", text).value("imageDetails", json::array()).empty();
  } catch (const AwsError& e) {
    if (e.code() == "ImageNotFoundException") return false;
    throw;
  }
}

RegistryLogin Ecr::login() const {
  json doc = parse_answer("GetAuthorizationToken", client_.json_call(target_prefix, "GetAuthorizationToken", "{}"));
  const json data = doc.value("authorizationData", json::array());
  if (data.empty()) {
    throw AwsError("GetAuthorizationToken", 200, "MalformedResponse", "the answer has no authorizationData", "");
  }
  std::string token = base64_decode(data[0].value("authorizationToken", ""));
  auto colon = token.find(':');
  if (colon == std::string::npos) {
    throw AwsError("GetAuthorizationToken", 200, "MalformedResponse", "the token is not user:password", "");
  }
  std::string endpoint = data[0].value("proxyEndpoint", "");
  std::string registry = endpoint.rfind("http", 0) == 0 ? parse_url(endpoint).host_header() : endpoint;
  return {token.substr(0, colon), token.substr(colon + 1), registry};
}

std::string base64_decode(const std::string& text) {
  if (text.size() % 4 != 0) throw DeployError("invalid base64 text (length not a multiple of 4)");
  std::string out(text.size() / 4 * 3, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (n < 0) throw DeployError("invalid base64 text");
  // EVP_DecodeBlock counts the padding as zero bytes.
  size_t padding = text.empty() ? 0 : (text.back() == '=') + (text.size() > 1 && text[text.size() - 2] == '=');
  out.resize(static_cast<size_t>(n) - padding);
  return out;
}

}  // namespace cdk::deploy
