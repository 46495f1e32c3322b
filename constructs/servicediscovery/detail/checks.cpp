#include <cdk/error.hpp>
#include <cdk/servicediscovery/detail/checks.hpp>

#include <algorithm>
#include <cctype>

namespace cdk::servicediscovery::detail {

namespace {

constexpr std::size_t max_domain_length = 253;
constexpr std::size_t max_label_length = 63;
constexpr std::size_t max_http_name_length = 1024;
constexpr std::size_t max_description_length = 1024;
constexpr std::size_t max_instance_id_length = 64;
constexpr std::size_t max_custom_attributes = 30;

bool label_ok(std::string_view label) {
  if (label.empty() || label.size() > max_label_length || label.front() == '-' || label.back() == '-') return false;
  return std::all_of(label.begin(), label.end(), [](unsigned char c) { return std::isalnum(c) || c == '-'; });
}

}  // namespace

void check_domain_name(const std::string& path, const std::string& name) {
  if (name.empty()) throw Error(path, "a DNS namespace needs a name", "set .name, e.g. \"internal\" or \"example.com\"");
  const std::string hint = "use dot-separated labels of 1-63 letters, digits and '-', at most 253 characters";
  if (name.size() > max_domain_length)
    throw Error(path, "namespace name \"" + name + "\" is longer than 253 characters", hint);
  std::string_view rest = name;
  if (rest.ends_with('.')) rest.remove_suffix(1);  // a fully qualified name
  while (true) {
    const auto dot = rest.find('.');
    if (!label_ok(rest.substr(0, dot))) throw Error(path, "namespace name \"" + name + "\" is not a domain name", hint);
    if (dot == std::string_view::npos) break;
    rest.remove_prefix(dot + 1);
  }
}

void check_http_namespace_name(const std::string& path, const std::string& name) {
  if (name.empty()) throw Error(path, "an HTTP namespace needs a name", "set .name, e.g. \"apps\"");
  const bool printable = std::all_of(name.begin(), name.end(), [](char c) { return c >= '!' && c <= '~'; });
  if (name.size() > max_http_name_length || !printable)
    throw Error(path, "namespace name \"" + name + "\" is not valid",
                "use 1-1,024 printable ASCII characters without spaces");
}

void check_description(const std::string& path, const std::string& description) {
  if (description.size() > max_description_length)
    throw Error(path, "the description is longer than 1,024 characters", "shorten it");
}

void check_range(const std::string& path, const char* field, std::int64_t value, std::int64_t low, std::int64_t high) {
  if (value >= low && value <= high) return;
  throw Error(path, std::string(field) + " " + std::to_string(value) + " is outside Cloud Map's range " +
                        std::to_string(low) + "-" + std::to_string(high),
              std::string("set .") + field + " within " + std::to_string(low) + "-" + std::to_string(high));
}

void check_instance(const std::string& path, const std::string& instance_id,
                    const std::map<std::string, std::string>& custom_attributes) {
  const bool chars_ok = std::all_of(instance_id.begin(), instance_id.end(), [](unsigned char c) {
    return std::isalnum(c) || std::string_view("_/:.@-").find(static_cast<char>(c)) != std::string_view::npos;
  });
  if (instance_id.size() > max_instance_id_length || !chars_ok)
    throw Error(path, "instance id \"" + instance_id + "\" is not valid",
                "use at most 64 letters, digits and _/:.@-, or leave it unset");
  if (custom_attributes.size() > max_custom_attributes)
    throw Error(path, "an instance takes at most 30 custom attributes, not " + std::to_string(custom_attributes.size()));
  for (const auto& [key, value] : custom_attributes)
    if (key.starts_with("AWS_"))
      throw Error(path, "custom attribute \"" + key + "\" uses the reserved prefix AWS_",
                  "set addresses and ports through the props, and give custom attributes other names");
}

std::string default_instance_id(const std::string& unique_id) {
  return unique_id.size() <= max_instance_id_length ? unique_id : unique_id.substr(unique_id.size() - max_instance_id_length);
}

}  // namespace cdk::servicediscovery::detail
