#include <cdk/ec2/user_data.hpp>

#include <cdk/fn.hpp>

namespace cdk::ec2 {

UserData UserData::for_linux(std::string shebang) { return UserData(Kind::Linux, std::move(shebang)); }
UserData UserData::for_windows() { return UserData(Kind::Windows, {}); }
UserData UserData::custom(std::string content) { return UserData(Kind::Custom, std::move(content)); }

UserData& UserData::add_commands(const std::vector<Value>& commands) {
  lines_.insert(lines_.end(), commands.begin(), commands.end());
  return *this;
}

Value UserData::render() const {
  // Parts joined with "\n"; a token part makes the whole thing an Fn::Join.
  Value::List parts;
  std::string prefix;
  std::string suffix;
  switch (kind_) {
    case Kind::Linux: parts.emplace_back(head_); break;
    case Kind::Windows: prefix = "<powershell>"; suffix = "</powershell>"; break;
    case Kind::Custom:
      if (!head_.empty()) parts.emplace_back(head_);
      break;
  }
  parts.insert(parts.end(), lines_.begin(), lines_.end());
  bool literal = true;
  for (const auto& p : parts) literal = literal && p.kind() == Value::Kind::String;
  if (literal) {
    std::string text;
    for (std::size_t i = 0; i < parts.size(); ++i) text += (i ? "\n" : "") + parts[i].as_string();
    return prefix + text + suffix;
  }
  Value::List joined;
  if (!prefix.empty()) joined.emplace_back(prefix);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) joined.emplace_back("\n");
    joined.push_back(parts[i]);
  }
  if (!suffix.empty()) joined.emplace_back(suffix);
  return Fn::join("", std::move(joined));
}

Value UserData::render_base64() const { return Fn::base64(render()); }

}  // namespace cdk::ec2
