#include <cdk/codedeploy/detail/names.hpp>

#include <cdk/error.hpp>
#include <cdk/fn.hpp>
#include <cdk/stack.hpp>

#include <cctype>
#include <string_view>

namespace cdk::codedeploy::detail {

namespace {
constexpr std::size_t max_name_length = 100;
constexpr std::string_view name_punctuation = "._+=,@-";
}  // namespace

void check_name(const std::string& path, const char* what, const std::string& name) {
  if (name.empty()) return;
  if (name.size() > max_name_length)
    throw Error(path, std::string(what) + " name \"" + name + "\" is longer than 100 characters", "use a shorter name");
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && name_punctuation.find(c) == std::string_view::npos)
      throw Error(path, std::string(what) + " name \"" + name + "\" may hold only letters, digits and . _ + = , @ -",
                  "remove the other characters");
}

Value codedeploy_arn(const Construct& scope, const char* resource, const Value& name) {
  const Stack& stack = Stack::of(scope);
  return Fn::join("", {"arn:", Aws::partition(), ":codedeploy:", stack.region(), ":", stack.account(),
                       ":" + std::string(resource) + ":", name});
}

}  // namespace cdk::codedeploy::detail
