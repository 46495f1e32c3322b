#include <cdk/bootstrap.hpp>
#include <cdk/error.hpp>
#include <cdk/fn.hpp>
#include <cdk/stack.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cdk {

namespace bootstrap {

namespace {

constexpr std::string_view kAccount = "${AWS::AccountId}";
constexpr std::string_view kRegion = "${AWS::Region}";
constexpr std::size_t kMaxQualifierLength = 10;  // the bootstrap template's Qualifier parameter

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

}  // namespace

void check_qualifier(std::string_view q, const std::string& path) {
  const bool valid = !q.empty() && q.size() <= kMaxQualifierLength && std::all_of(q.begin(), q.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
  if (!valid)
    throw Error(path, fmt::format("bootstrap qualifier \"{}\" is not 1-10 lowercase letters, digits or hyphens", q),
                "use the qualifier the environment was bootstrapped with (`cdk bootstrap --qualifier`)");
}

std::string version_parameter(std::string_view qualifier) { return fmt::format("/cdk-bootstrap/{}/version", qualifier); }

std::string assets_bucket(std::string_view qualifier) {
  return fmt::format("cdk-{}-assets-{}-{}", qualifier, kAccount, kRegion);
}

std::string container_assets_repository(std::string_view qualifier) {
  return fmt::format("cdk-{}-container-assets-{}-{}", qualifier, kAccount, kRegion);
}

std::string role_arn(std::string_view qualifier, std::string_view role) {
  return fmt::format("arn:${{AWS::Partition}}:iam::{}:role/cdk-{}-{}-{}-{}", kAccount, qualifier, role, kAccount, kRegion);
}

std::string specialize(std::string_view text, const Stack& stack) {
  std::string out(text);
  if (!stack.env().account.empty()) replace_all(out, kAccount, stack.env().account);
  if (!stack.env().region.empty()) replace_all(out, kRegion, stack.env().region);
  return out;
}

Value cfnify(std::string text) {
  if (text.find("${") == std::string::npos) return Value(std::move(text));
  return Fn::sub(text);
}

}  // namespace bootstrap

std::string Stack::bootstrap_qualifier() const {
  std::string q = props_.bootstrap_qualifier;
  if (q.empty()) q = node().try_get_context(bootstrap::qualifier_context).value_or(std::string(bootstrap::default_qualifier));
  bootstrap::check_qualifier(q, node().path());
  return q;
}

}  // namespace cdk
