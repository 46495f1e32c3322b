#pragma once
/// Names derived from a construct's place in the tree, as aws-cdk-lib's `Names`
/// makes them, for physical names that must be unique in an account.
///
///   props.family = cdk::Names::unique_id(*this);            // "WebServiceTaskDef1A2B3C4D"
///   props.name = cdk::Names::unique_resource_name(*this, {.max_length = 64, .separator = "-"});
#include <cstddef>
#include <string>
#include <string_view>

namespace cdk {

class Construct;

struct UniqueResourceNameOptions {
  std::size_t max_length = 256;              ///< longest name returned; default 256
  std::string separator{};                   ///< between path components; default none
  std::string allowed_special_characters{};  ///< kept besides letters and digits; default none
};

class Names {
 public:
  /// The logical-id algorithm over the construct's path below the app: readable
  /// part plus 8 hex digits of an MD5 of the path (aws-cdk-lib's Names.uniqueId).
  /// Throws cdk::Error when every component is "Default".
  static std::string unique_id(const Construct& c);

  /// unique_id() of a child called `child_id` of `scope`, without making the child.
  static std::string unique_id(const Construct& scope, std::string_view child_id);

  /// A name from the path starting at the enclosing stack (its stack name, then
  /// the ids below it), only letters, digits and the allowed characters, with
  /// a hash of the path unless the construct sits directly in the app, and cut
  /// in the middle to `max_length` (aws-cdk-lib's Names.uniqueResourceName).
  static std::string unique_resource_name(const Construct& c, const UniqueResourceNameOptions& options = {});

  /// A physical name that another environment can refer to before the
  /// resource exists, as aws-cdk-lib generates one for
  /// PhysicalName.GENERATE_IF_NEEDED: the first 25 characters of the stack
  /// name, the last 24 of unique_id(c) and 12 hex digits of a SHA-256 of both
  /// with the stack's region and account, lowercased (at most 61 characters,
  /// a valid bucket name). Throws cdk::Error when the enclosing stack has no
  /// concrete account and region.
  static std::string physical_name(const Construct& c);

  Names() = delete;
};

}  // namespace cdk
