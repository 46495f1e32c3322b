#pragma once
// The C++ shape of each resource (names, field types, struct order): shared by
// the library emitter (emit.cpp) and the test emitter (emit_tests.cpp).
#include "emit.hpp"
#include "model.hpp"

#include <string>
#include <utility>
#include <vector>

namespace cfngen::plan {

using Kind = TypeRef::Kind;

// How a property is held in C++ and rendered.
enum class Shape { Scalar, List, Map, Json, Struct, StructList, StructMap, Tag, TagList };

struct Field {
  const Property* prop = nullptr;
  std::string name;    // C++ field name
  std::string type;    // C++ type
  Shape shape = Shape::Json;
  Kind scalar = Kind::String;  // Scalar, List, Map
  std::string target;  // Struct*: the property type's spec name
  bool boxed = false;
};

struct StructPlan {
  const PropertyType* type = nullptr;
  std::string name;
  std::vector<Field> fields;
  bool checked = false;  // has required properties, here or in structs below
};

struct ResourcePlan {
  const Service* service = nullptr;
  const Resource* resource = nullptr;
  std::string ns, cls, stem;
  std::vector<StructPlan> structs;  // in declaration order: dependencies first
  std::vector<Field> props;
  std::vector<std::pair<std::string, std::string>> attrs;  // accessor, attribute
  std::string tag_format = "None";
  std::string tag_property = "Tags";
  std::size_t weight = 1;
};


std::vector<ResourcePlan> plan_all(const Spec& spec, const Options& options);
std::vector<std::vector<const ResourcePlan*>> shard(const std::vector<ResourcePlan>& plans, int n);
std::string banner(const Spec& spec);
std::string quote(std::string_view s);
std::string two_digits(int i);

}  // namespace cfngen::plan
