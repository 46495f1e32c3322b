#include "l1/include_reader.hpp"

#include "core/typed_include.hpp"

#include <algorithm>
#include <cstring>

namespace cdk::l1 {

namespace {

constexpr char kTaken = 1;
constexpr char kRejected = 2;

bool is_literal_map(const Value& v) { return v.kind() == Value::Kind::Map; }
bool is_scalar_or_token(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::List:
    case Value::Kind::Map:
    case Value::Kind::Null: return false;
    default: return true;
  }
}
bool is_list_or_token(const Value& v) { return v.kind() == Value::Kind::List || v.is_token(); }
bool is_map_or_token(const Value& v) { return v.kind() == Value::Kind::Map || v.is_token(); }
bool is_present(const Value& v) { return !v.is_null(); }
bool is_object_list(const Value& v) {
  if (v.kind() != Value::Kind::List || v.as_list().empty()) return false;
  return std::all_of(v.as_list().begin(), v.as_list().end(), is_literal_map);
}
bool is_object_map(const Value& v) {
  if (v.kind() != Value::Kind::Map || v.as_map().empty()) return false;
  return std::all_of(v.as_map().begin(), v.as_map().end(), [](const auto& e) { return is_literal_map(e.second); });
}

/// {Key, Value} and nothing else, each a scalar or a token.
std::optional<CfnTag> tag_of(const Value& v) {
  if (!is_literal_map(v) || v.as_map().size() != 2) return std::nullopt;
  const Value* key = v.find("Key");
  const Value* value = v.find("Value");
  if (!key || !value || !is_scalar_or_token(*key) || !is_scalar_or_token(*value)) return std::nullopt;
  return CfnTag{Prop<std::string>(*key), Prop<std::string>(*value)};
}

}  // namespace

Reader::Reader(const Value& value) {
  if (!is_literal_map(value)) return;
  map_ = &value.as_map();
  taken_.assign(map_->size(), 0);
}

const Value* Reader::entry(const char* name, bool (*shape)(const Value&)) {
  if (!map_) return nullptr;
  for (std::size_t i = 0; i < map_->size(); ++i) {
    if ((*map_)[i].first != name) continue;
    const bool fits = shape((*map_)[i].second);
    taken_[i] = fits ? kTaken : kRejected;
    return fits ? &(*map_)[i].second : nullptr;
  }
  return nullptr;
}

const Value* Reader::scalar(const char* name) { return entry(name, is_scalar_or_token); }
const Value* Reader::list(const char* name) { return entry(name, is_list_or_token); }
const Value* Reader::map(const char* name) { return entry(name, is_map_or_token); }
const Value* Reader::any(const char* name) { return entry(name, is_present); }
const Value* Reader::object(const char* name) { return entry(name, is_literal_map); }
const Value* Reader::objects(const char* name) { return entry(name, is_object_list); }
const Value* Reader::object_map(const char* name) { return entry(name, is_object_map); }

void Reader::reject(const char* name) {
  if (!map_) return;
  for (std::size_t i = 0; i < map_->size(); ++i)
    if ((*map_)[i].first == name) taken_[i] = kRejected;
}

bool Reader::fits() const {
  return map_ != nullptr && std::all_of(taken_.begin(), taken_.end(), [](char t) { return t == kTaken; });
}

std::vector<std::string> Reader::left_over() const {
  std::vector<std::string> out;
  if (!map_) return out;
  for (std::size_t i = 0; i < map_->size(); ++i)
    if (taken_[i] != kTaken) out.push_back((*map_)[i].first);
  return out;
}

namespace {
template <class P>
void take_prop(const Value* v, P& p) {
  if (v) p = P(*v);
}
}  // namespace

