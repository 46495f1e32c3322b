#include "emit.hpp"

#include "naming.hpp"
#include "plan.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>

namespace cfngen {

namespace plan {

namespace {

const char* scalar_cpp(Kind k) {
  switch (k) {
    case Kind::Integer: return "std::int64_t";
    case Kind::Number: return "double";
    case Kind::Boolean: return "bool";
    default: return "std::string";
  }
}

Field classify(const Resource& r, const Property& p) {
  Field f;
  f.prop = &p;
  const TypeRef& t = p.type;
  auto named_ok = [&](const TypeRef& x) { return x.kind == Kind::Named && r.find_type(x.name) != nullptr; };
  if (t.is_scalar()) {
    f.shape = Shape::Scalar;
    f.scalar = t.kind;
    f.type = std::string("cdk::Prop<") + scalar_cpp(t.kind) + ">";
  } else if (t.kind == Kind::Tag) {
    f.shape = Shape::Tag;
    f.type = "cdk::Optional<cdk::CfnTag>";
  } else if (named_ok(t)) {
    f.shape = Shape::Struct;
    f.target = t.name;
    f.type = "cdk::Optional<" + struct_name(t.name) + ">";
  } else if (t.kind == Kind::List && t.items[0].is_scalar()) {
    f.shape = Shape::List;
    f.scalar = t.items[0].kind;
    f.type = std::string("cdk::PropList<") + scalar_cpp(f.scalar) + ">";
  } else if (t.kind == Kind::List && t.items[0].kind == Kind::Tag) {
    f.shape = Shape::TagList;
    f.type = "std::vector<cdk::CfnTag>";
  } else if (t.kind == Kind::List && named_ok(t.items[0])) {
    f.shape = Shape::StructList;
    f.target = t.items[0].name;
    f.type = "std::vector<" + struct_name(f.target) + ">";
  } else if (t.kind == Kind::Map && t.items[0].is_scalar()) {
    f.shape = Shape::Map;
    f.scalar = t.items[0].kind;
    f.type = std::string("cdk::PropMap<") + scalar_cpp(f.scalar) + ">";
  } else if (t.kind == Kind::Map && named_ok(t.items[0])) {
    f.shape = Shape::StructMap;
    f.target = t.items[0].name;
    f.type = "std::map<std::string, " + struct_name(f.target) + ">";
  } else {
    f.shape = Shape::Json;  // json, unions, nested containers: any cdk::Value
    f.type = "cdk::Value";
  }
  return f;
}

std::vector<Field> fields_of(const Resource& r, const std::vector<Property>& props) {
  std::vector<Field> out;
  std::set<std::string> used;
  for (const auto& p : props) {
    Field f = classify(r, p);
    std::string n = escape_identifier(snake_case(p.name));
    while (used.count(n)) n += '_';
    used.insert(n);
    f.name = n;
    out.push_back(std::move(f));
  }
  return out;
}

ResourcePlan plan_resource(const Service& s, const Resource& r) {
  ResourcePlan rp;
  rp.service = &s;
  rp.resource = &r;
  rp.ns = service_namespace(s.short_name);
  rp.cls = class_name(r.name);
  rp.stem = header_stem(r.name);
  rp.props = fields_of(r, r.properties);
  rp.weight = 4 + r.properties.size();

  // Depth-first from the resource's properties: only types reachable through
  // typed fields are emitted, dependencies before users; an optional field that
  // closes a cycle becomes cdk::Boxed so its type may still be incomplete.
  std::map<std::string, int> state;  // 1 visiting, 2 done
  std::map<std::string, std::vector<Field>> fields;
  std::vector<std::string> order;
  auto visit = [&](auto& self, const std::string& name) -> void {
    state[name] = 1;
    const PropertyType* t = r.find_type(name);
    auto fs = fields_of(r, t->properties);
    for (auto& f : fs) {
      if (f.target.empty()) continue;
      int st = state[f.target];
      if (st == 0) {
        self(self, f.target);
      } else if (st == 1 && f.shape == Shape::Struct) {
        f.boxed = true;
        f.type = "cdk::Boxed<" + struct_name(f.target) + ">";
      }
    }
    fields[name] = std::move(fs);
    state[name] = 2;
    order.push_back(name);
  };
  for (const auto& f : rp.props) {
    if (!f.target.empty() && state[f.target] == 0) visit(visit, f.target);
  }
  for (const auto& name : order) {
    const PropertyType* t = r.find_type(name);
    rp.weight += 2 + t->properties.size();
    rp.structs.push_back({t, struct_name(name), std::move(fields[name])});
  }
  // Which structs need a required-property check: a fixpoint, as types nest cyclically.
  for (bool changed = true; changed;) {
    changed = false;
    for (auto& sp : rp.structs) {
      if (sp.checked) continue;
      for (const auto& f : sp.fields) {
        bool nested = false;
        for (const auto& other : rp.structs)
          if (!f.target.empty() && other.type->name == f.target && other.checked) nested = true;
        if (f.prop->required || nested) {
          sp.checked = changed = true;
          break;
        }
      }
    }
  }

  std::set<std::string> used;
  for (const auto& a : r.attributes) {
    std::string n = "attr_" + snake_case(a.name);
    while (used.count(n)) n += '_';
    used.insert(n);
    rp.attrs.emplace_back(n, a.name);
  }
  if (r.tagging) {
    rp.tag_property = r.tagging->property;
    const auto& v = r.tagging->variant;
    rp.tag_format = v == "standard" ? "Standard" : v == "map" ? "Map" : v == "asg" ? "AutoScalingGroup" : "None";
  }
  return rp;
}

bool selected(const Service& s, const Options& o) {
  if (o.services.empty()) return true;
  for (const auto& want : o.services) {
    if (want == "all" || want == s.short_name || want == s.cfn_namespace || want == service_namespace(s.short_name)) return true;
  }
  return false;
}

}  // namespace

std::vector<ResourcePlan> plan_all(const Spec& spec, const Options& o) {
  std::vector<ResourcePlan> out;
  std::set<std::string> headers;
  for (const auto& s : spec.services) {
    if (!selected(s, o)) continue;
    for (const auto& r : s.resources) {
      out.push_back(plan_resource(s, r));
      std::string h = out.back().ns + "/" + out.back().stem;
      if (!headers.insert(h).second) throw std::runtime_error("two resource types map to header " + h + ".hpp");
    }
  }
  for (const auto& want : o.services) {
    bool found = want == "all";
    for (const auto& s : spec.services) found = found || selected(s, Options{{want}, 1});
    if (!found) throw std::runtime_error("no service '" + want + "' in the spec");
  }
  return out;
}

// Contiguous runs of resources, balanced by weight: a shard includes the
// headers of one or a few services only.
std::vector<std::vector<const ResourcePlan*>> shard(const std::vector<ResourcePlan>& plans, int n) {
  std::vector<std::vector<const ResourcePlan*>> out(static_cast<std::size_t>(std::max(n, 1)));
  std::size_t total = 0;
  for (const auto& p : plans) total += p.weight;
  std::size_t acc = 0;
  for (const auto& p : plans) {
    std::size_t i = total == 0 ? 0 : std::min(out.size() - 1, acc * out.size() / total);
    out[i].push_back(&p);
    acc += p.weight;
  }
  return out;
}

std::string banner(const Spec& spec) {
  return "// Generated by tools/cfngen from " + spec.source + " " + spec.version +
         " - do not edit.\n// Change the generator (tools/cfngen) or the spec (tools/update-spec) instead.\n";
}

namespace {

std::string comment(const Field& f) {
  const Property& p = *f.prop;
  std::string c = p.name + " (" + p.type.to_string();
  if (p.replaces == "yes") c += ", replaces";
  if (p.replaces == "maybe") c += ", may replace";
  if (p.deprecated) c += ", deprecated";
  c += "): ";
  if (p.required) {
    c += "required";
  } else if (p.default_json) {
    c += "default " + *p.default_json;
  } else {
    c += "default not set";
  }
  // Keep it one line whatever the default holds.
  std::replace(c.begin(), c.end(), '\n', ' ');
  return c;
}

void emit_fields(std::ostringstream& o, const std::vector<Field>& fields, const char* indent) {
  for (const auto& f : fields) o << indent << f.type << ' ' << f.name << ";  ///< " << comment(f) << "\n";
}

}  // namespace

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

namespace {

std::string emit_header(const Spec& spec, const ResourcePlan& p) {
  const Resource& r = *p.resource;
  std::ostringstream o;
  o << banner(spec) << "#pragma once\n#include <cdk/cfn_resource.hpp>\n#include <cdk/prop.hpp>\n\n";
  o << "namespace cdk::" << p.ns << " {\n\n";
  o << "/// " << r.cfn_type << ": " << reference_url(r.cfn_type) << "\n";
  o << "class " << p.cls << " : public cdk::CfnResource {\n public:\n";
  o << "  static constexpr std::string_view cfn_type_name = " << quote(r.cfn_type) << ";\n\n";
  if (!p.structs.empty()) {
    for (const auto& s : p.structs) o << "  struct " << s.name << ";\n";
    o << "\n";
  }
  for (const auto& s : p.structs) {
    o << "  /// " << r.cfn_type << "." << s.type->name << ": " << reference_url(r.cfn_type, s.type->name) << "\n";
    o << "  struct " << s.name << " {\n";
    emit_fields(o, s.fields, "    ");
    // cdk::Optional deletes through this; it is defined in the library's
    // shard, so a file destroying props does not compile the struct's destructor.
    o << "    friend void cdk_delete_value(" << s.name << "* value) noexcept;\n";
    o << "  };\n\n";
  }
  o << "  struct Props {\n";
  emit_fields(o, p.props, "    ");
  o << "  };\n\n";
  // Props by rvalue reference: a program that writes them inline compiles
  // no move constructor of its own. Props kept in a variable are copied by a
  // template, so that only a program that passes one compiles the copy (an
  // inline non-template overload made every includer define Props' copy
  // constructor: 0.5 s more for gifmachine.cpp).
  // No `= {}` default: the compiler would build that Props{} where the class
  // is declared, instantiating the constructor chains of every list field's
  // std::vector in each file that includes the header. The overload without
  // props is defined in the library.
  o << "  " << p.cls << "(cdk::Construct& scope, std::string_view id);\n";
  o << "  " << p.cls << "(cdk::Construct& scope, std::string_view id, Props&& props);\n";
  o << "  template <class P>\n    requires std::same_as<P, Props>\n";
  o << "  " << p.cls << "(cdk::Construct& scope, std::string_view id, const P& props) : " << p.cls
    << "(scope, id, Props(props)) {}\n\n";
  o << "  [[nodiscard]] const Props& props() const noexcept { return props_; }\n";
  o << "  [[nodiscard]] Props& props() noexcept { return props_; }\n";
  if (!p.attrs.empty()) o << "\n";
  for (std::size_t i = 0; i < p.attrs.size(); ++i) {
    const auto& [acc, name] = p.attrs[i];
    o << "  /// Fn::GetAtt " << name << " (" << r.attributes[i].type.to_string() << ").\n";
    o << "  [[nodiscard]] cdk::Value " << acc << "() const { return get_att(" << quote(name) << "); }\n";
  }
  o << "\n protected:\n";
  o << "  [[nodiscard]] cdk::Value render_properties() const override;\n";
  o << "  [[nodiscard]] std::vector<cdk::Diagnostic> validate() const override;\n";
  o << "\n private:\n  Props props_;\n};\n\n}  // namespace cdk::" << p.ns << "\n";
  return o.str();
}

void emit_puts(std::ostringstream& o, const std::vector<Field>& fields, const char* obj) {
  o << "  cdk::l1::Fields m(" << fields.size() << ");\n";
  for (const auto& f : fields) o << "  cdk::l1::put(m, " << quote(f.prop->name) << ", " << obj << f.name << ");\n";
}

bool target_checked(const ResourcePlan& p, const Field& f) {
  for (const auto& s : p.structs)
    if (!f.target.empty() && s.type->name == f.target) return s.checked;
  return false;
}

void emit_checks(std::ostringstream& o, const ResourcePlan& p, const std::vector<Field>& fields, const char* obj,
                 const std::string& owner) {
  for (const auto& f : fields) {
    if (f.prop->required) {
      o << "  cdk::l1::require(out, cdk::l1::is_set(" << obj << f.name << "), " << p.cls << "::cfn_type_name, "
        << quote(owner) << ", " << quote(f.prop->name) << ", " << quote(f.name) << ");\n";
    }
    if (target_checked(p, f)) o << "  cdk::l1::check_nested(out, " << obj << f.name << ");\n";
  }
}

void emit_resource_source(std::ostringstream& o, const ResourcePlan& p) {
  const Resource& r = *p.resource;
  for (const auto& s : p.structs) {
    if (!s.checked) continue;
    o << "static void check(const " << p.cls << "::" << s.name << "& s, std::vector<cdk::Diagnostic>& out) {\n";
    emit_checks(o, p, s.fields, "s.", s.type->name);
    o << "}\n\n";
  }
  for (const auto& s : p.structs) {
    o << "void cdk_delete_value(" << p.cls << "::" << s.name << "* value) noexcept { delete value; }\n\n";
  }
  for (const auto& s : p.structs) {
    o << "static cdk::Value to_value(const " << p.cls << "::" << s.name << "& " << (s.fields.empty() ? "/*s*/" : "s")
      << ") {\n";
    emit_puts(o, s.fields, "s.");
    o << "  return m.done();\n}\n\n";
  }
  o << p.cls << "::" << p.cls << "(cdk::Construct& scope, std::string_view id, Props&& props)\n"
    << "    : cdk::CfnResource(scope, id, cfn_type_name, {}, cdk::TagFormat::" << p.tag_format << ", "
    << quote(p.tag_property) << "), props_(std::move(props)) {}\n\n";
  o << p.cls << "::" << p.cls << "(cdk::Construct& scope, std::string_view id) : " << p.cls
    << "(scope, id, Props{}) {}\n\n";
  o << "cdk::Value " << p.cls << "::render_properties() const {\n";
  emit_puts(o, p.props, "props_.");
  o << "  return cdk::l1::finish(m, cdk::CfnResource::render_properties());\n}\n\n";
  o << "std::vector<cdk::Diagnostic> " << p.cls << "::validate() const {\n";
  o << "  auto out = cdk::CfnResource::validate();\n";
  emit_checks(o, p, p.props, "props_.", "");
  o << "  return out;\n}\n\n";
  (void)r;
}

std::string emit_shard(const Spec& spec, const std::vector<const ResourcePlan*>& plans) {
  std::ostringstream o;
  o << banner(spec);
  for (const auto* p : plans) o << "#include <cdk/" << p->ns << "/" << p->stem << ".hpp>\n";
  o << "\n#include \"l1/render.hpp\"\n";
  std::string open;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const auto* p = plans[i];
    if (p->ns != open) {
      if (!open.empty()) o << "}  // namespace cdk::" << open << "\n";
      open = p->ns;
      o << "\nnamespace cdk::" << open << " {\n\n";
      // Every to_value of this namespace run is declared first, so the
      // cdk::l1::put templates find them whatever the order of definition.
      for (std::size_t j = i; j < plans.size() && plans[j]->ns == open; ++j)
        for (const auto& s : plans[j]->structs) {
          o << "static cdk::Value to_value(const " << plans[j]->cls << "::" << s.name << "&);\n";
          if (s.checked)
            o << "static void check(const " << plans[j]->cls << "::" << s.name << "&, std::vector<cdk::Diagnostic>&);\n";
        }
      o << "\n";
    }
    emit_resource_source(o, *p);
  }
  if (!open.empty()) o << "}  // namespace cdk::" << open << "\n";
  return o.str();
}

}  // namespace

std::string two_digits(int i) {
  std::string s = std::to_string(i);
  if (s.size() < 2) s.insert(s.begin(), '0');
  return s;
}

}  // namespace plan

