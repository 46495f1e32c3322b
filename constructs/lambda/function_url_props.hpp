#pragma once
/// Options of a function URL, for Function::add_function_url and Alias::add_function_url.
#include <cdk/lambda/function_url_auth_type.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace cdk::lambda {

enum class InvokeMode : std::uint8_t {
  Buffered,          ///< the response is sent once complete (up to 6 MB)
  ResponseStream,    ///< the response is streamed as the function writes it
};

/// Cross-origin access for browsers.
struct FunctionUrlCors {
  List<std::string> allowed_origins{};         ///< e.g. "https://app.example.com"; required
  List<std::string> allowed_methods{};         ///< "GET", "POST", ... or "*"; default all
  List<std::string> allowed_headers{};         ///< default none
  bool allow_credentials = false;              ///< default false
  Optional<std::int64_t> max_age_seconds{};       ///< 0-86400; default not set (no caching)
};

struct FunctionUrlProps {
  FunctionUrlAuthType auth_type = FunctionUrlAuthType::AwsIam;  ///< default AWS_IAM (as the AWS CDK)
  Optional<InvokeMode> invoke_mode{};                           ///< default not set (Lambda: buffered)
  Optional<FunctionUrlCors> cors{};                             ///< default none (no CORS headers)
};

}  // namespace cdk::lambda
