#pragma once
/// A stage: a group of stacks deployed together to one environment (dev,
/// test, prod), written as a nested cloud assembly (`assembly-<Stage>/`).
///
///   auto& prod = app.add<cdk::Stage>("Prod", {.env = {.account = "111111111111", .region = "eu-west-1"}});
///   auto& network = prod.add<cdk::Stack>("Network");   // path "Prod/Network",
///                                                      // stack name "Prod-Network", env of the stage
///
/// As in the AWS CDK: a stack in a stage takes the stage's account and region
/// where its own props leave them empty, and its default stack name is the
/// stage name, '-', then its id; stages nest (stage name "Prod-Eu", assembly
/// "assembly-Prod-Eu" inside "assembly-Prod"). Stacks of different stages may
/// neither refer to each other's values nor depend on each other.
#include <cdk/construct.hpp>
#include <cdk/stack.hpp>

#include <string>
#include <string_view>

namespace cdk {

struct StageProps {
  /// Account and region of the stacks inside that do not set their own;
  /// default the enclosing stage's, else environment-agnostic
  Environment env{};
  /// Prefix of the default stack names inside; default the id (after the
  /// enclosing stage's name and '-')
  std::string stage_name{};
};

class Stage : public Construct {
 public:
  using Props = StageProps;
  /// Throws cdk::Error for an id that does not start with a letter or holds
  /// other characters than letters, digits, '-', '_' and '.', or for a stage
  /// made inside a stack.
  Stage(Construct& scope, std::string_view id, const StageProps& props = {});

  /// The stage that holds `c` (for a stage: the one around it), or nullptr
  /// when `c` is in no stage (a stack made directly in the App).
  [[nodiscard]] static Stage* of(const Construct& c) noexcept;

  /// "Prod", or "Prod-Eu" for a stage "Eu" inside "Prod".
  [[nodiscard]] const std::string& stage_name() const noexcept { return stage_name_; }
  /// Account and region with the enclosing stages' filled in.
  [[nodiscard]] const Environment& env() const noexcept { return env_; }
  /// The stage's artifact in its parent's manifest.json: "assembly-Prod", "assembly-Prod-Eu".
  [[nodiscard]] std::string artifact_id() const;
  /// Where its assembly is written, relative to the app's output directory:
  /// "assembly-Prod", "assembly-Prod/assembly-Prod-Eu".
  [[nodiscard]] std::string assembly_directory() const;

 private:
  std::string stage_name_;
  Environment env_;
};

}  // namespace cdk