using namespace plan;

namespace {

/// The spec's replacement data for the deploy layer's diff: every type of the
/// spec (not only the generated services), sorted for binary search.
std::string emit_replacing_properties(const Spec& spec) {
  std::vector<std::tuple<std::string, std::string, bool>> rows;  // type, property, always
  for (const auto& service : spec.services)
    for (const auto& r : service.resources)
      for (const auto& p : r.properties)
        if (p.replaces == "yes" || p.replaces == "maybe") rows.emplace_back(r.cfn_type, p.name, p.replaces == "yes");
  std::sort(rows.begin(), rows.end());
  std::ostringstream o;
  o << banner(spec) << "// Properties whose change replaces the resource (always or conditionally).\n"
    << "#include \"l1/replacement.hpp\"\n\nnamespace cdk::l1 {\nnamespace {\n\n"
    << "constexpr ReplacingProperty kReplacing[] = {\n";
  for (const auto& [type, property, always] : rows)
    o << "    {" << quote(type) << ", " << quote(property) << ", Replacement::"
      << (always ? "Always" : "Conditional") << "},\n";
  o << "};\n\n}  // namespace\n\n"
    << "std::span<const ReplacingProperty> replacing_properties() { return kReplacing; }\n\n"
    << "}  // namespace cdk::l1\n";
  return o.str();
}

}  // namespace

