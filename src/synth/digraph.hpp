#pragma once
// A generic digraph of named nodes on Boost.Graph: synthesis orders stacks
// and finds cycles of resources and stacks with it; graph/ draws with it. Internal.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cdk::detail {

/// A directed graph of named nodes; an edge (a, b) means "a depends on b".
struct Digraph {
  std::vector<std::string> names;
  std::vector<std::pair<std::size_t, std::size_t>> edges;

  std::size_t add_node(std::string name) {
    names.push_back(std::move(name));
    return names.size() - 1;
  }
  void add_edge(std::size_t from, std::size_t to) { edges.emplace_back(from, to); }
};

/// A cycle as node indices, first node repeated at the end; nullopt if none.
std::optional<std::vector<std::size_t>> find_cycle(const Digraph& g);

/// "A -> B -> A" for a cycle.
std::string describe_cycle(const Digraph& g, const std::vector<std::size_t>& cycle);

/// Nodes in waves: each wave depends only on earlier waves, so a wave's
/// members can be deployed in parallel. Requires an acyclic graph.
std::vector<std::vector<std::size_t>> dependency_waves(const Digraph& g);

/// Graphviz DOT text; arrows point from a node to what it depends on.
std::string to_dot(const Digraph& g, std::string_view graph_name);

}  // namespace cdk::detail
