#include <cdk/autoscaling/detail/step_intervals.hpp>

#include <cdk/error.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace cdk::autoscaling::detail {

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();

// A step while it is completed: `step` is its place in the user's list (-1 for
// the no-change ranges added between steps), `change` empty means no change.
struct Band {
  std::optional<double> lower;
  std::optional<double> upper;
  std::optional<std::int64_t> change;
  int step = -1;
};

std::string num(double v) {
  if (std::isinf(v)) return "infinity";
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string describe(const Band& b) {
  std::string range = "[" + num(b.lower.value_or(0)) + ", " + num(b.upper.value_or(infinity)) + ")";
  return b.step >= 0 ? "step " + std::to_string(b.step + 1) + " " + range : "the no-change range " + range;
}

void check_given_bounds(const std::string& path, const std::vector<ScalingInterval>& steps) {
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const auto& s = steps[i];
    const auto n = "step " + std::to_string(i + 1);
    if (!s.lower && !s.upper)
      throw Error(path, n + " has neither a lower nor an upper bound", "give it .lower, .upper or both");
    if ((s.lower && (*s.lower < 0 || !std::isfinite(*s.lower))) || (s.upper && (*s.upper < 0 || !std::isfinite(*s.upper))))
      throw Error(path, n + " has a negative or infinite bound",
                  "steps cover the metric from 0 up: use finite bounds of 0 or more, and leave the highest step's upper bound out");
    if (s.lower && s.upper && *s.lower >= *s.upper)
      throw Error(path, n + " is empty: its lower bound " + num(*s.lower) + " is not below its upper bound " + num(*s.upper),
                  "make lower < upper");
  }
}

// Sorts by the bound each step has (lower first), then fills missing bounds
// from the neighbours: the AWS CDK's orderAndCompleteIntervals.
std::vector<Band> complete(const std::string& path, const std::vector<ScalingInterval>& steps) {
  std::vector<Band> bands;
  for (std::size_t i = 0; i < steps.size(); ++i)
    bands.push_back({steps[i].lower, steps[i].upper, steps[i].change, static_cast<int>(i)});
  std::stable_sort(bands.begin(), bands.end(),
                   [](const Band& a, const Band& b) { return (a.lower ? *a.lower : *a.upper) < (b.lower ? *b.lower : *b.upper); });
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t i = 0; i + 1 < bands.size(); ++i)
      if (bands[i].upper && !bands[i + 1].lower) bands[i + 1].lower = bands[i].upper, changed = true;
    for (std::size_t i = bands.size() - 1; i >= 1; --i)
      if (bands[i].lower && !bands[i - 1].upper) bands[i - 1].upper = bands[i].lower, changed = true;
  }
  if (!bands.front().lower) bands.front().lower = 0.0;
  if (!bands.back().upper) bands.back().upper = infinity;
  for (const auto& b : bands) {
    if (!b.lower || !b.upper)
      throw Error(path, "cannot tell where step " + std::to_string(b.step + 1) + " starts and ends",
                  "give it both .lower and .upper");
    if (*b.lower > *b.upper)
      throw Error(path, describe(b) + " ends below where it starts",
                  "give that step both bounds, starting where the step below ends");
  }
  for (std::size_t i = 0; i + 1 < bands.size(); ++i)
    if (*bands[i].lower < *bands[i + 1].upper && *bands[i].upper > *bands[i + 1].lower)
      throw Error(path, describe(bands[i]) + " and " + describe(bands[i + 1]) + " overlap",
                  "make each step start where the one below ends");
  return bands;
}

// Ranges the steps leave uncovered, and (for relative changes) steps of 0,
// become no-change ranges; adjacent ones merge. At most one may remain.
void mark_no_change(const std::string& path, std::vector<Band>& bands, bool changes_are_absolute) {
  if (*bands.front().lower != 0) bands.insert(bands.begin(), Band{0.0, bands.front().lower, std::nullopt});
  if (*bands.back().upper != infinity) bands.push_back(Band{bands.back().upper, infinity, std::nullopt});
  for (std::size_t i = 1; i < bands.size();) {
    if (*bands[i - 1].upper < *bands[i].lower)
      bands.insert(bands.begin() + static_cast<std::ptrdiff_t>(i), Band{bands[i - 1].upper, bands[i].lower, std::nullopt});
    else
      ++i;
  }
  if (!changes_are_absolute)
    for (auto& b : bands)
      if (b.change == 0) b.change.reset();
  for (std::size_t i = 0; i + 1 < bands.size();) {
    if (!bands[i].change && !bands[i + 1].change) {
      bands[i].upper = bands[i + 1].upper;
      bands[i].step = -1;
      bands.erase(bands.begin() + static_cast<std::ptrdiff_t>(i + 1));
    } else {
      ++i;
    }
  }
  std::vector<const Band*> none;
  for (const auto& b : bands)
    if (!b.change) none.push_back(&b);
  if (none.size() > 1)
    throw Error(path,
                "the steps leave more than one range without a change: " + describe(*none[0]) + " and " + describe(*none[1]),
                "steps must be contiguous around a single no-change band: close the gaps or give those ranges a change");
}

