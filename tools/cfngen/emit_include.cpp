#include "emit_include.hpp"

#include "plan.hpp"

#include <sstream>

namespace cfngen {

using namespace plan;

namespace {

// One call per field: the overloads of cdk::l1::take (src/l1/include_reader.hpp)
// pick the reading by the field's C++ type, so the generated code stays flat.
void emit_takes(std::ostringstream& o, const std::vector<Field>& fields, const char* obj) {
  for (const auto& f : fields) o << "  cdk::l1::take(r, " << quote(f.prop->name) << ", " << obj << f.name << ");\n";
}

void emit_type(std::ostringstream& o, const ResourcePlan& p) {
  for (const auto& s : p.structs) {
    o << "static bool from_value(const cdk::Value& v, " << p.cls << "::" << s.name << "& "
      << (s.fields.empty() ? "/*s*/" : "s") << ") {\n";
    o << "  cdk::l1::Reader r(v);\n";
    emit_takes(o, s.fields, "s.");
    o << "  return r.fits();\n}\n\n";
  }
  const bool any = !p.props.empty();
  o << "static void read_" << p.cls << "(cdk::CfnResource& " << (any ? "resource" : "/*resource*/")
    << ", cdk::l1::Reader& " << (any ? "r" : "/*r*/") << ") {\n";
  if (any) o << "  auto& p = static_cast<" << p.cls << "&>(resource).props();\n";
  emit_takes(o, p.props, "p.");
  o << "}\n\n";
  o << "static cdk::CfnResource& make_" << p.cls << "(cdk::Construct& scope, std::string_view id) {\n"
    << "  return scope.add<" << p.cls << ">(id);\n}\n\n";
}

std::string emit_include_shard(const Spec& spec, const std::vector<const ResourcePlan*>& plans, int index) {
  std::ostringstream o;
  o << banner(spec) << "// Readers of included templates' properties into the typed props (CfnInclude).\n";
  for (const auto* p : plans) o << "#include <cdk/" << p->ns << "/" << p->stem << ".hpp>\n";
  o << "\n#include \"l1/include_reader.hpp\"\n";
  std::string open;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const auto* p = plans[i];
    if (p->ns != open) {
      if (!open.empty()) o << "}  // namespace cdk::" << open << "\n";
      open = p->ns;
      o << "\nnamespace cdk::" << open << " {\n\n";
      // Declared first, so cdk::l1::take finds every from_value of the run by
      // argument-dependent lookup whatever the order of definition.
      for (std::size_t j = i; j < plans.size() && plans[j]->ns == open; ++j)
        for (const auto& s : plans[j]->structs)
          o << "static bool from_value(const cdk::Value&, " << plans[j]->cls << "::" << s.name << "&);\n";
      o << "\n";
    }
    emit_type(o, *p);
  }
  if (!open.empty()) o << "}  // namespace cdk::" << open << "\n";
  const std::string nn = two_digits(index);
  o << "\nnamespace cdk::l1 {\n\n";
  if (plans.empty()) {
    o << "std::span<const IncludeType> include_types_" << nn << "() { return {}; }\n";
  } else {
    o << "static const IncludeType kTypes[] = {\n";
    for (const auto* p : plans)
      o << "    {cdk::" << p->ns << "::" << p->cls << "::cfn_type_name, &cdk::" << p->ns << "::make_" << p->cls
        << ", &cdk::" << p->ns << "::read_" << p->cls << "},\n";
    o << "};\n\nstd::span<const IncludeType> include_types_" << nn << "() { return kTypes; }\n";
  }
  o << "\n}  // namespace cdk::l1\n";
  return o.str();
}

std::string emit_index(const Spec& spec, int shards) {
  std::ostringstream o;
  o << banner(spec) << "// Every shard's table of readers (src/l1/include_NN.cpp).\n"
    << "#include \"l1/include_reader.hpp\"\n\nnamespace cdk::l1 {\n\n";
  for (int i = 0; i < shards; ++i) o << "std::span<const IncludeType> include_types_" << two_digits(i) << "();\n";
  o << "\nstd::vector<std::span<const IncludeType>> include_type_tables() {\n  return {";
  for (int i = 0; i < shards; ++i) o << (i == 0 ? "" : ", ") << "include_types_" << two_digits(i) << "()";
  o << "};\n}\n\n}  // namespace cdk::l1\n";
  return o.str();
}

}  // namespace

std::vector<File> generate_include_readers(const Spec& spec, const Options& options) {
  auto plans = plan_all(spec, options);
  auto shards = shard(plans, options.shards);
  std::vector<File> files;
  for (std::size_t i = 0; i < shards.size(); ++i) {
    const int n = static_cast<int>(i);
    files.push_back({"src/l1/include_" + two_digits(n) + ".cpp", emit_include_shard(spec, shards[i], n)});
  }
  files.push_back({"src/l1/include_types.cpp", emit_index(spec, static_cast<int>(shards.size()))});
  return files;
}

}  // namespace cfngen
