#include "names.hpp"

#include <cdk/error.hpp>

#include <algorithm>
#include <cctype>

namespace cdk::codepipeline::detail {

void check_name(const std::string& path, std::string_view what, const std::string& name, std::string_view extra,
                std::size_t max) {
  const bool valid = std::all_of(name.begin(), name.end(), [&](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || extra.find(c) != std::string_view::npos;
  });
  if (name.empty() || name.size() > max || !valid)
    throw Error(path, std::string(what) + " \"" + name + "\" must be 1-" + std::to_string(max) +
                          " letters, digits and any of \"" + std::string(extra) + "\"",
                "choose such a name");
}

}  // namespace cdk::codepipeline::detail
