#include "synth/raw_override.hpp"

namespace cdk::detail {

void apply_override(Json& target, const std::string& path, const Json* value) {
  Json* cur = &target;
  std::size_t start = 0;
  while (true) {
    auto dot = path.find('.', start);
    std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (dot == std::string::npos) {
      if (value == nullptr) {
        if (cur->is_object()) cur->erase(key);
      } else {
        (*cur)[key] = *value;
      }
      return;
    }
    if (value == nullptr) {
      // A deletion only walks what exists: it must not add empty entries.
      if (!cur->is_object() || !cur->contains(key)) return;
    } else if (!cur->contains(key) || !(*cur)[key].is_object()) {
      (*cur)[key] = Json::object();
    }
    cur = &(*cur)[key];
    start = dot + 1;
  }
}

}  // namespace cdk::detail
