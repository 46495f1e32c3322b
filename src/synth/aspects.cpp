#include "synth/aspects.hpp"

#include <cdk/app.hpp>
#include <cdk/aspects.hpp>

#include <vector>

namespace cdk::detail {

// Node's friend: reads the aspects and records which ones ran where.
struct AspectInvoker {
  static void invoke(Construct& c, std::vector<IAspect*>& inherited) {
    const std::size_t base = inherited.size();
    for (const auto& a : c.node().aspects()) inherited.push_back(a.get());
    for (std::size_t i = 0; i < inherited.size(); ++i)
      if (c.node().mark_visited(inherited[i])) inherited[i]->visit(c);
    // By index: an aspect may add children, and they are visited too.
    for (std::size_t i = 0; i < c.node().children().size(); ++i) invoke(*c.node().children()[i], inherited);
    inherited.resize(base);
  }
};

void invoke_aspects(App& app) {
  std::vector<IAspect*> inherited;
  AspectInvoker::invoke(app, inherited);
}

}  // namespace cdk::detail
