#pragma once
/// cdk::ec2::UserData: the script an instance runs at first boot.
///
///   auto ud = cdk::ec2::UserData::for_linux();
///   ud.add_commands({"dnf install -y nginx", "systemctl enable --now nginx"});
///   ud.add_commands({"echo " + bucket_name});   // tokens become Fn::Join
///   // rendered as {"Fn::Base64": "#!/bin/bash\ndnf install -y nginx\n..."}
#include <cdk/value.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace cdk::ec2 {

class UserData {
 public:
  /// A shell script: the shebang line, then the commands one per line.
  static UserData for_linux(std::string shebang = "#!/bin/bash");
  /// A PowerShell script: <powershell>commands</powershell>.
  static UserData for_windows();
  /// Exactly this content; add_commands appends lines to it.
  static UserData custom(std::string content);

  /// Appends commands, one per line (literals or tokens).
  UserData& add_commands(const std::vector<Value>& commands);
  [[nodiscard]] const std::vector<Value>& commands() const noexcept { return lines_; }

  /// The script text: a string, or an Fn::Join when a command holds a token.
  [[nodiscard]] Value render() const;
  /// {"Fn::Base64": render()}: what EC2 takes.
  [[nodiscard]] Value render_base64() const;

 private:
  enum class Kind : std::uint8_t { Linux, Windows, Custom };
  UserData(Kind kind, std::string head) : kind_(kind), head_(std::move(head)) {}
  Kind kind_;
  std::string head_;  // shebang or custom content
  std::vector<Value> lines_;
};

}  // namespace cdk::ec2