void take(Reader& r, const char* name, Prop<std::string>& p) { take_prop(r.scalar(name), p); }
void take(Reader& r, const char* name, Prop<std::int64_t>& p) { take_prop(r.scalar(name), p); }
void take(Reader& r, const char* name, Prop<double>& p) { take_prop(r.scalar(name), p); }
void take(Reader& r, const char* name, Prop<bool>& p) { take_prop(r.scalar(name), p); }
void take(Reader& r, const char* name, PropList<std::string>& p) { take_prop(r.list(name), p); }
void take(Reader& r, const char* name, PropList<std::int64_t>& p) { take_prop(r.list(name), p); }
void take(Reader& r, const char* name, PropList<double>& p) { take_prop(r.list(name), p); }
void take(Reader& r, const char* name, PropList<bool>& p) { take_prop(r.list(name), p); }
void take(Reader& r, const char* name, PropMap<std::string>& p) { take_prop(r.map(name), p); }
void take(Reader& r, const char* name, PropMap<std::int64_t>& p) { take_prop(r.map(name), p); }
void take(Reader& r, const char* name, PropMap<double>& p) { take_prop(r.map(name), p); }
void take(Reader& r, const char* name, PropMap<bool>& p) { take_prop(r.map(name), p); }

void take(Reader& r, const char* name, Value& v) {
  if (const Value* x = r.any(name)) v = *x;
}

void take(Reader& r, const char* name, cdk::Optional<CfnTag>& tag) {
  const Value* v = r.object(name);
  if (!v) return;
  if (auto t = tag_of(*v)) tag = std::move(t);
  else r.reject(name);
}

void take(Reader& r, const char* name, std::vector<CfnTag>& tags) {
  const Value* v = r.objects(name);
  if (!v) return;
  std::vector<CfnTag> out;
  for (const auto& item : v->as_list()) {
    auto t = tag_of(item);
    if (!t) return r.reject(name);
    out.push_back(std::move(*t));
  }
  tags = std::move(out);
}

bool take_object(Reader& r, const char* name, void* field, bool (*fill)(const Value&, void* field)) {
  const Value* v = r.object(name);
  if (!v) return false;
  if (fill(*v, field)) return true;
  r.reject(name);
  return false;
}

bool take_objects(Reader& r, const char* name, void* field, std::size_t stride, void* (*resize)(void* field, std::size_t n),
                  bool (*fill)(const Value&, void* item)) {
  const Value* v = r.objects(name);
  if (!v) return false;
  auto* items = static_cast<unsigned char*>(resize(field, v->as_list().size()));
  for (std::size_t i = 0; i < v->as_list().size(); ++i) {
    if (!fill(v->as_list()[i], items + i * stride)) {
      resize(field, 0);
      r.reject(name);
      return false;
    }
  }
  return true;
}

const IncludeType* find_include_type(std::string_view cfn_type) {
  static const std::vector<const IncludeType*> sorted = [] {
    std::vector<const IncludeType*> all;
    for (auto table : include_type_tables())
      for (const auto& t : table) all.push_back(&t);
    std::sort(all.begin(), all.end(), [](const auto* a, const auto* b) { return a->cfn_type < b->cfn_type; });
    return all;
  }();
  auto it = std::lower_bound(sorted.begin(), sorted.end(), cfn_type,
                             [](const IncludeType* t, std::string_view n) { return t->cfn_type < n; });
  return it != sorted.end() && (*it)->cfn_type == cfn_type ? *it : nullptr;
}

}  // namespace cdk::l1

namespace cdk::detail {

CfnResource* add_typed_resource(Construct& scope, std::string_view id, std::string_view type) {
  const auto* typed = l1::find_include_type(type);
  return typed ? &typed->make(scope, id) : nullptr;
}

std::vector<std::string> read_typed_properties(CfnResource& resource, const Value& properties) {
  const auto* typed = l1::find_include_type(resource.cfn_type());
  if (!typed) return {};
  l1::Reader reader(properties);
  typed->read(resource, reader);
  return reader.left_over();
}

}  // namespace cdk::detail
