#include <cdk/s3/bucket.hpp>

#include <cdk/annotations.hpp>
#include <cdk/iam/grant.hpp>
#include <cdk/s3/bucket_actions.hpp>
#include <cdk/s3/cfn_bucket.hpp>
#include <cdk/s3/cfn_bucket_policy.hpp>
#include <cdk/stack.hpp>

#include <algorithm>
#include <cctype>
#include <string>

namespace cdk::s3 {

namespace {

const char* storage_class_name(StorageClass c) {
  switch (c) {
    case StorageClass::StandardIa: return "STANDARD_IA";
    case StorageClass::OnezoneIa: return "ONEZONE_IA";
    case StorageClass::IntelligentTiering: return "INTELLIGENT_TIERING";
    case StorageClass::Glacier: return "GLACIER";
    case StorageClass::GlacierIr: return "GLACIER_IR";
    case StorageClass::DeepArchive: return "DEEP_ARCHIVE";
  }
  return "STANDARD_IA";
}

const char* object_ownership_name(ObjectOwnership o) {
  switch (o) {
    case ObjectOwnership::BucketOwnerPreferred: return "BucketOwnerPreferred";
    case ObjectOwnership::ObjectWriter: return "ObjectWriter";
    case ObjectOwnership::BucketOwnerEnforced: break;
  }
  return "BucketOwnerEnforced";
}

// Bucket naming rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
std::string bucket_name_problem(const std::string& name) {
  if (name.size() < 3 || name.size() > 63) return "must be 3-63 characters long";
  for (char c : name)
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-'))
      return "may hold only lowercase letters, digits, '.' and '-'";
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  if (!alnum(name.front()) || !alnum(name.back())) return "must begin and end with a letter or digit";
  if (name.find("..") != std::string::npos) return "must not contain two adjacent periods";
  if (std::all_of(name.begin(), name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; }) &&
      std::count(name.begin(), name.end(), '.') == 3)
    return "must not look like an IP address";
  return {};
}

CfnBucket::RuleProperty lifecycle_rule(const std::string& path, std::size_t index, const LifecycleRule& r) {
  const auto where = "lifecycle rule " + std::to_string(index + 1) + (r.id.empty() ? "" : " (" + r.id + ")");
  for (auto days : {r.expiration_days, r.noncurrent_version_expiration_days, r.abort_incomplete_multipart_upload_after_days})
    if (days < 0) throw Error(path, where + " has a negative number of days", "use 0 for 'never' or a positive count");
  const bool any_action = r.expiration_days > 0 || r.noncurrent_version_expiration_days > 0 ||
                          r.abort_incomplete_multipart_upload_after_days > 0 || r.expired_object_delete_marker ||
                          !r.transitions.empty();
  if (!any_action)
    throw Error(path, where + " does nothing",
                "set expiration_days, noncurrent_version_expiration_days, transitions, "
                "abort_incomplete_multipart_upload_after_days or expired_object_delete_marker");
  if (r.expired_object_delete_marker && r.expiration_days > 0)
    throw Error(path, where + " sets both expiration_days and expired_object_delete_marker", "S3 allows one of them per rule");
  if (r.id.size() > 255) throw Error(path, where + " has an id longer than 255 characters", "shorten it");
  CfnBucket::RuleProperty out;
  if (!r.id.empty()) out.id = r.id;
  out.status = r.enabled ? "Enabled" : "Disabled";
  if (!r.prefix.empty()) out.prefix = r.prefix;
  if (r.expiration_days > 0) out.expiration_in_days = r.expiration_days;
  if (r.noncurrent_version_expiration_days > 0) {
    out.noncurrent_version_expiration.emplace();
    out.noncurrent_version_expiration->noncurrent_days = r.noncurrent_version_expiration_days;
  }
  if (r.abort_incomplete_multipart_upload_after_days > 0) {
    out.abort_incomplete_multipart_upload.emplace();
    out.abort_incomplete_multipart_upload->days_after_initiation = r.abort_incomplete_multipart_upload_after_days;
  }
  if (r.expired_object_delete_marker) out.expired_object_delete_marker = true;
  for (const auto& t : r.transitions) {
    const bool infrequent = t.storage_class == StorageClass::StandardIa || t.storage_class == StorageClass::OnezoneIa;
    if (t.transition_after_days < 0 || (infrequent && t.transition_after_days < 30))
      throw Error(path, where + ": a transition to " + storage_class_name(t.storage_class) + " after " +
                            std::to_string(t.transition_after_days) + " days is not allowed",
                  "S3 needs at least 30 days before STANDARD_IA or ONEZONE_IA");
    if (r.expiration_days > 0 && t.transition_after_days >= r.expiration_days)
      throw Error(path, where + ": a transition after " + std::to_string(t.transition_after_days) +
                            " days comes on or after the expiration (" + std::to_string(r.expiration_days) + " days)",
                  "expire later or transition earlier");
    CfnBucket::TransitionProperty tp;
    tp.storage_class = storage_class_name(t.storage_class);
    tp.transition_in_days = t.transition_after_days;
    out.transitions.push_back(std::move(tp));
  }
  return out;
}

CfnBucket::CorsRuleProperty cors_rule(const std::string& path, const CorsRule& r) {
  if (r.allowed_methods.empty() || r.allowed_origins.empty())
    throw Error(path, "a CORS rule needs allowed_methods and allowed_origins", "e.g. {\"GET\"} from {\"https://app.example.com\"}");
  for (const auto& m : r.allowed_methods)
    if (m != "GET" && m != "PUT" && m != "HEAD" && m != "POST" && m != "DELETE")
      throw Error(path, "CORS method \"" + m + "\" is not one S3 allows", "use GET, PUT, HEAD, POST or DELETE");
  if (r.max_age_seconds < 0) throw Error(path, "CORS max_age_seconds is negative", "use 0 to leave it unset");
  CfnBucket::CorsRuleProperty out;
  out.allowed_methods = r.allowed_methods;
  out.allowed_origins = r.allowed_origins;
  if (!r.allowed_headers.empty()) out.allowed_headers = r.allowed_headers;
  if (!r.exposed_headers.empty()) out.exposed_headers = r.exposed_headers;
  if (r.max_age_seconds > 0) out.max_age = r.max_age_seconds;
  if (!r.id.empty()) out.id = r.id;
  return out;
}

// Encryption, public access block, versioning, lifecycle, CORS and website: what the props say
// directly (server access logging depends on the target bucket and is added by the constructor).
CfnBucket::Props bucket_props(const std::string& path, const BucketProps& props) {
  CfnBucket::Props l1;
  if (!props.bucket_name.empty()) l1.bucket_name = props.bucket_name;
  CfnBucket::ServerSideEncryptionByDefaultProperty sse;
  sse.sse_algorithm = props.encryption == BucketEncryption::S3Managed ? "AES256" : "aws:kms";
  if (props.encryption == BucketEncryption::Kms) sse.kms_master_key_id = props.encryption_key_arn;
  CfnBucket::ServerSideEncryptionRuleProperty rule;
  rule.server_side_encryption_by_default = sse;
  if (props.bucket_key_enabled) rule.bucket_key_enabled = true;
  l1.bucket_encryption = CfnBucket::BucketEncryptionProperty{.server_side_encryption_configuration = {rule}};
  const bool public_read = props.public_read_access;
  l1.public_access_block_configuration = CfnBucket::PublicAccessBlockConfigurationProperty{
      .block_public_acls = true, .block_public_policy = !public_read, .ignore_public_acls = true,
      .restrict_public_buckets = !public_read};
  if (props.versioned) l1.versioning_configuration = {{.status = "Enabled"}};
  if (!props.lifecycle_rules.empty()) {
    CfnBucket::LifecycleConfigurationProperty lc;
    for (std::size_t i = 0; i < props.lifecycle_rules.size(); ++i)
      lc.rules.push_back(lifecycle_rule(path, i, props.lifecycle_rules[i]));
    l1.lifecycle_configuration = std::move(lc);
  }
  if (!props.cors.empty()) {
    CfnBucket::CorsConfigurationProperty cors;
    for (const auto& r : props.cors) cors.cors_rules.push_back(cors_rule(path, r));
    l1.cors_configuration = std::move(cors);
  }
  if (!props.website_index_document.empty()) {
    CfnBucket::WebsiteConfigurationProperty web;
    web.index_document = props.website_index_document;
    if (!props.website_error_document.empty()) web.error_document = props.website_error_document;
    l1.website_configuration = std::move(web);
  }
  if (props.object_ownership != ObjectOwnership::BucketOwnerEnforced)
    l1.ownership_controls = CfnBucket::OwnershipControlsProperty{.rules = {{.object_ownership = object_ownership_name(props.object_ownership)}}};
  return l1;
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  for (const auto& x : b)
    if (std::find(a.begin(), a.end(), x) == a.end()) a.push_back(x);
  return a;
}

}  // namespace

