#include <cdk/elbv2/names.hpp>

#include <cdk/error.hpp>

#include <cctype>

namespace cdk::elbv2::detail {

void check_name(const std::string& path, std::string_view what, std::string_view name) {
  if (name.empty()) return;
  const std::string quoted = "'" + std::string(name) + "'";
  if (name.size() > max_name_length) {
    throw Error(path,
                std::string(what) + " name " + quoted + " is " + std::to_string(name.size()) +
                    " characters long; AWS allows at most " + std::to_string(max_name_length),
                "shorten the name, or leave it out and let CloudFormation generate one");
  }
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '-') {
      throw Error(path, std::string(what) + " name " + quoted + " contains '" + std::string(1, c) + "'",
                  "use only letters, digits and hyphens");
    }
  }
  if (name.front() == '-' || name.back() == '-') {
    throw Error(path, std::string(what) + " name " + quoted + " starts or ends with a hyphen",
                "remove the leading or trailing hyphen");
  }
  if (what == "load balancer" && name.starts_with("internal-")) {
    throw Error(path, std::string(what) + " name " + quoted + " starts with 'internal-', which AWS reserves",
                "choose a name that does not start with 'internal-'");
  }
}

}  // namespace cdk::elbv2::detail
