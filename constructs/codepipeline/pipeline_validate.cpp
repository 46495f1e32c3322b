// Pipeline::validate: the structure CodePipeline requires, one diagnostic per problem.
#include <cdk/codepipeline/pipeline.hpp>

#include <map>
#include <utility>

namespace cdk::codepipeline {

namespace {

Diagnostic error(std::string path, std::string message, std::string hint) {
  return {.level = Diagnostic::Level::Error, .path = std::move(path), .message = std::move(message), .hint = std::move(hint)};
}

bool is_source(const StageAction& a) { return a.config.category == ActionCategory::Source; }

}  // namespace

void Pipeline::validate_actions(std::vector<Diagnostic>& out) const {
  // Where each artifact is produced: (stage index, run order).
  std::map<std::string, std::pair<std::size_t, std::int64_t>> produced;
  for (std::size_t s = 0; s < stages_.size(); ++s)
    for (const auto& a : stages_[s]->actions())
      for (const auto& o : a.config.outputs)
        if (!produced.emplace(o.name(), std::pair{s, a.run_order}).second)
          out.push_back(error(a.scope->node().path(), "artifact \"" + o.name() + "\" is produced by two actions",
                              "give each output artifact its own name"));
  for (std::size_t s = 0; s < stages_.size(); ++s)
    for (const auto& a : stages_[s]->actions()) {
      const auto path = a.scope->node().path();
      if (s == 0 && !is_source(a))
        out.push_back(error(path, "the first stage may hold only source actions", "move the action to a later stage"));
      if (s > 0 && is_source(a))
        out.push_back(error(path, "a source action may only be in the first stage", "move it to the first stage"));
      if (is_source(a) && !a.region.empty())
        out.push_back(error(path, "the source action runs in " + a.region + ", and a source action must be in the pipeline's region",
                            "leave out its region (source actions run where the pipeline is)"));
      for (const auto& i : a.config.inputs) {
        const auto it = produced.find(i.name());
        const bool earlier = it != produced.end() &&
                             (it->second.first < s || (it->second.first == s && it->second.second < a.run_order));
        if (!earlier)
          out.push_back(error(path, "artifact \"" + i.name() + "\" is consumed but no earlier action produces it",
                              "make an action of an earlier stage (or with a lower run_order) output it"));
      }
    }
}

std::vector<Diagnostic> Pipeline::validate() const {
  std::vector<Diagnostic> out;
  const auto path = node().path();
  if (stages_.size() < 2)
    out.push_back(error(path, "the pipeline has " + std::to_string(stages_.size()) + " stage(s); CodePipeline needs at least two",
                        "add a source stage and a build or deploy stage"));
  for (const auto* stage : stages_)
    if (stage->actions().empty())
      out.push_back(error(stage->node().path(), "the stage has no actions", "add an action, or remove the stage"));
  validate_actions(out);
  for (const auto& t : props_.triggers) {
    const StageAction* found = nullptr;
    for (const auto* stage : stages_)
      for (const auto& a : stage->actions())
        if (a.name == t.source_action_name) found = &a;
    if (found == nullptr || found->config.provider != "CodeStarSourceConnection")
      out.push_back(error(path, "the trigger names \"" + t.source_action_name + "\", which is not a CodeStar Connections source action of the pipeline",
                          "name the source action's action_name"));
  }
  return out;
}

}  // namespace cdk::codepipeline
