#include "statistic.hpp"

#include <cctype>

namespace cdk::cloudwatch::detail {

bool is_simple_statistic(const std::string& s) {
  return s == "Average" || s == "Sum" || s == "Minimum" || s == "Maximum" || s == "SampleCount";
}

bool is_extended_statistic(const std::string& s) {
  if (s == "IQM") return true;
  std::size_t i = 0;
  while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
  const auto prefix = s.substr(0, i);
  if (prefix != "p" && prefix != "tm" && prefix != "wm" && prefix != "tc" && prefix != "ts") return false;
  if (i == s.size()) return false;
  bool digit = false;
  for (; i < s.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i]))) digit = true;
    else if (s[i] != '.') return false;
  }
  return digit;
}

}  // namespace cdk::cloudwatch::detail