Bucket::Bucket(Construct& scope, std::string_view id, const BucketProps& props) : Construct(scope, id), props_(std::move(props)) {
  check();
  CfnBucket::Props l1 = bucket_props(node().path(), props_);
  Bucket* log_bucket = access_log_bucket();
  if (log_bucket != nullptr) {
    CfnBucket::LoggingConfigurationProperty logging;
    // Logging to itself leaves the destination out: a Ref to itself would be a cycle.
    if (log_bucket != this) logging.destination_bucket_name = log_bucket->bucket_name();
    if (!props_.server_access_logs_prefix.empty()) logging.log_file_prefix = props_.server_access_logs_prefix;
    l1.logging_configuration = std::move(logging);
  }
  resource_ = &add<CfnBucket>("Resource", std::move(l1));
  resource_->apply_removal_policy(props_.removal_policy);
  if (log_bucket != nullptr) allow_log_delivery(*log_bucket);
  if (props_.event_bridge_enabled) enable_event_bridge_notification();
  make_default_policies();
}

void Bucket::check() {
  const auto path = node().path();
  if (!props_.bucket_name.empty()) {
    if (auto problem = bucket_name_problem(props_.bucket_name); !problem.empty())
      throw Error(path, "bucket name \"" + props_.bucket_name + "\" " + problem,
                  "see the S3 bucket naming rules, or leave bucket_name empty for a generated name");
  }
  if (props_.encryption == BucketEncryption::Kms && props_.encryption_key_arn.is_null())
    throw Error(path, "BucketEncryption::Kms needs encryption_key_arn", "pass the key's ARN, or use KmsManaged for the aws/s3 key");
  if (props_.encryption != BucketEncryption::Kms && !props_.encryption_key_arn.is_null())
    throw Error(path, "encryption_key_arn is set but encryption is not BucketEncryption::Kms",
                "set .encryption = cdk::s3::BucketEncryption::Kms");
  if (props_.bucket_key_enabled && props_.encryption == BucketEncryption::S3Managed)
    throw Error(path, "bucket_key_enabled applies to SSE-KMS only", "use KMS encryption or drop bucket_key_enabled");
  if (!props_.website_error_document.empty() && props_.website_index_document.empty())
    throw Error(path, "website_error_document needs website_index_document", "set the index document too");
  const Bucket* log_bucket = access_log_bucket();
  if (log_bucket != nullptr && log_bucket != this && log_bucket->props_.encryption != BucketEncryption::S3Managed)
    throw Error(path, "server access logs cannot go to " + log_bucket->node().path() + ", which is encrypted with KMS",
                "S3 delivers access logs only to buckets with S3-managed encryption (SSE-S3)");
  if (log_bucket == this && props_.encryption != BucketEncryption::S3Managed)
    throw Error(path, "a KMS-encrypted bucket cannot receive its own server access logs",
                "send the logs to a bucket with S3-managed encryption (SSE-S3)");
}

