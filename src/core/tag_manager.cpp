#include <cdk/tag_manager.hpp>

namespace cdk {

void TagManager::set_tag(const std::string& key, std::string value, int priority, bool apply_to_launched_instances) {
  auto it = tags_.find(key);
  if (it != tags_.end() && it->second.priority > priority) return;
  tags_[key] = Tag{std::move(value), priority, false, apply_to_launched_instances};
}

void TagManager::remove_tag(const std::string& key, int priority) {
  auto it = tags_.find(key);
  if (it != tags_.end() && it->second.priority > priority) return;
  tags_[key] = Tag{{}, priority, true, true};
}

bool TagManager::has_tags() const noexcept {
  for (const auto& [k, t] : tags_)
    if (!t.removed) return true;
  return false;
}

std::map<std::string, std::string> TagManager::tag_values() const {
  std::map<std::string, std::string> out;
  for (const auto& [k, t] : tags_)
    if (!t.removed) out.emplace(k, t.value);
  return out;
}

Value TagManager::render(const Value& initial) const {
  if (format_ == TagFormat::None) return initial;
  // Tags the resource's own properties set: key -> value (a Value, may be a token).
  std::map<std::string, Value> merged;
  std::map<std::string, bool> propagate;
  for (const auto& [k, t] : tags_) {
    if (t.removed) continue;
    merged[k] = Value(t.value);
    propagate[k] = t.propagate;
  }
  if (format_ == TagFormat::Map) {
    for (const auto& [k, v] : initial.as_map()) merged[k] = v;
  } else {
    for (const auto& item : initial.as_list()) {
      const Value* key = item.find("Key");
      const Value* value = item.find("Value");
      if (key == nullptr || value == nullptr || key->kind() != Value::Kind::String) return initial;
      merged[key->as_string()] = *value;
      if (const Value* p = item.find("PropagateAtLaunch"); p && p->kind() == Value::Kind::Bool)
        propagate[key->as_string()] = p->as_bool();
    }
  }
  if (merged.empty()) return initial;
  if (format_ == TagFormat::Map) {
    Value::Map out;
    for (auto& [k, v] : merged) out.emplace_back(k, v);
    return Value(std::move(out));
  }
  Value::List out;
  out.reserve(merged.size());
  for (auto& [k, v] : merged) {
    Value::Map tag{{"Key", k}, {"Value", v}};
    if (format_ == TagFormat::AutoScalingGroup) {
      auto p = propagate.find(k);
      tag.emplace_back("PropagateAtLaunch", p == propagate.end() ? true : p->second);
    }
    out.emplace_back(std::move(tag));
  }
  return Value(std::move(out));
}

}  // namespace cdk
