#include "expression.hpp"

#include "statistic.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace cdk::cloudwatch::detail {

namespace {

// CloudWatch's MetricDataQuery ids: a lowercase letter, then letters, digits, underscores.
bool valid_id(const std::string& id) {
  if (id.empty() || !std::islower(static_cast<unsigned char>(id[0]))) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

bool same_dimensions(const Metric& a, const Metric& b) {
  if (a.dimensions.size() != b.dimensions.size()) return false;
  for (std::size_t i = 0; i < a.dimensions.size(); ++i)
    if (a.dimensions[i].first != b.dimensions[i].first || !(a.dimensions[i].second == b.dimensions[i].second))
      return false;
  return true;
}

struct Seen {
  std::string id;
  const Metric* metric;
};

std::optional<Problem> metric_stat_problem(const std::string& id, const Metric& m) {
  if (m.namespace_.empty() || m.metric_name.empty())
    return Problem{"the expression's metric \"" + id + "\" has no namespace or metric name",
                   "e.g. {.namespace_ = \"AWS/EC2\", .metric_name = \"CPUUtilization\"}"};
  if (!is_simple_statistic(m.statistic) && !is_extended_statistic(m.statistic))
    return Problem{"the expression's metric \"" + id + "\" has statistic \"" + m.statistic +
                       "\", which CloudWatch does not know",
                   "use Average, Sum, Minimum, Maximum, SampleCount or a percentile like p99"};
  if (m.dimensions.size() > 30)
    return Problem{"the expression's metric \"" + id + "\" has more than 30 dimensions", "CloudWatch allows 30"};
  return std::nullopt;
}

std::optional<Problem> check_tree(const Metric& m, bool in_alarm, std::vector<Seen>& seen) {
  const auto& text = *m.expression;
  if (text.empty()) return Problem{"a math expression is empty", "set .expression, e.g. \"errors / requests\""};
  if (in_alarm && is_search(text))
    return Problem{"CloudWatch alarms take no SEARCH expression (\"" + text + "\")",
                   "draw it on a dashboard, or alarm on a math expression over named metrics"};
  for (const auto& [id, sub] : m.using_metrics) {
    if (!valid_id(id))
      return Problem{"the id \"" + id + "\" in the expression \"" + text + "\" is not a valid CloudWatch id",
                     "start it with a lowercase letter and use only letters, digits and underscores"};
    const auto it = std::find_if(seen.begin(), seen.end(), [&](const Seen& s) { return s.id == id; });
    if (it != seen.end() && !same_metric(*it->metric, sub))
      return Problem{"the id \"" + id + "\" names two different metrics in the expression \"" + text + "\"",
                     "rename one of them"};
    seen.push_back({id, &sub});
    auto problem = sub.is_expression() ? check_tree(sub, in_alarm, seen) : metric_stat_problem(id, sub);
    if (problem) return problem;
  }
  return std::nullopt;
}

void add_query(QuerySet& set, const Metric& m, int level, Axis axis, const std::string& id) {
  auto& qs = set.queries;
  std::ptrdiff_t found = -1;
  if (!id.empty()) {
    const auto it = std::find_if(qs.begin(), qs.end(), [&](const Query& q) { return q.id == id; });
    if (it != qs.end()) {
      if (!same_metric(*it->metric, m)) {
        if (set.clash.empty()) set.clash = id;
        return;
      }
      found = it - qs.begin();
    }
  }
  if (found < 0) {
    const auto it = std::find_if(qs.rbegin(), qs.rend(), [&](const Query& q) { return same_metric(*q.metric, m); });
    if (it != qs.rend() && (it->id.empty() || id.empty())) found = std::prev(it.base()) - qs.begin();
  }
  if (found < 0) {
    qs.push_back({.metric = &m, .id = {}, .level = level});
    found = static_cast<std::ptrdiff_t>(qs.size()) - 1;
  }
  auto& q = qs[static_cast<std::size_t>(found)];
  if (q.id.empty()) q.id = id;
  if (q.axis == Axis::None) q.axis = axis;
  for (const auto& [sub_id, sub] : m.using_metrics) add_query(set, sub, level + 1, Axis::None, sub_id);
}

}  // namespace

bool is_search(const std::string& expression) {
  std::string upper(expression.size(), ' ');
  std::transform(expression.begin(), expression.end(), upper.begin(),
                 [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
  for (auto at = upper.find("SEARCH"); at != std::string::npos; at = upper.find("SEARCH", at + 1)) {
    const bool word_start = at == 0 || !(std::isalnum(static_cast<unsigned char>(upper[at - 1])) || upper[at - 1] == '_');
    auto after = at + 6;
    while (after < upper.size() && upper[after] == ' ') ++after;
    if (word_start && after < upper.size() && upper[after] == '(') return true;
  }
  return false;
}

bool same_metric(const Metric& a, const Metric& b) {
  if (a.expression != b.expression) return false;
  if (a.is_expression()) {
    if (a.using_metrics.size() != b.using_metrics.size()) return false;
    for (const auto& [id, m] : a.using_metrics) {
      const auto it = std::find_if(b.using_metrics.begin(), b.using_metrics.end(),
                                   [&](const auto& e) { return e.first == id; });
      if (it == b.using_metrics.end() || !same_metric(m, it->second)) return false;
    }
    return true;
  }
  return a.namespace_ == b.namespace_ && a.metric_name == b.metric_name && same_dimensions(a, b) &&
         a.statistic == b.statistic && a.period_seconds == b.period_seconds;
}

std::optional<Problem> expression_problem(const Metric& m, bool in_alarm) {
  std::vector<Seen> seen;
  return check_tree(m, in_alarm, seen);
}

QuerySet flatten(const std::vector<std::pair<const Metric*, Axis>>& top) {
  QuerySet set;
  for (const auto& [m, axis] : top) add_query(set, *m, 1, axis, {});
  return set;
}

}  // namespace cdk::cloudwatch::detail