void check_inputs(const std::string& path, const StepInputs& in) {
  if (in.steps.size() < 2)
    throw Error(path, "step scaling needs at least 2 steps, got " + std::to_string(in.steps.size()),
                "e.g. .scaling_steps = {{.upper = 10, .change = -1}, {.lower = 50, .change = +1}}");
  if (in.steps.size() > max_steps)
    throw Error(path, "step scaling takes at most 40 steps, got " + std::to_string(in.steps.size()), "merge steps");
  if (!in.metric.is_expression() && (in.metric.namespace_.empty() || in.metric.metric_name.empty()))
    throw Error(path, "step scaling needs a metric", "set .metric, e.g. queue.metric_approximate_number_of_messages_visible()");
  if (in.min_adjustment_magnitude) {
    if (in.adjustment_type != AdjustmentType::PercentChangeInCapacity)
      throw Error(path, "min_adjustment_magnitude applies to AdjustmentType::PercentChangeInCapacity only",
                  "drop it, or use percentage changes");
    if (*in.min_adjustment_magnitude < 1)
      throw Error(path, "min_adjustment_magnitude must be at least 1", "set it to 1 or more");
  }
  if (in.adjustment_type == AdjustmentType::ExactCapacity)
    for (std::size_t i = 0; i < in.steps.size(); ++i)
      if (in.steps[i].change < 0)
        throw Error(path, "step " + std::to_string(i + 1) + " sets a negative capacity (" + std::to_string(in.steps[i].change) + ")",
                    "with AdjustmentType::ExactCapacity a change is the new capacity: use 0 or more");
  // The alarms' own checks (evaluation periods, data points, period, statistic), now rather than half way.
  check_alarm_props(path, step_alarm_props(in, 0, true));
  check_given_bounds(path, in.steps);
}

}  // namespace

StepPlan plan_step_scaling(const std::string& path, const StepInputs& in) {
  check_inputs(path, in);
  auto bands = complete(path, in.steps);
  mark_no_change(path, bands, in.adjustment_type == AdjustmentType::ExactCapacity);
  // The thresholds sit at the edges of the no-change band, or without one in
  // the middle of the steps (the AWS CDK's findAlarmThresholds).
  const auto gap = std::find_if(bands.begin(), bands.end(), [](const Band& b) { return !b.change; });
  std::optional<std::size_t> lower_index, upper_index;
  const std::size_t n = bands.size();
  if (gap != bands.end()) {
    const auto g = static_cast<std::size_t>(gap - bands.begin());
    if (g > 0) lower_index = g - 1;
    if (g + 1 < n) upper_index = g + 1;
  } else if (n == 1) {
    upper_index = 0;
  } else {
    lower_index = n / 2 - 1;
    upper_index = n / 2;
  }
  if (!lower_index && !upper_index)
    throw Error(path, "the steps change nothing", "give at least one step a non-zero change");
  StepPlan plan;
  if (lower_index) {
    StepSide side{.threshold = *bands[*lower_index].upper, .adjustments = {}};
    for (std::size_t i = *lower_index + 1; i-- > 0;)
      side.adjustments.push_back({.lower_bound = i != 0 ? std::optional<double>(*bands[i].lower - side.threshold) : std::nullopt,
                                  .upper_bound = *bands[i].upper - side.threshold,
                                  .adjustment = *bands[i].change});
    plan.lower = std::move(side);
  }
  if (upper_index) {
    StepSide side{.threshold = *bands[*upper_index].lower, .adjustments = {}};
    for (std::size_t i = *upper_index; i < n; ++i)
      side.adjustments.push_back({.lower_bound = *bands[i].lower - side.threshold,
                                  .upper_bound = i + 1 != n ? std::optional<double>(*bands[i].upper - side.threshold) : std::nullopt,
                                  .adjustment = *bands[i].change});
    plan.upper = std::move(side);
  }
  return plan;
}

std::optional<MetricAggregationType> aggregation_of(const Optional<MetricAggregationType>& given,
                                                    const cloudwatch::Metric& metric) {
  if (given) return *given;
  if (metric.is_expression()) return std::nullopt;
  if (metric.statistic == "Minimum") return MetricAggregationType::Minimum;
  if (metric.statistic == "Maximum") return MetricAggregationType::Maximum;
  return MetricAggregationType::Average;
}

cloudwatch::AlarmProps step_alarm_props(const StepInputs& in, double threshold, bool upper) {
  cloudwatch::AlarmProps p;
  p.metric = in.metric;
  p.threshold = threshold;
  p.evaluation_periods = in.evaluation_periods;
  p.datapoints_to_alarm = in.datapoints_to_alarm;
  p.comparison_operator = upper ? cloudwatch::ComparisonOperator::GreaterThanOrEqualToThreshold
                                : cloudwatch::ComparisonOperator::LessThanOrEqualToThreshold;
  p.alarm_description = upper ? "Upper threshold scaling alarm" : "Lower threshold scaling alarm";
  return p;
}

void use_queue_depth(const std::string& path, cloudwatch::Metric queue_metric, cloudwatch::Metric& metric,
                     std::vector<ScalingInterval>& steps) {
  if (!metric.namespace_.empty() || !metric.metric_name.empty() || metric.is_expression())
    throw Error(path, "scale_on_queue_depth watches the queue's visible messages, and a metric was given too",
                "drop .metric, or call scale_on_metric with it");
  metric = std::move(queue_metric);
  if (steps.empty()) steps = {{.upper = 0, .change = -1}, {.lower = 100, .change = +1}, {.lower = 500, .change = +5}};
}

}  // namespace cdk::autoscaling::detail