// Where S3 writes this bucket's access logs: the given bucket, this one when only a prefix is given, or none.
Bucket* Bucket::access_log_bucket() {
  Bucket* target = props_.server_access_logs_bucket.get();
  if (target == nullptr && !props_.server_access_logs_prefix.empty()) return this;
  return target;
}

void Bucket::allow_log_delivery(Bucket& target) {
  target.add_to_resource_policy(
      {.actions = {"s3:PutObject"}, .resources = {target.arn_for_objects(props_.server_access_logs_prefix + "*")},
       .principals = Value::map({{"Service", "logging.s3.amazonaws.com"}}),
       .conditions = Value::map({{"ArnLike", Value::map({{"aws:SourceArn", bucket_arn()}})},
                                 {"StringEquals", Value::map({{"aws:SourceAccount", Stack::of(*this).account()}})}})});
}

void Bucket::make_default_policies() {
  if (props_.enforce_ssl) {
    add_to_resource_policy({.effect = iam::Effect::Deny, .actions = {"s3:*"},
                            .resources = {bucket_arn(), arn_for_objects("*")},
                            .principals = Value::map({{"AWS", "*"}}),
                            .conditions = Value::map({{"Bool", Value::map({{"aws:SecureTransport", "false"}})}})});
  }
  if (props_.public_read_access) {
    add_to_resource_policy({.actions = {"s3:GetObject"}, .resources = {arn_for_objects("*")},
                            .principals = Value::map({{"AWS", "*"}})});
    Annotations::of(*this).add_warning(
        "public_read_access is on: anyone on the internet can read every object of this bucket");
  }
  if (!props_.website_index_document.empty() && props_.enforce_ssl)
    Annotations::of(*this).add_warning(
        "S3 website endpoints serve HTTP only, and enforce_ssl denies HTTP requests: serve the site through "
        "CloudFront (HTTPS) or set enforce_ssl = false");
}

