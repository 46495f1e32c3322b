#pragma once
/// How an action joins a pipeline stage. An action is an aggregate of its
/// settings (cdk::codepipeline_actions::CodeBuildAction, ...) with a
/// `bind(const ActionBindOptions&) const` that grants what it needs to the
/// role the pipeline made for it and returns its declaration:
///
///   struct MyAction {
///     std::string action_name{};
///     std::optional<std::int64_t> run_order{};
///     std::string variables_namespace{};
///     std::string region{};   // optional member: where it runs (default the pipeline's)
///     ...settings...
///     cdk::codepipeline::ActionConfig bind(const cdk::codepipeline::ActionBindOptions& o) const;
///   };
///   stage.add_action(MyAction{.action_name = "Deploy", ...});
///
/// Every action runs as a role of its own (`<Pipeline>/<Stage>/<Action>/CodePipelineActionRole`)
/// that only the pipeline's role may assume, as in the AWS CDK.
#include <cdk/codepipeline/artifact.hpp>
#include <cdk/codepipeline/artifact_store.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/value.hpp>

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdk {
class Construct;
}
namespace cdk::iam {
class Role;
}
namespace cdk::s3 {
class Bucket;
}

namespace cdk::codepipeline {

class Pipeline;

enum class ActionCategory : std::uint8_t { Source, Build, Test, Approval, Deploy, Invoke };

/// "Source", "Build", "Test", "Approval", "Deploy", "Invoke".
[[nodiscard]] constexpr std::string_view action_category_name(ActionCategory c) noexcept {
  switch (c) {
    case ActionCategory::Source: return "Source";
    case ActionCategory::Build: return "Build";
    case ActionCategory::Test: return "Test";
    case ActionCategory::Approval: return "Approval";
    case ActionCategory::Deploy: return "Deploy";
    case ActionCategory::Invoke: return "Invoke";
  }
  return "Source";
}

/// What an action binds to.
struct ActionBindOptions {
  Construct& scope;    ///< `<Pipeline>/<Stage>/<Action>`: where the action makes what it needs
  iam::Role& role;     ///< the action's role
  s3::Bucket& bucket;  ///< the pipeline's artifact bucket (its own region's)
  Pipeline& pipeline;
  /// The artifact store of the action's region: grant on this one (the
  /// pipeline's bucket, or another region's replication bucket)
  const ArtifactStore& store;
};

/// An action's declaration, as bind returns it.
struct ActionConfig {
  ActionCategory category = ActionCategory::Source;  ///< required
  std::string provider{};                            ///< e.g. "CodeBuild"; required
  std::string owner = "AWS";                         ///< default AWS
  std::string version = "1";                         ///< default "1"
  List<Artifact> inputs{};                           ///< default none
  List<Artifact> outputs{};                          ///< default none
  Value configuration{};                             ///< the provider's settings; default none
};

/// What Stage::add_action takes.
template <class A>
concept PipelineAction = requires(const A& a, const ActionBindOptions& o) {
  { a.action_name } -> std::convertible_to<std::string>;
  { a.run_order } -> std::convertible_to<Optional<std::int64_t>>;
  { a.variables_namespace } -> std::convertible_to<std::string>;
  { a.bind(o) } -> std::same_as<ActionConfig>;
};

}  // namespace cdk::codepipeline
