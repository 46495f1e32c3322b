#include "naming.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace cfngen {

namespace {
bool upper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool lower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }
bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::string lower_case(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Keywords, alternative tokens, and object-like macros that <cstdio>, <cerrno>
// or -std=gnu++20 define: a field with one of these names would not compile.
constexpr std::array kReserved = {
    "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case",
    "catch", "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "const",
    "consteval", "constexpr", "constinit", "const_cast", "continue", "co_await", "co_return",
    "co_yield", "decltype", "default", "delete", "do", "double", "dynamic_cast", "else", "enum",
    "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if", "inline", "int",
    "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr", "operator", "or",
    "or_eq", "private", "protected", "public", "register", "reinterpret_cast", "requires", "return",
    "short", "signed", "sizeof", "static", "static_assert", "static_cast", "struct", "switch",
    "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid", "typename",
    "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
    "linux", "unix", "i386", "errno", "stdin", "stdout", "stderr", "EOF", "NULL", "cdk", "std"};
// The 's' of a plural acronym ("ARNs", "URLs", "VPCs", "GBs"): a lone lower-case
// 's' after an upper-case run, at the end or before the next word. It belongs
// to the acronym, so "TargetGroupARNs" reads target_group_arns, not target_group_ar_ns.
bool plural_s(std::string_view name, std::size_t at) {
  return name[at] == 's' && at >= 2 && upper(name[at - 1]) && upper(name[at - 2]) &&
         (at + 1 == name.size() || !lower(name[at + 1]));
}
}  // namespace

std::string snake_case(std::string_view in) {
  // Acronyms with a lower-case letter inside would split badly ("IPv6" -> "i_pv6").
  std::string name(in);
  for (std::string_view a : {"IPv4", "IPv6", "IPs", "DDoS"}) {
    for (std::size_t at = name.find(a); at != std::string::npos; at = name.find(a, at + 1)) {
      for (std::size_t k = at + 1; k < at + a.size(); ++k)
        name[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[k])));
    }
  }
  std::string out;
  out.reserve(name.size() + 8);
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == '.' || c == '-' || c == ' ' || c == ':' || c == '_') {
      if (!out.empty() && out.back() != '_') out += '_';
      continue;
    }
    if (upper(c) && i > 0) {
      char prev = name[i - 1];
      bool next_lower = i + 1 < name.size() && lower(name[i + 1]) && !plural_s(name, i + 1);
      if ((lower(prev) || digit(prev) || (upper(prev) && next_lower)) && !out.empty() && out.back() != '_') {
        out += '_';
      }
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string escape_identifier(std::string name) {
  if (name.empty() || digit(name[0])) name = "n" + name;
  if (std::find(kReserved.begin(), kReserved.end(), std::string_view(name)) != kReserved.end()) name += '_';
  return name;
}

std::string service_namespace(std::string_view short_name) {
  if (short_name == "elasticloadbalancingv2") return "elbv2";
  return escape_identifier(lower_case(short_name));
}

std::string class_name(std::string_view resource_name) { return "Cfn" + std::string(resource_name); }

std::string header_stem(std::string_view resource_name) { return "cfn_" + snake_case(resource_name); }

std::string struct_name(std::string_view property_type_name) { return std::string(property_type_name) + "Property"; }

std::string reference_url(std::string_view cfn_type, std::string_view property_type) {
  // "AWS::EC2::VPC" -> "ec2-vpc"; the vendor prefix ("AWS", "Alexa") is dropped.
  std::string rest(cfn_type.substr(cfn_type.find("::") + 2));
  std::string stem = lower_case(rest.substr(0, rest.find("::"))) + "-" + lower_case(rest.substr(rest.find("::") + 2));
  std::string page = property_type.empty() ? "aws-resource-" + stem : "aws-properties-" + stem + "-" + lower_case(property_type);
  return "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/" + page + ".html";
}

}  // namespace cfngen
