// Stage 2, tests: C++ test sources that instantiate generated types, for test/l1.
#include "emit.hpp"
#include "naming.hpp"
#include "plan.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

namespace cfngen {

using namespace plan;

namespace {

enum class Mode { Required, Full };

struct Sampler {
  const ResourcePlan& rp;
  Mode mode;
  std::vector<std::string> path;  // property types being filled, against cycles

  [[nodiscard]] std::string qualified(const std::string& type_name) const {
    return "cdk::" + rp.ns + "::" + rp.cls + "::" + struct_name(type_name);
  }

  static std::string scalar(Kind k) {
    switch (k) {
      case Kind::Integer: return "1";
      case Kind::Number: return "1.5";
      case Kind::Boolean: return "true";
      default: return "\"example\"";
    }
  }

  // An untyped value of a spec type (json, union, nested containers).
  std::string json(const TypeRef& t) {
    switch (t.kind) {
      case Kind::Union: {
        // A JSON object is the alternative least likely to trip a schema's
        // oneOf with placeholder values; then a scalar; then the first.
        for (const auto& alt : t.items)
          if (alt.kind == Kind::Json) return "cdk::Value::map({})";
        for (const auto& alt : t.items)
          if (alt.is_scalar()) return "cdk::Value(" + scalar(alt.kind) + ")";
        return json(t.items[0]);
      }
      case Kind::List: return "cdk::Value::list({" + json(t.items[0]) + "})";
      case Kind::Map: return "cdk::Value::map({{\"key\", " + json(t.items[0]) + "}})";
      case Kind::Tag: return "cdk::Value::map({{\"Key\", \"key\"}, {\"Value\", \"value\"}})";
      case Kind::Json: return "cdk::Value::map({})";
      case Kind::Named: {
        // An untyped stand-in for a property type: its scalar properties.
        const PropertyType* pt = rp.resource->find_type(t.name);
        std::string out;
        for (const auto& p : pt ? pt->properties : std::vector<Property>{}) {
          if (!p.type.is_scalar()) continue;
          out += std::string(out.empty() ? "" : ", ") + "{" + quote(p.name) + ", " + scalar(p.type.kind) + "}";
        }
        return "cdk::Value::map({" + out + "})";
      }
      default: return "cdk::Value(" + scalar(t.kind) + ")";
    }
  }

  // "" when the field is left out: an optional field that closes a cycle, or
  // anything past a depth no real property type reaches.
  std::string structure(const std::string& type_name, bool required) {
    bool cycle = std::find(path.begin(), path.end(), type_name) != path.end();
    if ((cycle && !required) || path.size() >= 12) return "";
    const StructPlan* sp = nullptr;
    for (const auto& s : rp.structs)
      if (s.type->name == type_name) sp = &s;
    if (!sp) throw std::logic_error("no struct " + type_name);
    path.push_back(type_name);
    std::string body = fields(sp->fields);
    path.pop_back();
    return qualified(type_name) + "{" + body + "}";
  }

  std::string value(const Field& f) {
    switch (f.shape) {
      case Shape::Scalar: return scalar(f.scalar);
      case Shape::List: return "{" + scalar(f.scalar) + "}";
      case Shape::Map: return "{{\"key\", " + scalar(f.scalar) + "}}";
      case Shape::Json: return json(f.prop->type);
      case Shape::Tag: return "cdk::CfnTag{\"key\", \"value\"}";
      case Shape::TagList: return "{cdk::CfnTag{\"key\", \"value\"}}";
      case Shape::Struct: return structure(f.target, f.prop->required);
      case Shape::StructList: {
        auto s = structure(f.target, f.prop->required);
        return s.empty() ? "" : "{" + s + "}";
      }
      case Shape::StructMap: {
        auto s = structure(f.target, f.prop->required);
        return s.empty() ? "" : "{{\"key\", " + s + "}}";
      }
    }
    return "";
  }

