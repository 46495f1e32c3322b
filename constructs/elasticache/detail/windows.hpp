#pragma once
// ElastiCache's time windows (internal, not installed API): what a window string
// must look like before CloudFormation sees it.
#include <optional>
#include <string>

namespace cdk::elasticache::detail {

/// A daily window "hh24:mi-hh24:mi" (UTC) of at least 60 minutes, which may
/// cross midnight. nullopt when valid, else what is wrong.
std::optional<std::string> check_daily_window(const std::string& window);

/// A weekly window "ddd:hh24:mi-ddd:hh24:mi" (UTC; ddd one of sun, mon, tue, wed,
/// thu, fri, sat) of at least 60 minutes, which may cross the end of the week.
/// nullopt when valid, else what is wrong.
std::optional<std::string> check_weekly_window(const std::string& window);

}  // namespace cdk::elasticache::detail
