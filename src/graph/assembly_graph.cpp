#include "graph/assembly_graph.hpp"

#include "synth/stack_view.hpp"

#include <cdk/stack.hpp>

#include <fmt/format.h>

#include <memory>


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

}  // namespace

std::string assembly_to_dot(const Assembly& assembly) {
  std::string dot = "digraph app {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\", fontsize=10];\n";
  for (std::size_t i = 0; i < assembly.stacks.size(); ++i) {
    const auto& a = assembly.stacks[i];
    const std::string stack_id = a.stack->artifact_id();
    dot += fmt::format("  subgraph {} {{\n    label={};\n    style=rounded;\n", quote("cluster_" + stack_id),
                       quote(a.stack->node().path()));
    dot += fmt::format("    {} [label={}, shape=folder];\n", quote(stack_id), quote(a.stack->node().path()));
    const auto view_of = a.view ? a.view : std::make_shared<const StackView>(a.template_json);
    const StackView& view = *view_of;
    for (const ResourceView& r : view.resources())
      dot += fmt::format("    {} [label={}];\n", quote(stack_id + "." + std::string(r.id)),
                         quote(std::string(r.id) + "\n" + std::string(r.type)));
    dot += "  }\n";
    const Digraph& g = view.graph();
    for (const auto& [from, to] : g.edges)
      dot += fmt::format("  {} -> {};\n", quote(stack_id + "." + g.names[from]), quote(stack_id + "." + g.names[to]));
  }
  for (const auto& a : assembly.stacks)
    for (const Stack* d : a.dependencies)
      dot += fmt::format("  {} -> {} [style=dashed];\n", quote(a.stack->artifact_id()), quote(d->artifact_id()));
  return dot + "}\n";
}

}  // namespace cdk::detail
