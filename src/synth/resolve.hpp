#pragma once
// Turns cdk::Value into template JSON for one stack. Internal.
#include <cdk/error.hpp>
#include <cdk/value.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <unordered_map>
#include <vector>

namespace cdk {
class Construct;
class Stack;
}  // namespace cdk

namespace cdk::detail {

using Json = nlohmann::ordered_json;

/// An empty JSON object with room for `n` members. An ordered_json object is a
/// vector of pair<const string, json>, and that pair cannot be moved without
/// the risk of a throw, so every time the vector grows it deep-copies all the
/// values it holds: objects whose size is known are made at that size.
inline Json object_with_capacity(std::size_t n) {
  Json j = Json::object();
  j.get_ref<Json::object_t&>().reserve(n);
  return j;
}
/// {"<key>": value}, made directly: nlohmann's initializer-list constructor
/// first checks whether the list reads as an object and then copies it.
inline Json single_member(std::string key, Json value) {
  Json out = object_with_capacity(1);
  out.get_ref<Json::object_t&>().emplace_back(std::move(key), std::move(value));
  return out;
}

using LogicalIds = std::unordered_map<const CfnElement*, std::string>;
class CrossStackReferences;

class Resolver {
 public:
  /// Resolves values written into `stack`'s template on behalf of `owner`
  /// (whose path errors name). `refs` may be null: then a reference to
  /// another stack is an error.
  Resolver(const Stack& stack, const LogicalIds& ids, CrossStackReferences* refs, std::string owner_path,
           std::vector<Diagnostic>& errors)
      : stack_(stack), ids_(ids), refs_(refs), owner_path_(std::move(owner_path)), errors_(errors) {}

  Json operator()(const Value& v) { return resolve(v, 0); }
  /// As operator(), leaving room for `extra_members` more members when the
  /// result is an object (its owner adds them; growing it later would copy).
  Json resolve(const Value& v, std::size_t extra_members);

 private:
  Json element_ref(const Value& v);
  /// `v` (a Ref, Fn::GetAtt or logical id) of the element with logical id `id` in its own stack.
  static Json local_ref(const std::string& id, const Value& v);
  void fail(std::string message, std::string hint);

  const Stack& stack_;
  const LogicalIds& ids_;
  CrossStackReferences* refs_;
  std::string owner_path_;
  std::vector<Diagnostic>& errors_;
};

}  // namespace cdk::detail
