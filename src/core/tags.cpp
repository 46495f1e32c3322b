#include <cdk/aspects.hpp>
#include <cdk/cfn_resource.hpp>
#include <cdk/stack.hpp>
#include <cdk/tags.hpp>

#include <algorithm>
#include <memory>

namespace cdk {

namespace {
// Tags are an aspect: they reach resources created after the call too.
class TagAspect final : public IAspect {
 public:
  TagAspect(std::string key, std::string value, TagProps props, bool remove)
      : key_(std::move(key)), value_(std::move(value)), props_(std::move(props)), remove_(remove) {}

  void visit(Construct& c) override {
    if (auto* stack = dynamic_cast<Stack*>(&c)) {  // the stack's own tags, as aws-cdk-lib's
      if (applies_to(kStackTagType)) apply(stack->tag_manager());
      return;
    }
    auto* resource = dynamic_cast<CfnResource*>(&c);
    if (resource == nullptr || !resource->tags().taggable() || !applies_to(resource->cfn_type())) return;
    apply(resource->tags());
  }

 private:
  // The resource type include/exclude lists see for a stack (aws-cdk-lib's).
  static constexpr const char* kStackTagType = "aws:cdk:stack";

  void apply(TagManager& tags) const {
    if (remove_)
      tags.remove_tag(key_, props_.priority);
    else
      tags.set_tag(key_, value_, props_.priority, props_.apply_to_launched_instances);
  }

  bool applies_to(const std::string& type) const {
    const auto& inc = props_.include_resource_types;
    const auto& exc = props_.exclude_resource_types;
    if (!inc.empty() && std::find(inc.begin(), inc.end(), type) == inc.end()) return false;
    return std::find(exc.begin(), exc.end(), type) == exc.end();
  }

  std::string key_;
  std::string value_;
  TagProps props_;
  bool remove_;
};
}  // namespace

void Tags::add(std::string key, std::string value, TagProps props) {
  Aspects::of(scope_).add(std::make_shared<TagAspect>(std::move(key), std::move(value), std::move(props), false));
}

void Tags::remove(std::string key, TagProps props) {
  Aspects::of(scope_).add(std::make_shared<TagAspect>(std::move(key), std::string(), std::move(props), true));
}

}  // namespace cdk
