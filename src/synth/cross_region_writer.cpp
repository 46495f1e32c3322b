#include "synth/cross_region_writer.hpp"

#include <cctype>

namespace cdk::detail {

namespace {

constexpr const char* kLogs = "CrossRegionExportWriterLogs";
constexpr const char* kRole = "CrossRegionExportWriterRole";
constexpr const char* kFunction = "CrossRegionExportWriterFunction";

// Runs for each region's custom resource: writes its parameters there,
// removes those an update dropped, and all of them on delete.
constexpr const char* kCode = R"(import boto3
import cfnresponse


def remove(ssm, names):
    for i in range(0, len(names), 10):
        ssm.delete_parameters(Names=names[i:i + 10])


def handler(event, context):
    physical_id = event.get("PhysicalResourceId") or event["ResourceProperties"]["Region"]
    try:
        props = event["ResourceProperties"]
        ssm = boto3.client("ssm", region_name=props["Region"])
        values = props.get("Exports", {})
        if event["RequestType"] == "Delete":
            remove(ssm, list(values))
        else:
            for name, value in values.items():
                ssm.put_parameter(Name=name, Value=value, Type="String", Overwrite=True)
            old = event.get("OldResourceProperties", {})
            if old.get("Region") == props["Region"]:
                remove(ssm, [n for n in old.get("Exports", {}) if n not in values])
        cfnresponse.send(event, context, cfnresponse.SUCCESS, {}, physical_id)
    except Exception as e:
        cfnresponse.send(event, context, cfnresponse.FAILED, {}, physical_id, reason=str(e))
)";

// "us-west-2" -> "UsWest2".
std::string region_id(const std::string& region) {
  std::string out;
  bool upper = true;
  for (char c : region) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

Json statement(Json actions, Json resources) {
  return Json{{"Effect", "Allow"}, {"Action", std::move(actions)}, {"Resource", std::move(resources)}};
}

Json role(const std::map<std::string, std::vector<NamedValue>>& exports) {
  Json parameters = Json::array();
  for (const auto& [region, values] : exports)
    parameters.push_back(
        Json{{"Fn::Sub", "arn:${AWS::Partition}:ssm:" + region + ":${AWS::AccountId}:parameter/cdkpp/xregion/*"}});
  Json policy = {{"Version", "2012-10-17"},
                 {"Statement", Json::array({statement(Json::array({"ssm:PutParameter", "ssm:DeleteParameters"}), parameters),
                                            statement(Json::array({"logs:CreateLogStream", "logs:PutLogEvents"}),
                                                      Json{{"Fn::GetAtt", Json::array({kLogs, "Arn"})}})})}};
  Json trust = {{"Version", "2012-10-17"},
                {"Statement", Json::array({Json{{"Effect", "Allow"},
                                                {"Principal", {{"Service", "lambda.amazonaws.com"}}},
                                                {"Action", "sts:AssumeRole"}}})}};
  return Json{{"Type", "AWS::IAM::Role"},
              {"Properties",
               {{"AssumeRolePolicyDocument", std::move(trust)},
                {"Policies", Json::array({Json{{"PolicyName", "WriteExports"}, {"PolicyDocument", std::move(policy)}}})}}}};
}

Json function() {
  return Json{{"Type", "AWS::Lambda::Function"},
              {"Properties",
               {{"Code", {{"ZipFile", kCode}}},
                {"Description", "Writes values of this stack into SSM parameters of other regions, for stacks there"},
                {"Handler", "index.handler"},
                {"LoggingConfig", {{"LogGroup", {{"Ref", kLogs}}}}},
                {"Role", {{"Fn::GetAtt", Json::array({kRole, "Arn"})}}},
                {"Runtime", "python3.14"},
                {"Timeout", 120}}},
              {"Metadata",
               {{"cdk_nag",
                 {{"rules_to_suppress",
                   Json::array({Json{{"id", "AwsSolutions-L1"},
                                     {"reason", "python3.14 is the newest Python runtime CloudFormation's schema "
                                                "(cfn-lint) accepts; cdkpp moves the function on with it"}}})}}}}}};
}

}  // namespace

std::vector<std::pair<std::string, Json>> cross_region_writer(
    const std::map<std::string, std::vector<NamedValue>>& exports) {
  std::vector<std::pair<std::string, Json>> out;
  if (exports.empty()) return out;
  out.emplace_back(kLogs, Json{{"Type", "AWS::Logs::LogGroup"},
                               {"Properties", {{"RetentionInDays", 365}}},
                               {"UpdateReplacePolicy", "Delete"},
                               {"DeletionPolicy", "Delete"}});
  out.emplace_back(kRole, role(exports));
  out.emplace_back(kFunction, function());
  for (const auto& [region, values] : exports) {
    Json map = Json::object();
    for (const auto& v : values) map[v.id] = v.value;
    out.emplace_back("CrossRegionExportWriter" + region_id(region),
                     Json{{"Type", "Custom::CrossRegionExportWriter"},
                          {"Properties",
                           {{"ServiceToken", {{"Fn::GetAtt", Json::array({kFunction, "Arn"})}}},
                            {"Region", region},
                            {"Exports", std::move(map)}}},
                          {"UpdateReplacePolicy", "Delete"},
                          {"DeletionPolicy", "Delete"}});
  }
  return out;
}

}  // namespace cdk::detail
