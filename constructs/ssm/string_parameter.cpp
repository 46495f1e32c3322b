#include <cdk/ssm/string_parameter.hpp>

#include <cdk/fn.hpp>
#include <cdk/iam/grant.hpp>
#include <cdk/ssm/cfn_parameter.hpp>

#include <cctype>
#include <string>

namespace cdk::ssm {

namespace {

constexpr std::size_t max_name_length = 2048;

// Parameter names: letters, digits and _.-/ ; a hierarchy starts with '/'.
std::string name_problem(std::string_view name) {
  if (name.empty()) return "is empty";
  if (name.size() > max_name_length) return "is longer than 2048 characters";
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-' || c == '/'))
      return "may hold only letters, digits and _.-/";
  std::string lower(name);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto first = lower.front() == '/' ? lower.substr(1) : lower;
  if (first.rfind("aws", 0) == 0 || first.rfind("ssm", 0) == 0) return "must not begin with aws or ssm";
  if (name.find("//") != std::string_view::npos) return "must not contain empty path levels (//)";
  return {};
}

const char* tier_name(ParameterTier t) {
  switch (t) {
    case ParameterTier::Standard: return "Standard";
    case ParameterTier::Advanced: return "Advanced";
    case ParameterTier::IntelligentTiering: return "Intelligent-Tiering";
  }
  return "Standard";
}

}  // namespace

StringParameter::StringParameter(Construct& scope, std::string_view id, const StringParameterProps& props)
    : Construct(scope, id), literal_name_(props.parameter_name) {
  const auto path = node().path();
  if (props.type == ParameterType::SecureString)
    throw Error(path, "CloudFormation cannot create SecureString parameters",
                "store the secret in a cdk::secretsmanager::Secret, or create the parameter outside CloudFormation "
                "and use StringParameter::value_for_secure_string_parameter");
  if (!props.parameter_name.empty()) {
    if (auto problem = name_problem(props.parameter_name); !problem.empty())
      throw Error(path, "parameter name \"" + props.parameter_name + "\" " + problem, "e.g. \"/app/api-url\"");
  }
  Value value;
  if (props.type == ParameterType::String) {
    if (props.string_value.is_null())
      throw Error(path, "a String parameter needs string_value", "set .string_value");
    if (!props.string_list_value.empty())
      throw Error(path, "string_list_value is for StringList parameters", "set .type = cdk::ssm::ParameterType::StringList");
    value = props.string_value;
  } else {
    if (props.string_list_value.empty())
      throw Error(path, "a StringList parameter needs string_list_value", "list at least one value");
    if (!props.string_value.is_null())
      throw Error(path, "string_value is for String parameters", "use string_list_value for a StringList");
    std::string joined;
    for (const auto& v : props.string_list_value) {
      if (v.find(',') != std::string::npos)
        throw Error(path, "StringList value \"" + v + "\" contains a comma", "commas separate the values of a StringList");
      if (!joined.empty()) joined += ',';
      joined += v;
    }
    value = joined;
  }
  if (value.kind() == Value::Kind::String) {
    const auto& text = value.as_string();
    if (text.empty()) throw Error(path, "the parameter value is empty", "SSM parameters cannot be empty");
    const std::size_t limit = props.tier == ParameterTier::Standard ? 4096 : 8192;
    if (text.size() > limit)
      throw Error(path, "the parameter value has " + std::to_string(text.size()) + " characters; the " +
                            tier_name(props.tier) + " tier allows " + std::to_string(limit),
                  props.tier == ParameterTier::Standard ? "use ParameterTier::Advanced" : "store it in S3 instead");
  }
  if (!props.data_type.empty() && props.data_type != "text" && props.data_type != "aws:ec2:image")
    throw Error(path, "data_type \"" + props.data_type + "\" is not text or aws:ec2:image", "leave it empty for text");

  CfnParameter::Props l1;
  l1.type = props.type == ParameterType::String ? "String" : "StringList";
  l1.value = value;
  if (!props.parameter_name.empty()) l1.name = props.parameter_name;
  if (!props.description.empty()) l1.description = props.description;
  if (!props.allowed_pattern.empty()) l1.allowed_pattern = props.allowed_pattern;
  if (props.tier != ParameterTier::Standard) l1.tier = tier_name(props.tier);
  if (!props.data_type.empty()) l1.data_type = props.data_type;
  resource_ = &add<CfnParameter>("Resource", std::move(l1));
}

Value StringParameter::parameter_name() const { return resource_->ref(); }

Value StringParameter::parameter_arn() const {
  // A name with a leading '/' already brings the separator (as in the AWS CDK).
  const bool rooted = !literal_name_.empty() && literal_name_.front() == '/';
  return Value("arn:") + Aws::partition() + Value(":ssm:") + Aws::region() + Value(":") + Aws::account_id() +
         Value(rooted ? ":parameter" : ":parameter/") + parameter_name();
}

Value StringParameter::string_value() const { return resource_->attr_value(); }

void StringParameter::grant_read(iam::IGrantable& grantee) const {
  iam::Grant::add_to_principal({.grantee = grantee,
                                .actions = {"ssm:DescribeParameters", "ssm:GetParameters", "ssm:GetParameter",
                                            "ssm:GetParameterHistory"},
                                .resource_arns = {parameter_arn()}});
}

void StringParameter::grant_write(iam::IGrantable& grantee) const {
  iam::Grant::add_to_principal({.grantee = grantee, .actions = {"ssm:PutParameter"}, .resource_arns = {parameter_arn()}});
}

Value StringParameter::value_for_string_parameter(Construct& scope, std::string_view parameter_name, int version) {
  if (auto problem = name_problem(parameter_name); !problem.empty() && problem.find("aws or ssm") == std::string::npos)
    throw Error(scope.node().path(), "parameter name \"" + std::string(parameter_name) + "\" " + problem,
                "e.g. \"/app/ami-id\"");
  if (version < 0)
    throw Error(scope.node().path(), "parameter version " + std::to_string(version) + " is negative",
                "use 0 for the latest version");
  std::string ref = "{{resolve:ssm:" + std::string(parameter_name);
  if (version > 0) ref += ":" + std::to_string(version);
  return Value(ref + "}}");
}

Value StringParameter::value_for_secure_string_parameter(std::string_view parameter_name, int version) {
  if (auto problem = name_problem(parameter_name); !problem.empty() && problem.find("aws or ssm") == std::string::npos)
    throw Error("", "parameter name \"" + std::string(parameter_name) + "\" " + problem, "e.g. \"/app/db-password\"");
  if (version <= 0)
    throw Error("", "a SecureString reference needs a version (1 or more), got " + std::to_string(version),
                "pass the parameter version to resolve");
  return Value("{{resolve:ssm-secure:" + std::string(parameter_name) + ":" + std::to_string(version) + "}}");
}

}  // namespace cdk::ssm
