#include <cdk/ec2/port.hpp>

#include <utility>

namespace cdk::ec2 {

namespace {
constexpr int kMaxPort = 65535;
constexpr int kMaxIcmp = 255;
constexpr int kIcmpEchoRequest = 8;
}  // namespace

Port::Port(std::string protocol, std::optional<int> from, std::optional<int> to, std::string text)
    : protocol_(std::move(protocol)), from_(from), to_(to), text_(std::move(text)) {}

Port Port::range(const char* protocol, const char* prefix, int from, int to) {
  std::string text = prefix + std::to_string(from);
  if (from != to) text += "-" + std::to_string(to);
  Port p(protocol, from, to, std::move(text));
  if (from < 0 || from > kMaxPort || to < 0 || to > kMaxPort)
    p.problem_ = "port " + p.text_ + " is outside 0-65535";
  else if (from > to)
    p.problem_ = "port range " + p.text_ + " starts after it ends";
  return p;
}

Port Port::tcp(int port) { return range("tcp", "", port, port); }
Port Port::tcp_range(int from, int to) { return range("tcp", "", from, to); }
Port Port::all_tcp() { return Port("tcp", 0, kMaxPort, "ALL PORTS"); }
Port Port::udp(int port) { return range("udp", "UDP ", port, port); }
Port Port::udp_range(int from, int to) { return range("udp", "UDP ", from, to); }
Port Port::all_udp() { return Port("udp", 0, kMaxPort, "UDP ALL PORTS"); }
Port Port::all_traffic() { return Port("-1", std::nullopt, std::nullopt, "ALL TRAFFIC"); }
Port Port::icmp_ping() { return icmp_type(kIcmpEchoRequest); }
Port Port::all_icmp() { return Port("icmp", -1, -1, "ALL ICMP"); }

Port Port::icmp_type(int type) {
  Port p("icmp", type, -1, "ICMP Type " + std::to_string(type));
  if (type < 0 || type > kMaxIcmp) p.problem_ = "ICMP type " + std::to_string(type) + " is outside 0-255";
  return p;
}

Port Port::icmp_type_and_code(int type, int code) {
  Port p("icmp", type, code, "ICMP Type " + std::to_string(type) + " Code " + std::to_string(code));
  if (type < 0 || type > kMaxIcmp || code < 0 || code > kMaxIcmp)
    p.problem_ = "ICMP type " + std::to_string(type) + " code " + std::to_string(code) + " is outside 0-255";
  return p;
}

}  // namespace cdk::ec2
