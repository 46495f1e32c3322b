#pragma once
/// cdk::ec2::Port: a protocol and port range for a security group rule.
///
///   sg.add_ingress_rule(cdk::ec2::Peer::ipv4("10.0.0.0/8"), cdk::ec2::Port::tcp(443));
///   cdk::ec2::Port::udp_range(10000, 20000);
///   cdk::ec2::Port::all_traffic();
///
/// A port out of range (tcp(70000), tcp_range(90, 80)) is recorded as a
/// problem and reported, with the construct path, by the security group the
/// port is given to.
#include <optional>
#include <string>

namespace cdk::ec2 {

class Port {
 public:
  /// One TCP port.
  static Port tcp(int port);
  /// TCP ports from..to, inclusive.
  static Port tcp_range(int from, int to);
  /// TCP ports 0-65535.
  static Port all_tcp();
  static Port udp(int port);
  static Port udp_range(int from, int to);
  static Port all_udp();
  /// Every protocol and port (IpProtocol "-1").
  static Port all_traffic();
  /// ICMP echo request (type 8, any code): what `ping` sends.
  static Port icmp_ping();
  /// ICMP of one type, any code.
  static Port icmp_type(int type);
  static Port icmp_type_and_code(int type, int code);
  /// Every ICMP type and code.
  static Port all_icmp();

  /// "tcp", "udp", "icmp" or "-1".
  [[nodiscard]] const std::string& protocol() const noexcept { return protocol_; }
  /// FromPort; none for all_traffic().
  [[nodiscard]] std::optional<int> from_port() const noexcept { return from_; }
  /// ToPort; none for all_traffic().
  [[nodiscard]] std::optional<int> to_port() const noexcept { return to_; }
  /// What the AWS CDK calls the port in rule descriptions and ids: "443",
  /// "1000-2000", "UDP 53", "ALL PORTS", "ALL TRAFFIC", "ICMP Type 8".
  [[nodiscard]] const std::string& to_string() const noexcept { return text_; }
  /// Why the port is invalid; empty when it is valid.
  [[nodiscard]] const std::string& problem() const noexcept { return problem_; }

  friend bool operator==(const Port& a, const Port& b) {
    return a.protocol_ == b.protocol_ && a.from_ == b.from_ && a.to_ == b.to_;
  }

 private:
  Port(std::string protocol, std::optional<int> from, std::optional<int> to, std::string text);
  static Port range(const char* protocol, const char* prefix, int from, int to);

  std::string protocol_;
  std::optional<int> from_;
  std::optional<int> to_;
  std::string text_;
  std::string problem_;
};

}  // namespace cdk::ec2
