#include <cdk/events/rule.hpp>

#include <cdk/annotations.hpp>
#include <cdk/events/cfn_rule.hpp>

#include <algorithm>
#include <cctype>

namespace cdk::events {

namespace {

constexpr std::size_t max_rule_name = 64;
constexpr std::size_t max_description = 512;

void check_name(const std::string& path, const std::string& name) {
  if (name.empty()) return;
  const bool chars_ok = std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '.' || c == '-' || c == '_';
  });
  if (name.size() > max_rule_name || !chars_ok)
    throw Error(path, "rule name \"" + name + "\" is not 1-64 letters, digits, '.', '-' and '_'",
                "use a shorter name without spaces, or leave it empty for a generated one");
}

void check_pattern_list(const std::string& path, const char* field, const std::vector<Value>& values) {
  for (const auto& v : values)
    if (v.is_null() || (v.kind() == Value::Kind::String && v.as_string().empty()))
      throw Error(path, std::string("event_pattern.") + field + " holds an empty value",
                  "list the values to match, e.g. .source = {\"aws.ec2\"}");
}

// EventBridge matches detail leaf by leaf: every leaf must be a list (of values or matchers).
void check_detail(const std::string& path, const Value& v, const std::string& where) {
  if (v.kind() != Value::Kind::Map || v.as_map().empty())
    throw Error(path, "event_pattern." + where + " must be a map of fields to lists",
                "e.g. .detail = cdk::Value::map({{\"state\", cdk::Value::list({\"running\"})}})");
  for (const auto& [key, item] : v.as_map()) {
    if (item.kind() == Value::Kind::Map) {
      check_detail(path, item, where + "." + key);
    } else if (item.kind() != Value::Kind::List || item.as_list().empty()) {
      throw Error(path, "event_pattern." + where + "." + key + " is " + item.to_string() + ", not a list of values",
                  "wrap it in a list: cdk::Value::list({...}); EventBridge matches any value of the list");
    }
  }
}

Value render_pattern(const std::string& path, const EventPattern& p) {
  Value::Map out;
  auto add = [&](const char* key, const char* field, const std::vector<Value>& values) {
    check_pattern_list(path, field, values);
    if (!values.empty()) out.emplace_back(key, Value(values));
  };
  add("source", "source", p.source);
  add("detail-type", "detail_type", p.detail_type);
  add("account", "account", p.account);
  add("region", "region", p.region);
  add("resources", "resources", p.resources);
  if (!p.detail.is_null()) {
    check_detail(path, p.detail, "detail");
    out.emplace_back("detail", p.detail);
  }
  return out.empty() ? Value() : Value(std::move(out));
}

bool is_default_bus(const Value& bus) {
  return bus.is_null() || (bus.kind() == Value::Kind::String && bus.as_string() == "default");
}

}  // namespace

Rule::Rule(Construct& scope, std::string_view id, RuleProps props) : Construct(scope, id) {
  const auto path = node().path();
  check_name(path, props.rule_name);
  if (props.description.size() > max_description)
    throw Error(path, "the description is longer than 512 characters", "use a shorter description");
  if (!props.schedule && props.event_pattern.empty())
    throw Error(path, "a rule needs a schedule or an event pattern",
                "set .schedule = cdk::events::Schedule::rate(...) or .event_pattern = {.source = {...}}");
  if (props.schedule && !is_default_bus(props.event_bus_name))
    throw Error(path, "a scheduled rule must be on the default event bus",
                "drop .event_bus_name, or match events with .event_pattern instead of a schedule");
  CfnRule::Props l1;
  if (!props.description.empty()) l1.description = props.description;
  if (!props.event_bus_name.is_null()) l1.event_bus_name = props.event_bus_name;
  l1.event_pattern = render_pattern(path, props.event_pattern);
  if (!props.rule_name.empty()) l1.name = props.rule_name;
  if (props.schedule) {
    l1.schedule_expression = props.schedule->expression_string(path);
    if (props.schedule->runs_every_minute())
      Annotations::of(*this).add_warning(
          "cron: without a minute the rule fires every minute; set .minute = \"*\" if that is meant, or \"0\" for once an hour");
  }
  l1.state = props.enabled ? "ENABLED" : "DISABLED";
  resource_ = &add<CfnRule>("Resource", std::move(l1));
}

Value Rule::rule_arn() const { return resource_->attr_arn(); }
Value Rule::rule_name() const { return resource_->ref(); }

}  // namespace cdk::events
