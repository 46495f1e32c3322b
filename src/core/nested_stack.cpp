#include <cdk/error.hpp>
#include <cdk/nested_stack.hpp>

#include <string>

namespace cdk {

namespace {

constexpr std::string_view kScopeSuffix = ".NestedStack";
constexpr std::string_view kResourceSuffix = ".NestedStackResource";

// The parent of a nested stack; throws outside a stack.
Stack& parent_of(Construct& scope, std::string_view id) {
  if (Stack* s = Stack::try_of(scope)) return *s;
  std::string path = scope.node().path();
  throw Error(path.empty() ? std::string(id) : path + "/" + std::string(id),
              "a nested stack must be created inside a stack", "create it with stack.add<cdk::NestedStack>(...)");
}

// The construct "<id>.NestedStack" beside the nested stack, which holds its resource.
Construct& holder(Construct& scope, std::string_view id) {
  return scope.add<Construct>(std::string(id) + std::string(kScopeSuffix));
}

// The nested stack's resource: its own properties; the synthesizer adds
// TemplateURL and the parameters of references once the nested template is done.
class NestedStackResource : public CfnResource {
 public:
  NestedStackResource(Construct& scope, std::string_view id, const NestedStackProps& props)
      : CfnResource(scope, id, "AWS::CloudFormation::Stack"), props_(props) {}

 protected:
  [[nodiscard]] Value render_properties() const override {
    Value::Map out;
    if (!props_.notification_arns.empty()) out.emplace_back("NotificationARNs", Value(props_.notification_arns));
    if (!props_.parameters.empty()) out.emplace_back("Parameters", Value(props_.parameters));
    if (props_.timeout_minutes) out.emplace_back("TimeoutInMinutes", Value(*props_.timeout_minutes));
    return Value(std::move(out));
  }
  [[nodiscard]] std::vector<Diagnostic> validate() const override { return {}; }

 private:
  const NestedStackProps& props_;
};

}  // namespace

NestedStack::NestedStack(Construct& scope, std::string_view id, const NestedStackProps& props)
    : Stack(scope, id, StackProps{.description = props.description}, parent_of(scope, id), NestedTag{}),
      props_(std::move(props)) {
  if (props_.timeout_minutes && *props_.timeout_minutes < 1)
    throw Error(node().path(), "timeout_minutes must be at least 1", "leave it unset for no limit");
  Construct& h = holder(scope, id);
  resource_ = &h.add<NestedStackResource>(std::string(id) + std::string(kResourceSuffix), props_);
  resource_->apply_removal_policy(props_.removal_policy);
}

void NestedStack::set_parameter(std::string name, Value value) { props_.parameters[std::move(name)] = std::move(value); }

}  // namespace cdk
