#include "synth/stack_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

namespace cdk::detail {

namespace {

// Parameters of these types hold the name of an SSM parameter as their
// Default; the value deployed is whatever that parameter holds.
constexpr std::string_view kSsmParameterType = "AWS::SSM::Parameter::";

void add_sub_references(const std::string& text, const Json* variables, std::vector<Reference>& out) {
  for (std::size_t i = text.find("${"); i != std::string::npos; i = text.find("${", i + 2)) {
    const auto end = text.find('}', i);
    if (end == std::string::npos) break;
    std::string name = text.substr(i + 2, end - i - 2);
    if (name.empty() || name[0] == '!') continue;  // "${!Literal}"
    if (variables != nullptr && variables->is_object() && variables->contains(name)) continue;
    std::string attribute;
    if (auto dot = name.find('.'); dot != std::string::npos) {
      attribute = name.substr(dot + 1);
      name.resize(dot);
    }
    out.push_back({Reference::Kind::Sub, std::move(name), std::move(attribute)});
  }
}

void collect(const Json& j, std::vector<Reference>& out);

// A single-member object that is an intrinsic making a reference: true when
// read (and nothing under it is read again).
bool collect_intrinsic(const std::string& key, const Json& v, std::vector<Reference>& out) {
  if (key == "Ref" && v.is_string()) {
    out.push_back({Reference::Kind::Ref, v.get<std::string>(), {}});
    return true;
  }
  if (key == "Fn::GetAtt") {
    if (v.is_array() && !v.empty() && v[0].is_string())
      out.push_back({Reference::Kind::GetAtt, v[0].get<std::string>(),
                     v.size() > 1 && v[1].is_string() ? v[1].get<std::string>() : std::string()});
    else if (v.is_string()) {
      const auto& s = v.get_ref<const std::string&>();
      const auto dot = s.find('.');
      out.push_back({Reference::Kind::GetAtt, s.substr(0, dot), dot == std::string::npos ? "" : s.substr(dot + 1)});
    }
    return true;
  }
  if (key == "Fn::ImportValue" && v.is_string()) {
    out.push_back({Reference::Kind::ImportValue, v.get<std::string>(), {}});
    return true;
  }
  if (key == "Fn::Sub") {
    if (v.is_string()) add_sub_references(v.get<std::string>(), nullptr, out);
    if (v.is_array() && !v.empty() && v[0].is_string()) {
      const Json* variables = v.size() > 1 ? &v[1] : nullptr;
      add_sub_references(v[0].get<std::string>(), variables, out);
      if (variables != nullptr) collect(*variables, out);
    }
    return true;
  }
  return false;
}

void collect(const Json& j, std::vector<Reference>& out) {
  if (j.is_object()) {
    if (j.size() == 1 && collect_intrinsic(j.begin().key(), j.begin().value(), out)) return;
    for (const auto& member : j) collect(member, out);
  } else if (j.is_array()) {
    for (const auto& v : j) collect(v, out);
  }
}

std::optional<double> parse_double(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

const Json& empty_object() {
  static const Json e = Json::object();
  return e;
}

}  // namespace

std::vector<Reference> references_in(const Json& value) {
  std::vector<Reference> out;
  collect(value, out);
  return out;
}

std::string direct_target(const Json& value) {
  if (!value.is_object() || value.size() != 1) return {};
  std::vector<Reference> refs;
  const std::string& k = value.begin().key();
  if (k != "Ref" && k != "Fn::GetAtt") return {};
  collect_intrinsic(k, value.begin().value(), refs);
  return refs.empty() ? std::string() : std::move(refs.front().target);
}

StackView::StackView(const Json& tmpl) {
  if (auto p = tmpl.find("Parameters"); p != tmpl.end() && p->is_object()) parameters_ = &*p;
  if (auto r = tmpl.find("Resources"); r != tmpl.end() && r->is_object()) {
    resources_.reserve(r->size());
    by_id_.reserve(r->size());
    for (const auto& [id, entry] : r->get_ref<const Json::object_t&>()) {
      ResourceView v{id, {}, &entry, &empty_object(), resources_.size()};
      if (auto t = entry.find("Type"); t != entry.end() && t->is_string()) v.type = t->get_ref<const std::string&>();
      if (auto p = entry.find("Properties"); p != entry.end() && p->is_object()) v.properties = &*p;
      by_id_.emplace(v.id, v.index);
      by_type_[v.type].push_back(v.index);
      resources_.push_back(v);
    }
  }
  if (auto o = tmpl.find("Outputs"); o != tmpl.end() && o->is_object())
    for (const auto& [name, output] : o->get_ref<const Json::object_t&>()) {
      const Json* value = at(output, "Value");
      const auto export_name = string_at(output, "Export.Name");
      if (value == nullptr || !export_name || export_name->empty()) continue;
      std::set<std::string> local;
      for (auto& ref : references_in(*value))
        if (ref.kind != Reference::Kind::ImportValue) local.insert(std::move(ref.target));
      if (local.size() == 1) exports_[*export_name] = *local.begin();
    }
}

const ResourceView* StackView::resource(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &resources_[it->second];
}

const ResourceView* StackView::resource(std::string_view id, std::string_view type) const {
  const ResourceView* r = resource(id);
  return r != nullptr && r->type == type ? r : nullptr;
}

std::vector<const ResourceView*> StackView::of_type(std::string_view type) const {
  std::vector<const ResourceView*> out;
  if (auto it = by_type_.find(type); it != by_type_.end())
    for (std::size_t i : it->second) out.push_back(&resources_[i]);
  return out;
}

const ResourceView* StackView::target(const Json& value, std::string_view type) const {
  const std::string id = direct_target(value);
  if (id.empty()) return nullptr;
  return type.empty() ? resource(id) : resource(id, type);
}

const Json* StackView::at(const Json& object, std::string_view path) {
  const Json* cur = &object;
  while (true) {
    const auto dot = path.find('.');
    const std::string_view key = path.substr(0, dot);
    if (!cur->is_object()) return nullptr;
    auto it = cur->find(key);
    if (it == cur->end() || it->is_null()) return nullptr;
    cur = &*it;
    if (dot == std::string_view::npos) return cur;
    path.remove_prefix(dot + 1);
  }
}

const Json* StackView::literal(const Json& value) const {
  if (!value.is_object() || value.size() != 1) return &value;
  auto ref = value.find("Ref");
  if (ref == value.end() || !ref->is_string()) return &value;
  if (parameters_ == nullptr) return nullptr;
  auto p = parameters_->find(ref->get_ref<const std::string&>());
  if (p == parameters_->end() || !p->is_object()) return nullptr;
  if (auto t = p->find("Type"); t != p->end() && t->is_string() && t->get_ref<const std::string&>().starts_with(kSsmParameterType))
    return nullptr;
  auto d = p->find("Default");
  return d == p->end() ? nullptr : &*d;
}

const Json* StackView::value_at(const Json& object, std::string_view path) const {
  const Json* v = at(object, path);
  return v == nullptr ? nullptr : literal(*v);
}

std::optional<std::string> StackView::string_at(const Json& object, std::string_view path) const {
  const Json* v = value_at(object, path);
  if (v == nullptr) return std::nullopt;
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number_integer()) return v->dump();
  if (v->is_number()) return fmt::format("{:g}", v->get<double>());
  if (v->is_boolean()) return v->get<bool>() ? "true" : "false";
  return std::nullopt;
}

std::optional<double> StackView::number_at(const Json& object, std::string_view path) const {
  const Json* v = value_at(object, path);
  if (v == nullptr) return std::nullopt;
  if (v->is_number()) return v->get<double>();
  if (v->is_string()) return parse_double(v->get_ref<const std::string&>());
  return std::nullopt;
}

std::optional<bool> StackView::bool_at(const Json& object, std::string_view path) const {
  const Json* v = value_at(object, path);
  if (v == nullptr) return std::nullopt;
  if (v->is_boolean()) return v->get<bool>();
  if (v->is_string()) {
    const auto s = lower(v->get<std::string>());
    if (s == "true") return true;
    if (s == "false") return false;
  }
  return std::nullopt;
}

std::span<const Json> StackView::list_at(const Json& object, std::string_view path) const {
  const Json* v = value_at(object, path);
  if (v == nullptr || !v->is_array()) return {};
  const auto& a = v->get_ref<const Json::array_t&>();
  return {a.data(), a.size()};
}

std::vector<const Json*> StackView::items_at(const Json& object, std::string_view path) const {
  std::vector<const Json*> out;
  const Json* v = value_at(object, path);
  if (v == nullptr) return out;
  if (!v->is_array()) {
    out.push_back(v);
    return out;
  }
  out.reserve(v->size());
  for (const auto& x : *v) out.push_back(&x);
  return out;
}

const Json* StackView::map_at(const Json& object, std::string_view path) const {
  const Json* v = value_at(object, path);
  return v != nullptr && v->is_object() ? v : nullptr;
}

std::vector<Reference> StackView::references(const ResourceView& r) const {
  std::vector<Reference> out;
  if (!r.entry->is_object()) return out;
  for (const auto& [key, value] : r.entry->get_ref<const Json::object_t&>()) {
    if (key != "DependsOn") {
      collect(value, out);
      continue;
    }
    if (value.is_string()) out.push_back({Reference::Kind::DependsOn, value.get<std::string>(), {}});
    if (value.is_array())
      for (const auto& d : value)
        if (d.is_string()) out.push_back({Reference::Kind::DependsOn, d.get<std::string>(), {}});
  }
  return out;
}

const Digraph& StackView::graph() const {
  std::call_once(graph_once_, [this] {
    for (const auto& r : resources_) graph_.add_node(std::string(r.id));
    for (const auto& r : resources_) {
      std::set<std::string> targets;
      for (auto& ref : references(r))
        if (ref.kind != Reference::Kind::ImportValue) targets.insert(std::move(ref.target));
      for (const auto& t : targets)
        if (const ResourceView* to = resource(t); to != nullptr && to != &r) graph_.add_edge(r.index, to->index);
    }
  });
  return graph_;
}

}  // namespace cdk::detail