std::vector<File> generate_library(const Spec& spec, const Options& options) {
  auto plans = plan_all(spec, options);
  std::vector<File> files;
  std::map<std::string, std::vector<const ResourcePlan*>> by_ns;
  for (const auto& p : plans) {
    files.push_back({"include/cdk/" + p.ns + "/" + p.stem + ".hpp", emit_header(spec, p)});
    by_ns[p.ns].push_back(&p);
  }
  for (const auto& [ns, ps] : by_ns) {
    std::ostringstream o;
    o << banner(spec) << "// Every CloudFormation resource type of cdk::" << ns << ".\n#pragma once\n";
    for (const auto* p : ps) o << "#include <cdk/" << ns << "/" << p->stem << ".hpp>\n";
    files.push_back({"include/cdk/" + ns + "/cfn.hpp", o.str()});
  }
  auto shards = shard(plans, options.shards);
  for (std::size_t i = 0; i < shards.size(); ++i) {
    files.push_back({"src/l1/l1_" + two_digits(static_cast<int>(i)) + ".cpp", emit_shard(spec, shards[i])});
  }
  files.push_back({"src/l1/replacing_properties.cpp", emit_replacing_properties(spec)});
  return files;
}

int write_files(const std::string& dir, const std::vector<File>& files) {
  namespace fs = std::filesystem;
  int written = 0;
  for (const auto& f : files) {
    fs::path path = fs::path(dir) / f.path;
    {
      std::ifstream in(path, std::ios::binary);
      if (in) {
        std::ostringstream ss;
        ss << in.rdbuf();
        if (ss.str() == f.content) continue;
      }
    }
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << f.content;
    if (!out) throw std::runtime_error("cannot write " + path.string());
    ++written;
  }
  return written;
}

}  // namespace cfngen
