#include "synth/digraph.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <sstream>

namespace cdk::detail {

namespace {
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

Graph build(const Digraph& g) {
  Graph out(g.names.size());
  for (auto [a, b] : g.edges) boost::add_edge(a, b, out);
  return out;
}

struct CycleFound {
  std::vector<std::size_t> cycle;
};

// Records tree edges to rebuild the path when a back edge closes a cycle.
class CycleVisitor : public boost::default_dfs_visitor {
 public:
  explicit CycleVisitor(std::vector<Vertex>& parent) : parent_(parent) {}
  void tree_edge(boost::graph_traits<Graph>::edge_descriptor e, const Graph& g) {
    parent_[boost::target(e, g)] = boost::source(e, g);
  }
  void back_edge(boost::graph_traits<Graph>::edge_descriptor e, const Graph& g) {
    Vertex from = boost::source(e, g);
    Vertex to = boost::target(e, g);
    std::vector<std::size_t> path{from};
    for (Vertex v = from; v != to;) {
      v = parent_[v];
      path.push_back(v);
    }
    std::reverse(path.begin(), path.end());
    path.push_back(to);
    throw CycleFound{std::move(path)};
  }

 private:
  std::vector<Vertex>& parent_;
};
}  // namespace

std::optional<std::vector<std::size_t>> find_cycle(const Digraph& g) {
  Graph graph = build(g);
  std::vector<Vertex> parent(g.names.size());
  for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  try {
    boost::depth_first_search(graph, boost::visitor(CycleVisitor(parent)));
  } catch (CycleFound& found) {
    return std::move(found.cycle);
  }
  return std::nullopt;
}

std::string describe_cycle(const Digraph& g, const std::vector<std::size_t>& cycle) {
  std::string out;
  for (std::size_t i = 0; i < cycle.size(); ++i) {
    if (i) out += " -> ";
    out += g.names[cycle[i]];
  }
  return out;
}

std::vector<std::vector<std::size_t>> dependency_waves(const Digraph& g) {
  Graph graph = build(g);
  std::vector<Vertex> order;  // dependencies come first in reverse topological order
  boost::topological_sort(graph, std::back_inserter(order));
  std::vector<std::size_t> level(g.names.size(), 0);
  for (Vertex v : order) {  // every dependency of v is already levelled
    for (auto [it, end] = boost::out_edges(v, graph); it != end; ++it)
      level[v] = std::max(level[v], level[boost::target(*it, graph)] + 1);
  }
  std::size_t depth = 0;
  for (auto l : level) depth = std::max(depth, l + 1);
  std::vector<std::vector<std::size_t>> waves(g.names.empty() ? 0 : depth);
  for (std::size_t v = 0; v < level.size(); ++v) waves[level[v]].push_back(v);
  return waves;
}

std::string to_dot(const Digraph& g, std::string_view graph_name) {
  Graph graph = build(g);
  std::ostringstream out;
  std::vector<std::string> labels = g.names;
  boost::write_graphviz(out, graph, boost::make_label_writer(labels.data()),
                        boost::default_writer(),
                        [&](std::ostream& os) { os << "label=\"" << graph_name << "\";\nrankdir=LR;\n"; });
  return out.str();
}

}  // namespace cdk::detail
