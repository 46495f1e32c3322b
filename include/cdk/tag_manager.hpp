#pragma once
/// Tags of one taggable resource, merged from Tags::of(...) and the resource's own.
#include <cdk/value.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace cdk {

/// How a resource type writes its tags (from the resource specification).
enum class TagFormat : std::uint8_t {
  None,            ///< not taggable
  Standard,        ///< [{"Key": k, "Value": v}, ...]
  AutoScalingGroup,///< [{"Key": k, "Value": v, "PropagateAtLaunch": true}, ...]
  Map,             ///< {"k": "v", ...}
};

class TagManager {
 public:
  TagManager() = default;
  TagManager(TagFormat format, std::string property_name)
      : format_(format), property_(std::move(property_name)) {}

  [[nodiscard]] TagFormat format() const noexcept { return format_; }
  [[nodiscard]] bool taggable() const noexcept { return format_ != TagFormat::None; }
  /// The property tags are written to ("Tags" for most types).
  [[nodiscard]] const std::string& property_name() const noexcept { return property_; }

  /// Sets a tag unless a tag of the same key with a higher priority is set.
  void set_tag(const std::string& key, std::string value, int priority = 0,
               bool apply_to_launched_instances = true);
  /// Removes a tag unless it was set with a higher priority.
  void remove_tag(const std::string& key, int priority = 0);
  [[nodiscard]] bool has_tags() const noexcept;
  /// The tags, sorted by key.
  [[nodiscard]] std::map<std::string, std::string> tag_values() const;
  /// The tags in this resource type's format, merged with tags the resource's
  /// properties already hold (those win); null when there are none.
  [[nodiscard]] Value render(const Value& initial) const;

 private:
  struct Tag {
    std::string value;
    int priority = 0;
    bool removed = false;
    bool propagate = true;
  };
  TagFormat format_ = TagFormat::None;
  std::string property_;
  std::map<std::string, Tag> tags_;
};

}  // namespace cdk
