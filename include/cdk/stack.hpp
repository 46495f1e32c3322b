#pragma once
/// A stack: the unit of deployment, one CloudFormation template.
///
///   auto& stack = app.add<cdk::Stack>("Web", cdk::StackProps{
///       .env = {.account = "123456789012", .region = "eu-west-1"},
///       .description = "Public web tier"});
#include <cdk/construct.hpp>
#include <cdk/tag_manager.hpp>
#include <cdk/value.hpp>

#include <map>
#include <string>
#include <vector>

namespace cdk {

class CfnElement;

/// Where a stack deploys. Empty fields make the stack environment-agnostic:
/// the account and region then come from the deploy's credentials.
struct Environment {
  std::string account{};  ///< 12 digits; default: from the credentials at deploy time
  std::string region{};   ///< e.g. "eu-west-1"; default: from the credentials at deploy time
};

struct StackProps {
  Environment env{};                          ///< default: the enclosing Stage's, else environment-agnostic
  std::string stack_name{};                   ///< default: the construct id ("<Stage>-<id>" in a Stage)
  std::string description{};                  ///< default: none
  std::map<std::string, std::string> tags{};  ///< on the stack and every taggable resource; default none
  bool termination_protection = false;        ///< default false
  /// Which bootstrap the stack's assets go to (cdk/bootstrap.hpp); default the
  /// context value @aws-cdk/core:bootstrapQualifier, else "hnb659fds".
  std::string bootstrap_qualifier{};
  /// Past CloudFormation's 500 resources, synthesis moves whole constructs
  /// from the end of the stack into nested stacks (AutoSplit1, AutoSplit2, ...)
  /// with their logical ids, and reports what moved; default false.
  bool auto_split = false;
  /// Values of stacks in other regions of the same account may be used here:
  /// the producing stack writes them into SSM parameters of this stack's
  /// region (a custom resource) and this stack reads them; default false.
  bool cross_region_references = false;
};

/// Template limits that CloudFormation enforces.
struct TemplateLimits {
  static constexpr std::size_t max_resources = 500;
  static constexpr std::size_t max_parameters = 200;
  static constexpr std::size_t max_outputs = 200;
  static constexpr std::size_t max_mappings = 200;
  static constexpr std::size_t max_bytes = 1'000'000;       ///< deployed from S3
  static constexpr std::size_t max_inline_bytes = 51'200;   ///< larger ones need S3
};

class Stack : public Construct {
 public:
  using Props = StackProps;
  Stack(Construct& scope, std::string_view id, const StackProps& props = {});

  /// The stack `c` belongs to; throws cdk::Error if it is in none.
  static Stack& of(const Construct& c);
  /// The stack `c` belongs to, or nullptr.
  static Stack* try_of(const Construct& c) noexcept;

  [[nodiscard]] const std::string& stack_name() const noexcept { return props_.stack_name; }
  /// The id of this stack in the cloud assembly (and its template file stem).
  [[nodiscard]] std::string artifact_id() const;
  /// "<artifact id>.template.json"; "<artifact id>.nested.template.json" for a nested stack.
  [[nodiscard]] std::string template_file() const;
  /// The template file relative to the app's cloud assembly directory:
  /// template_file(), inside its stage's assembly ("assembly-Prod/...") in a Stage.
  [[nodiscard]] std::string template_path() const;
  [[nodiscard]] const Environment& env() const noexcept { return props_.env; }
  [[nodiscard]] bool environment_agnostic() const noexcept {
    return props_.env.account.empty() || props_.env.region.empty();
  }
  /// "aws://account/region" with unknown-account / unknown-region when not set.
  [[nodiscard]] std::string environment_uri() const;
  /// The region as a literal when known, else {"Ref": "AWS::Region"}.
  [[nodiscard]] Value region() const;
  /// The account as a literal when known, else {"Ref": "AWS::AccountId"}.
  [[nodiscard]] Value account() const;
  [[nodiscard]] const std::string& description() const noexcept { return props_.description; }
  void set_description(std::string description) { props_.description = std::move(description); }
  /// Adds a macro CloudFormation runs on the template before deploying it
  /// ("AWS::Serverless-2016-10-31"), written as the template's Transform; a
  /// second add of the same name does nothing. Deploying needs CAPABILITY_AUTO_EXPAND.
  void add_transform(std::string name);
  /// The Transform(s), in the order added; default none.
  [[nodiscard]] const std::vector<std::string>& transforms() const noexcept { return transforms_; }
  /// The stack's own tags: StackProps.tags and Tags::of(...) on the stack or
  /// above it (after synthesis); the deploy puts them on the CloudFormation stack.
  [[nodiscard]] std::map<std::string, std::string> tags() const { return tag_manager_.tag_values(); }
  [[nodiscard]] TagManager& tag_manager() noexcept { return tag_manager_; }
  [[nodiscard]] bool termination_protection() const noexcept { return props_.termination_protection; }
  void set_termination_protection(bool on) { props_.termination_protection = on; }
  [[nodiscard]] bool auto_split() const noexcept { return props_.auto_split; }
  [[nodiscard]] bool cross_region_references() const noexcept { return props_.cross_region_references; }
  /// The bootstrap qualifier: StackProps.bootstrap_qualifier, else the context
  /// value @aws-cdk/core:bootstrapQualifier, else "hnb659fds". Throws cdk::Error
  /// when it is not 1-10 lowercase letters, digits or hyphens.
  [[nodiscard]] std::string bootstrap_qualifier() const;

  /// The stack whose template holds this nested stack (cdk/nested_stack.hpp); nullptr for a
  /// top-level stack.
  [[nodiscard]] Stack* nested_parent() const noexcept { return nested_parent_; }
  /// The top-level stack that deploys this one: itself unless nested.
  [[nodiscard]] const Stack& deployment_root() const noexcept;

  /// This stack deploys after `other`.
  void add_dependency(Stack& other, std::string reason = {});
  [[nodiscard]] const std::vector<Stack*>& dependencies() const noexcept { return dependencies_; }

  /// The logical id the element gets in this stack's template.
  [[nodiscard]] std::string logical_id(const CfnElement& element) const;

  [[nodiscard]] std::vector<Diagnostic> validate() const override;

 protected:
  struct NestedTag {};
  /// For NestedStack: a stack below `parent`, deployed by `parent`'s template.
  Stack(Construct& scope, std::string_view id, StackProps props, Stack& parent, NestedTag);

 private:
  StackProps props_;
  Stack* nested_parent_ = nullptr;

  void add_own_tags();
  TagManager tag_manager_{TagFormat::Map, "Tags"};
  std::vector<Stack*> dependencies_;
  std::vector<std::string> transforms_;
};

}  // namespace cdk
