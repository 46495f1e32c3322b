#include <cdk/ecr/repository.hpp>

#include <cdk/ecr/cfn_repository.hpp>
#include <cdk/iam/grant.hpp>

#include <cctype>
#include <cstdio>
#include <string>

namespace cdk::ecr {

namespace {

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

// Repository names: (?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*, 2-256 long.
std::string name_problem(const std::string& name) {
  if (name.size() < 2 || name.size() > 256) return "must be 2-256 characters long";
  char prev = '/';
  for (char c : name) {
    const bool alnum = std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c));
    const bool sep = c == '.' || c == '_' || c == '-' || c == '/';
    if (!alnum && !sep) return "may hold only lowercase letters, digits and ._-/";
    const bool prev_sep = prev == '.' || prev == '_' || prev == '-' || prev == '/';
    if (sep && prev_sep) return "must have a letter or digit on both sides of each of ._-/";
    prev = c;
  }
  if (prev == '.' || prev == '_' || prev == '-' || prev == '/') return "must end with a letter or digit";
  return {};
}

std::string lifecycle_policy(const std::string& path, const std::vector<LifecycleRule>& rules) {
  std::string out = "{\"rules\":[";
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto& r = rules[i];
    const auto where = "lifecycle rule " + std::to_string(i + 1);
    const auto status = !r.tag_prefix_list.empty() && r.tag_status == TagStatus::Any ? TagStatus::Tagged : r.tag_status;
    if ((r.max_image_count > 0) == (r.max_image_age_days > 0))
      throw Error(path, where + " needs exactly one of max_image_count and max_image_age_days", "set one of them");
    if (r.max_image_count < 0 || r.max_image_age_days < 0)
      throw Error(path, where + " has a negative count", "use a positive number");
    if (status == TagStatus::Tagged && r.tag_prefix_list.empty())
      throw Error(path, where + " selects tagged images but has no tag_prefix_list", "list the tag prefixes it applies to");
    if (status != TagStatus::Tagged && !r.tag_prefix_list.empty())
      throw Error(path, where + " has a tag_prefix_list but does not select tagged images", "set tag_status = Tagged");
    if (status == TagStatus::Any && i + 1 != rules.size())
      throw Error(path, where + " selects any tag status but is not the last rule",
                  "ECR requires the TagStatus::Any rule to have the highest priority: move it to the end");
    if (i > 0) out += ",";
    out += "{\"rulePriority\":" + std::to_string(i + 1);
    if (!r.description.empty()) out += ",\"description\":" + json_string(r.description);
    out += ",\"selection\":{\"tagStatus\":";
    out += status == TagStatus::Any ? "\"any\"" : status == TagStatus::Tagged ? "\"tagged\"" : "\"untagged\"";
    if (!r.tag_prefix_list.empty()) {
      out += ",\"tagPrefixList\":[";
      for (std::size_t j = 0; j < r.tag_prefix_list.size(); ++j) out += (j ? "," : "") + json_string(r.tag_prefix_list[j]);
      out += "]";
    }
    if (r.max_image_count > 0) {
      out += ",\"countType\":\"imageCountMoreThan\",\"countNumber\":" + std::to_string(r.max_image_count);
    } else {
      out += ",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":" + std::to_string(r.max_image_age_days);
    }
    out += "},\"action\":{\"type\":\"expire\"}}";
  }
  return out + "]}";
}

// Logging in to the registry (docker login) takes a token for the whole registry.
void grant_authorization_token(iam::IGrantable& grantee) {
  iam::Grant::add_to_principal({.grantee = grantee, .actions = {"ecr:GetAuthorizationToken"}, .resource_arns = {"*"}});
  iam::Grant::explain_wildcard_resources(grantee, {"ecr:GetAuthorizationToken"},
                                         "ecr:GetAuthorizationToken has no resource-level permissions: the login token is for the whole registry");
}

}  // namespace

Repository::Repository(Construct& scope, std::string_view id, const RepositoryProps& props) : Construct(scope, id) {
  const auto path = node().path();
  if (!props.repository_name.empty()) {
    if (auto problem = name_problem(props.repository_name); !problem.empty())
      throw Error(path, "repository name \"" + props.repository_name + "\" " + problem, "e.g. \"team/web-app\"");
  }
  if (props.empty_on_delete && props.removal_policy != RemovalPolicy::Delete)
    throw Error(path, "empty_on_delete needs removal_policy = RemovalPolicy::Delete",
                "a retained repository keeps its images; set both or neither");
  CfnRepository::Props l1;
  if (!props.repository_name.empty()) l1.repository_name = props.repository_name;
  if (props.image_scan_on_push) l1.image_scanning_configuration = {{.scan_on_push = true}};
  if (props.image_tag_mutability == TagMutability::Immutable) l1.image_tag_mutability = "IMMUTABLE";
  if (!props.encryption_key_arn.is_null()) {
    CfnRepository::EncryptionConfigurationProperty enc;
    enc.encryption_type = "KMS";
    enc.kms_key = props.encryption_key_arn;
    l1.encryption_configuration = std::move(enc);
  }
  if (!props.lifecycle_rules.empty()) {
    lifecycle_text_ = lifecycle_policy(path, props.lifecycle_rules);
    CfnRepository::LifecyclePolicyProperty lp;
    lp.lifecycle_policy_text = lifecycle_text_;
    l1.lifecycle_policy = std::move(lp);
  }
  if (props.empty_on_delete) l1.empty_on_delete = true;
  resource_ = &add<CfnRepository>("Resource", std::move(l1));
  resource_->apply_removal_policy(props.removal_policy);
}

Value Repository::repository_name() const { return resource_->ref(); }
Value Repository::repository_arn() const { return resource_->attr_arn(); }
Value Repository::repository_uri() const { return resource_->attr_repository_uri(); }
Value Repository::repository_uri_for_tag(std::string_view tag) const {
  if (tag.empty() || tag.size() > 128)
    throw Error(node().path(), "image tag \"" + std::string(tag) + "\" must be 1-128 characters", "e.g. \"v1.2.3\"");
  return repository_uri() + Value(":" + std::string(tag));
}
Value Repository::repository_uri_for_digest(std::string_view digest) const {
  if (digest.rfind("sha256:", 0) != 0)
    throw Error(node().path(), "image digest \"" + std::string(digest) + "\" does not start with sha256:",
                "pass the digest as docker prints it");
  return repository_uri() + Value("@" + std::string(digest));
}

void Repository::grant_pull(iam::IGrantable& grantee) const {
  iam::Grant::add_to_principal({.grantee = grantee,
                                .actions = {"ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"},
                                .resource_arns = {repository_arn()}});
  grant_authorization_token(grantee);
}

void Repository::grant_pull_push(iam::IGrantable& grantee) const {
  iam::Grant::add_to_principal({.grantee = grantee,
                                .actions = {"ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage",
                                            "ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
                                            "ecr:CompleteLayerUpload"},
                                .resource_arns = {repository_arn()}});
  grant_authorization_token(grantee);
}

}  // namespace cdk::ecr