  std::string fields(const std::vector<Field>& fs) {
    std::string out;
    for (const auto& f : fs) {
      // Below depth 4 even a Full sample sets only what is required.
      if ((mode == Mode::Required || path.size() >= 4) && !f.prop->required) continue;
      std::string v = value(f);
      if (v.empty()) continue;
      if (!out.empty()) out += ", ";
      out += "." + f.name + " = " + v;
    }
    return out;
  }
};

// The JSON kind each property renders to: what the test checks against.
std::string shape_of(const Field& f) {
  switch (f.shape) {
    case Shape::Scalar:
      return f.scalar == Kind::Integer ? "integer" : f.scalar == Kind::Number ? "number"
           : f.scalar == Kind::Boolean ? "boolean" : "string";
    case Shape::List:
    case Shape::TagList:
    case Shape::StructList: return "list";
    case Shape::Map:
    case Shape::StructMap:
    case Shape::Struct:
    case Shape::Tag: return "map";
    case Shape::Json: return "any";
  }
  return "any";
}

std::string test_name(const std::string& ns) {
  std::string out;
  bool up = true;
  for (char c : ns) {
    if (c == '_') { up = true; continue; }
    out += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    up = false;
  }
  return out;
}

std::string construct(const ResourcePlan& p, const std::string& id, const std::string& body) {
  std::string q = "cdk::" + p.ns + "::" + p.cls;
  return "s.add<" + q + ">(\"" + id + "\", " + q + "::Props{" + body + "})";
}

}  // namespace

std::vector<File> generate_tests(const Spec& spec, const Options& options, const std::vector<std::string>& full_types) {
  auto plans = plan_all(spec, options);
  std::vector<File> files;
  auto shards = shard(plans, options.shards);
  for (std::size_t i = 0; i < shards.size(); ++i) {
    std::ostringstream o;
    o << banner(spec);
    for (const auto* p : shards[i]) o << "#include <cdk/" << p->ns << "/" << p->stem << ".hpp>\n";
    o << "\n#include \"l1_test_support.hpp\"\n";
    std::string open;
    int n = 0;
    auto close = [&] {
      if (!open.empty()) o << "  fx.synth_and_check();\n}\n";
    };
    for (const auto* p : shards[i]) {
      if (p->ns != open) {
        close();
        open = p->ns;
        o << "\n// Each type of cdk::" << open << " with only its required properties set synthesizes,\n"
          << "// renders exactly those, and reports each one missing when left out.\n";
        o << "TEST(L1TypesSynthesizeWithTheirRequiredProperties, " << test_name(open) << "Shard" << two_digits(static_cast<int>(i))
          << ") {\n  l1test::Fixture fx(\"" << test_name(open) << "\");\n  auto& s = fx.stack();\n";
      }
      Sampler sampler{*p, Mode::Required, {}};
      std::string body = sampler.fields(p->props);
      o << "  fx.required(" << construct(*p, "T" + std::to_string(n++), body) << ", {";
      int required = 0;
      for (const auto& f : p->props) {
        if (!f.prop->required) continue;
        o << (required++ ? ", " : "") << quote(f.prop->name);
      }
      o << "});\n";
      if (required) o << "  fx.missing<cdk::" << p->ns << "::" << p->cls << ">(" << required << ");\n";
    }
    close();
    if (shards[i].empty()) o << "\n// (no types in this shard)\n";
    files.push_back({"l1_required_" + two_digits(static_cast<int>(i)) + "_test.cpp", o.str()});
  }

  // Every property of the chosen types set: checked by name and JSON kind, and linted.
  std::ostringstream o;
  o << banner(spec);
  std::vector<const ResourcePlan*> chosen;
  for (const auto& t : full_types) {
    auto it = std::find_if(plans.begin(), plans.end(), [&](const auto& p) { return p.resource->cfn_type == t; });
    if (it != plans.end()) chosen.push_back(&*it);  // services left out by the option are skipped
  }
  for (const auto* p : chosen) o << "#include <cdk/" << p->ns << "/" << p->stem << ".hpp>\n";
  o << "\n#include \"l1_test_support.hpp\"\n\n";
  o << "// Every property of " << chosen.size() << " common types set renders under its CloudFormation name\n"
    << "// with the JSON kind of its spec type, and cfn-lint finds no type or name errors.\n";
  o << "TEST(L1TypesWithEveryPropertySet, RenderSpecNamesAndShapesAndPassCfnLint) {\n"
    << "  l1test::Fixture fx(\"Full\");\n  auto& s = fx.stack();\n";
  int n = 0;
  for (const auto* p : chosen) {
    Sampler sampler{*p, Mode::Full, {}};
    o << "  fx.full(" << construct(*p, "F" + std::to_string(n++), sampler.fields(p->props)) << ", {";
    for (std::size_t k = 0; k < p->props.size(); ++k) {
      o << (k ? ", " : "") << "{" << quote(p->props[k].prop->name) << ", \"" << shape_of(p->props[k]) << "\"}";
    }
    o << "});\n";
  }
  o << "  fx.synth_and_check();\n  fx.lint();\n}\n";
  files.push_back({"l1_full_test.cpp", o.str()});
  return files;
}

}  // namespace cfngen
