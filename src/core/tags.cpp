#include <cdk/aspects.hpp>
#include <cdk/cfn_resource.hpp>
#include <cdk/error.hpp>
#include <cdk/stack.hpp>
#include <cdk/tags.hpp>

#include <algorithm>
#include <cctype>
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
// Characters, not bytes: AWS counts Unicode characters in tag keys and values.
std::size_t characters(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// AWS's limits for every tagged resource and for stacks, which CloudFormation
// would otherwise report halfway through a deploy.
void check_tag(const Construct& scope, const std::string& key, const std::string& value) {
  constexpr std::size_t kMaxKey = 128;
  constexpr std::size_t kMaxValue = 256;
  const std::string path = scope.node().path();
  if (key.empty() || characters(key) > kMaxKey)
    throw Error(path, "tag key \"" + key.substr(0, 40) + (key.size() > 40 ? "..." : "") + "\" has " +
                          std::to_string(characters(key)) + " characters; AWS takes 1 to 128",
                "shorten the key");
  if (characters(value) > kMaxValue)
    throw Error(path, "the value of tag \"" + key + "\" has " + std::to_string(characters(value)) +
                          " characters; AWS takes at most 256",
                "shorten the value");
  std::string prefix = key.substr(0, 4);
  std::transform(prefix.begin(), prefix.end(), prefix.begin(), [](unsigned char c) { return std::tolower(c); });
  if (prefix == "aws:")
    throw Error(path, "tag key \"" + key + "\" starts with the prefix aws:, which AWS reserves for its own tags",
                "use a key without the aws: prefix");
}
}  // namespace

void Tags::add(std::string key, std::string value, TagProps props) {
  check_tag(scope_, key, value);
  Aspects::of(scope_).add(std::make_shared<TagAspect>(std::move(key), std::move(value), std::move(props), false));
}

void Tags::remove(std::string key, TagProps props) {
  Aspects::of(scope_).add(std::make_shared<TagAspect>(std::move(key), std::string(), std::move(props), true));
}

}  // namespace cdk
