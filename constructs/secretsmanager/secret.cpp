#include <cdk/secretsmanager/secret.hpp>

#include <cdk/iam/grant.hpp>
#include <cdk/iam/kms_actions.hpp>
#include <cdk/secretsmanager/cfn_secret.hpp>

#include <string>

namespace cdk::secretsmanager {

namespace {

// The template must be a JSON object; a full parser is not needed to catch the
// usual mistakes (a bare string, a missing brace).
bool looks_like_json_object(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  auto e = s.find_last_not_of(" \t\r\n");
  return b != std::string::npos && s[b] == '{' && s[e] == '}';
}

}  // namespace

Secret::Secret(Construct& scope, std::string_view id, const SecretProps& props) : Construct(scope, id), props_(std::move(props)) {
  const auto path = node().path();
  const auto& g = props_.generate_secret_string;
  if (props_.secret_name.size() > 512)
    throw Error(path, "secret name is longer than 512 characters", "use a shorter name");
  if (g.secret_string_template.empty() != g.generate_string_key.empty())
    throw Error(path, "secret_string_template and generate_string_key go together",
                "set both, e.g. template R\"({\"username\":\"admin\"})\" and key \"password\", or neither");
  if (!g.secret_string_template.empty() && !looks_like_json_object(g.secret_string_template))
    throw Error(path, "secret_string_template \"" + g.secret_string_template + "\" is not a JSON object",
                "write it like {\"username\":\"admin\"}");
  if (!g.generate_string_key.empty() &&
      g.secret_string_template.find("\"" + g.generate_string_key + "\"") != std::string::npos)
    throw Error(path, "generate_string_key \"" + g.generate_string_key + "\" is already a key of the template",
                "the generated value is added under that key; remove it from the template");
  if (g.password_length < 0 || g.password_length > 4096)
    throw Error(path, "password_length " + std::to_string(g.password_length) + " is outside 1-4096",
                "leave it 0 for the default of 32");
  if (g.exclude_lowercase && g.exclude_uppercase && g.exclude_numbers && g.exclude_punctuation && !g.include_space)
    throw Error(path, "the generator excludes every kind of character", "allow at least one kind");

  CfnSecret::Props l1;
  if (!props_.secret_name.empty()) l1.name = props_.secret_name;
  if (!props_.description.empty()) l1.description = props_.description;
  if (!props_.encryption_key_arn.is_null()) l1.kms_key_id = props_.encryption_key_arn;
  CfnSecret::GenerateSecretStringProperty gen;
  if (!g.secret_string_template.empty()) {
    gen.secret_string_template = g.secret_string_template;
    gen.generate_string_key = g.generate_string_key;
  }
  if (!g.exclude_characters.empty()) gen.exclude_characters = g.exclude_characters;
  if (g.password_length != 0) gen.password_length = g.password_length;
  if (g.exclude_punctuation) gen.exclude_punctuation = true;
  if (g.exclude_numbers) gen.exclude_numbers = true;
  if (g.exclude_lowercase) gen.exclude_lowercase = true;
  if (g.exclude_uppercase) gen.exclude_uppercase = true;
  if (g.include_space) gen.include_space = true;
  if (!g.require_each_included_type) gen.require_each_included_type = false;
  l1.generate_secret_string = std::move(gen);
  resource_ = &add<CfnSecret>("Resource", std::move(l1));
  if (props_.removal_policy) resource_->apply_removal_policy(*props_.removal_policy);
}

Value Secret::secret_arn() const { return resource_->ref(); }

Value Secret::secret_value() const {
  return Value("{{resolve:secretsmanager:") + secret_arn() + Value(":SecretString:::}}");
}

Value Secret::secret_value_from_json(std::string_view key) const {
  const auto& g = props_.generate_secret_string;
  const std::string k(key);
  if (k.empty()) throw Error(node().path(), "secret_value_from_json needs a key", "e.g. \"password\"");
  if (g.secret_string_template.empty())
    throw Error(node().path(), "secret_value_from_json(\"" + k + "\") of a secret that is a plain string, not JSON",
                "use secret_value(), or generate with secret_string_template and generate_string_key");
  if (k != g.generate_string_key && g.secret_string_template.find("\"" + k + "\"") == std::string::npos)
    throw Error(node().path(), "the secret has no key \"" + k + "\"",
                "its keys are " + g.generate_string_key + " and those of " + g.secret_string_template);
  return Value("{{resolve:secretsmanager:") + secret_arn() + Value(":SecretString:" + k + "::}}");
}

void Secret::grant_read(iam::IGrantable& grantee) const {
  iam::Grant::add_to_principal({.grantee = grantee,
                                .actions = {"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"},
                                .resource_arns = {secret_arn()}});
  if (!props_.encryption_key_arn.is_null())
    iam::Grant::add_to_principal({.grantee = grantee, .actions = {"kms:Decrypt"}, .resource_arns = {props_.encryption_key_arn}});
}

void Secret::grant_write(iam::IGrantable& grantee) const {
  iam::Grant::add_to_principal({.grantee = grantee,
                                .actions = {"secretsmanager:PutSecretValue", "secretsmanager:UpdateSecret"},
                                .resource_arns = {secret_arn()}});
  if (!props_.encryption_key_arn.is_null())
    iam::Grant::add_to_principal({.grantee = grantee, .actions = iam::kms_actions::envelope(),
                                  .resource_arns = {props_.encryption_key_arn}});
}

}  // namespace cdk::secretsmanager
