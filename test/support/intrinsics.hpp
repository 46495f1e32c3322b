#pragma once
// Matchers of the intrinsic functions tests look for in templates, and a
// resource's type by logical id.
#include <cdk/assertions.hpp>

#include <exception>
#include <string>

namespace cdk::testing {

/// {"Ref": id}
inline cdk::assertions::Match ref_to(const std::string& id) {
  return cdk::assertions::Match::object_equals({{"Ref", id}});
}

/// {"Fn::GetAtt": [id, attribute]}
inline cdk::assertions::Match get_att(const std::string& id, const std::string& attribute) {
  using cdk::assertions::Match;
  return Match::object_equals({{"Fn::GetAtt", Match::array_equals({id, attribute})}});
}

/// {"Fn::Sub": text}
inline cdk::assertions::Match sub(const std::string& text) {
  return cdk::assertions::Match::object_equals({{"Fn::Sub", text}});
}

/// The Type of resource `logical_id`, or "" when the template has none.
inline std::string type_at(const cdk::assertions::Template& t, const std::string& logical_id) {
  try {
    return t.at("/Resources/" + logical_id + "/Type");
  } catch (const std::exception&) {
    return "";
  }
}

}  // namespace cdk::testing
