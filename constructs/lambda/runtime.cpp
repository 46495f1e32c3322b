#include <cdk/lambda/runtime.hpp>

namespace cdk::lambda {

const char* runtime_name(Runtime runtime) noexcept {
  switch (runtime) {
    case Runtime::Nodejs22x: return "nodejs22.x";
    case Runtime::Nodejs24x: return "nodejs24.x";
    case Runtime::Python312: return "python3.12";
    case Runtime::Python313: return "python3.13";
    case Runtime::Python314: return "python3.14";
    case Runtime::Java21: return "java21";
    case Runtime::Java25: return "java25";
    case Runtime::Dotnet10: return "dotnet10";
    case Runtime::Ruby33: return "ruby3.3";
    case Runtime::Ruby34: return "ruby3.4";
    case Runtime::ProvidedAl2023: return "provided.al2023";
  }
  return "provided.al2023";
}

RuntimeFamily runtime_family(Runtime runtime) noexcept {
  switch (runtime) {
    case Runtime::Nodejs22x:
    case Runtime::Nodejs24x: return RuntimeFamily::NodeJs;
    case Runtime::Python312:
    case Runtime::Python313:
    case Runtime::Python314: return RuntimeFamily::Python;
    case Runtime::Java21:
    case Runtime::Java25: return RuntimeFamily::Java;
    case Runtime::Dotnet10: return RuntimeFamily::DotNet;
    case Runtime::Ruby33:
    case Runtime::Ruby34: return RuntimeFamily::Ruby;
    case Runtime::ProvidedAl2023: return RuntimeFamily::Other;
  }
  return RuntimeFamily::Other;
}

bool supports_inline_code(Runtime runtime) noexcept {
  const auto family = runtime_family(runtime);
  return family == RuntimeFamily::NodeJs || family == RuntimeFamily::Python;
}

}  // namespace cdk::lambda
