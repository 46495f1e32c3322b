#include "graph/assembly_graph.hpp"

#include <cdk/stack.hpp>

#include <fmt/format.h>

#include <set>

namespace cdk::detail {

namespace {
std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '\n') {  // a line break in the label, not a backslash and an n
      out += "\\n";
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

// Logical ids a resource entry refers to: Ref, Fn::GetAtt, DependsOn.
void collect_refs(const Json& j, std::set<std::string>& out) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      if (k == "Ref" && v.is_string()) out.insert(v.get<std::string>());
      else if (k == "Fn::GetAtt" && v.is_array() && !v.empty() && v[0].is_string()) out.insert(v[0].get<std::string>());
      else if (k == "DependsOn" && v.is_array())
        for (const auto& d : v) out.insert(d.get<std::string>());
      else collect_refs(v, out);
    }
  } else if (j.is_array()) {
    for (const auto& v : j) collect_refs(v, out);
  }
}
}  // namespace

std::string assembly_to_dot(const Assembly& assembly) {
  std::string dot = "digraph app {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\", fontsize=10];\n";
  for (std::size_t i = 0; i < assembly.stacks.size(); ++i) {
    const auto& a = assembly.stacks[i];
    const std::string stack_id = a.stack->artifact_id();
    dot += fmt::format("  subgraph {} {{\n    label={};\n    style=rounded;\n", quote("cluster_" + stack_id),
                       quote(a.stack->node().path()));
    dot += fmt::format("    {} [label={}, shape=folder];\n", quote(stack_id), quote(a.stack->node().path()));
    if (!a.template_json.contains("Resources")) {
      dot += "  }\n";
      continue;
    }
    const Json& resources = a.template_json["Resources"];
    for (const auto& [id, r] : resources.items())
      dot += fmt::format("    {} [label={}];\n", quote(stack_id + "." + id),
                         quote(id + "\n" + r.value("Type", std::string())));
    dot += "  }\n";
    for (const auto& [id, r] : resources.items()) {
      std::set<std::string> refs;
      collect_refs(r, refs);
      for (const auto& t : refs)
        if (resources.contains(t) && t != id)
          dot += fmt::format("  {} -> {};\n", quote(stack_id + "." + id), quote(stack_id + "." + t));
    }
  }
  for (const auto& a : assembly.stacks)
    for (const Stack* d : a.dependencies)
      dot += fmt::format("  {} -> {} [style=dashed];\n", quote(a.stack->artifact_id()), quote(d->artifact_id()));
  return dot + "}\n";
}

}  // namespace cdk::detail
