#pragma once
// Cloud Map's limits, checked where the constructs of cdk::servicediscovery
// take names and numbers. Internal: users never include this header.
#include <cstdint>
#include <map>
#include <string>

namespace cdk::servicediscovery::detail {

/// A DNS namespace's name: a domain name of at most 253 characters.
void check_domain_name(const std::string& path, const std::string& name);
/// An HTTP namespace's name: 1-1,024 printable ASCII characters, no spaces.
void check_http_namespace_name(const std::string& path, const std::string& name);
/// At most 1,024 characters.
void check_description(const std::string& path, const std::string& description);
/// `value` within low-high, else an error naming `field`.
void check_range(const std::string& path, const char* field, std::int64_t value, std::int64_t low, std::int64_t high);
/// An instance id (at most 64 of letters, digits and _/:.@-) and at most 30 custom attributes.
void check_instance(const std::string& path, const std::string& instance_id,
                    const std::map<std::string, std::string>& custom_attributes);
/// The id an instance gets when none is given: the last 64 characters of its unique id.
std::string default_instance_id(const std::string& unique_id);

}  // namespace cdk::servicediscovery::detail
