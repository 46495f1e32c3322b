#include <cdk/route53/txt_record.hpp>

#include <cdk/error.hpp>

namespace cdk::route53 {

namespace {

// Route 53 wants each TXT value in double quotes, split into strings of at
// most 255 characters, with quotes and backslashes escaped.
std::vector<Value> quoted(const std::string& path, const std::vector<std::string>& values) {
  if (values.empty()) throw Error(path, "the TXT record has no values", "set .values");
  std::vector<Value> out;
  for (const auto& v : values) {
    std::string record;
    for (std::size_t i = 0; i == 0 || i < v.size(); i += 255) {
      std::string chunk;
      for (char c : v.substr(i, 255)) {
        if (c == '"' || c == '\\') chunk += '\\';
        chunk += c;
      }
      record += (i ? " \"" : "\"") + chunk + "\"";
    }
    out.emplace_back(record);
  }
  return out;
}

std::string path_of(Construct& scope, std::string_view id) {
  auto p = scope.node().path();
  return (p.empty() ? "" : p + "/") + std::string(id);
}

}  // namespace

TxtRecord::TxtRecord(Construct& scope, std::string_view id, const TxtRecordProps& props)
    : RecordSet(scope, id, RecordSetProps{.zone = props.zone, .record_name = std::move(props.record_name),
                                          .record_type = "TXT",
                                          .target = RecordTarget::from_values(quoted(path_of(scope, id), props.values)),
                                          .ttl = props.ttl, .comment = std::move(props.comment)}) {}

}  // namespace cdk::route53