Value Bucket::bucket_name() const { return resource_->ref(); }
Value Bucket::bucket_arn() const { return resource_->attr_arn(); }
Value Bucket::bucket_regional_domain_name() const { return resource_->attr_regional_domain_name(); }
Value Bucket::bucket_website_url() const {
  if (props_.website_index_document.empty())
    throw Error(node().path(), "bucket_website_url() of a bucket without website hosting", "set website_index_document");
  return resource_->attr_website_url();
}
Value Bucket::arn_for_objects(std::string_view key_pattern) const {
  std::string suffix(1, '/');  // appended, not "/" + ...: GCC 12 warns falsely (-Wrestrict) on that here
  suffix.append(key_pattern);
  return bucket_arn() + Value(suffix);
}

void Bucket::grant(iam::IGrantable& grantee, std::vector<std::string> actions, std::vector<std::string> kms_actions,
                   std::string_view pattern, bool include_bucket) const {
  std::vector<Value> resources;
  if (include_bucket) resources.push_back(bucket_arn());
  resources.push_back(arn_for_objects(pattern));
  iam::Grant::add_to_principal({.grantee = grantee, .actions = std::move(actions), .resource_arns = std::move(resources)});
  if (props_.encryption == BucketEncryption::Kms && !kms_actions.empty())
    iam::Grant::add_to_principal({.grantee = grantee, .actions = std::move(kms_actions),
                                  .resource_arns = {props_.encryption_key_arn}});
}

void Bucket::grant_read(iam::IGrantable& grantee, std::string_view pattern) const {
  grant(grantee, actions::read(), actions::key_read(), pattern, true);
}
void Bucket::grant_write(iam::IGrantable& grantee, std::string_view pattern) const {
  grant(grantee, concat(actions::delete_objects(), actions::put()), actions::key_write(), pattern, true);
}
void Bucket::grant_read_write(iam::IGrantable& grantee, std::string_view pattern) const {
  grant(grantee, concat(concat(actions::read(), actions::delete_objects()), actions::put()),
        concat(actions::key_read(), actions::key_write()), pattern, true);
}
void Bucket::grant_put(iam::IGrantable& grantee, std::string_view pattern) const {
  grant(grantee, actions::put(), actions::key_write(), pattern, false);
}
void Bucket::grant_delete(iam::IGrantable& grantee, std::string_view pattern) const {
  grant(grantee, actions::delete_objects(), {}, pattern, false);
}
void Bucket::grant_delete_versions(iam::IGrantable& grantee, std::string_view pattern) const {
  grant(grantee, actions::delete_versions(), {}, pattern, false);
}

void Bucket::add_lifecycle_rule(const LifecycleRule& rule) {
  auto& lc = resource_->props().lifecycle_configuration;
  const auto index = lc ? lc->rules.size() : 0;
  auto rendered = lifecycle_rule(node().path(), index, rule);
  if (!lc) lc.emplace();
  lc->rules.push_back(std::move(rendered));
  props_.lifecycle_rules.push_back(rule);
}

void Bucket::enable_event_bridge_notification() {
  auto& notifications = resource_->props().notification_configuration;
  if (!notifications) notifications.emplace();
  notifications->event_bridge_configuration = CfnBucket::EventBridgeConfigurationProperty{.event_bridge_enabled = true};
  props_.event_bridge_enabled = true;
}

void Bucket::add_cors_rule(const CorsRule& rule) {
  auto rendered = cors_rule(node().path(), rule);
  auto& cors = resource_->props().cors_configuration;
  if (!cors) cors.emplace();
  cors->cors_rules.push_back(std::move(rendered));
  props_.cors.push_back(rule);
}

void Bucket::add_to_resource_policy(const iam::PolicyStatement& statement) {
  if (statement.principals.is_null())
    throw Error(node().path(), "a bucket policy statement needs a principal",
                "set .principals, e.g. cdk::Value::map({{\"Service\", \"logging.s3.amazonaws.com\"}})");
  if (statement.actions.empty() || statement.resources.empty())
    throw Error(node().path(), "a bucket policy statement needs actions and resources",
                "use bucket_arn() and arn_for_objects(\"*\") as resources");
  if (policy_ == nullptr) {
    // Same construct ids as the AWS CDK (Bucket/Policy/Resource), so logical ids match.
    policy_scope_ = &add<Construct>("Policy");
    CfnBucketPolicy::Props l1;
    l1.bucket = bucket_name();
    policy_ = &policy_scope_->add<CfnBucketPolicy>("Resource", std::move(l1));
  }
  policy_statements_.push_back(statement);
  policy_->props().policy_document = iam::policy_document(policy_statements_);
}

}  // namespace cdk::s3
