#include "deploy/bootstrap_template.hpp"

#include <nlohmann/json.hpp>

namespace cdk::deploy {
namespace {

using J = nlohmann::ordered_json;

J sub(const std::string& text) { return {{"Fn::Sub", text}}; }
J ref(const std::string& id) { return {{"Ref", id}}; }

J allow(J actions, J resources) {
  return {{"Effect", "Allow"}, {"Action", std::move(actions)}, {"Resource", std::move(resources)}};
}

/// Lets the accounts of the TrustedAccounts parameter assume a role (a CI/CD
/// account's pipeline deploying here), as `cdk bootstrap --trust` writes it.
J trusted_accounts_statement() {
  return {{"Fn::If",
           J::array({"HasTrustedAccounts",
                     {{"Effect", "Allow"}, {"Action", "sts:AssumeRole"}, {"Principal", {{"AWS", ref("TrustedAccounts")}}}},
                     ref("AWS::NoValue")})}};
}

/// A role that principals of this account may assume, as the AWS CDK CLI does;
/// `trusted` roles also those of the trusted accounts.
J account_role(const std::string& kind, J statements, J managed = J::array(), bool trusted = false) {
  J assume = J::array({{{"Effect", "Allow"},
                        {"Action", "sts:AssumeRole"},
                        {"Principal", {{"AWS", sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")}}}}});
  if (trusted) assume.push_back(trusted_accounts_statement());
  J role = {{"Type", "AWS::IAM::Role"},
            {"Properties",
             {{"RoleName", sub("cdk-${Qualifier}-" + kind + "-role-${AWS::AccountId}-${AWS::Region}")},
              {"AssumeRolePolicyDocument", {{"Version", "2012-10-17"}, {"Statement", assume}}}}}};
  if (!statements.empty()) {
    role["Properties"]["Policies"] = J::array(
        {{{"PolicyName", "default"}, {"PolicyDocument", {{"Version", "2012-10-17"}, {"Statement", statements}}}}});
  }
  if (!managed.empty()) role["Properties"]["ManagedPolicyArns"] = std::move(managed);
  return role;
}

J staging_bucket() {
  J encryption = {{"ServerSideEncryptionConfiguration",
                   J::array({{{"ServerSideEncryptionByDefault", {{"SSEAlgorithm", "AES256"}}}}})}};
  J rules = J::array({{{"Id", "CleanupOldVersions"}, {"Status", "Enabled"},
                       {"NoncurrentVersionExpiration", {{"NoncurrentDays", 30}}}},
                      {{"Id", "AbortIncompleteMultipartUploads"}, {"Status", "Enabled"},
                       {"AbortIncompleteMultipartUpload", {{"DaysAfterInitiation", 1}}}},
                      // Templates over 51,200 bytes are needed only while their deploy runs.
                      {{"Id", "ExpireStagedTemplates"}, {"Status", "Enabled"}, {"Prefix", "cdkpp/templates/"},
                       {"ExpirationInDays", 30}}});
  return {{"Type", "AWS::S3::Bucket"},
          {"Properties",
           {{"BucketName", sub("cdk-${Qualifier}-assets-${AWS::AccountId}-${AWS::Region}")},
            {"BucketEncryption", encryption},
            {"PublicAccessBlockConfiguration",
             {{"BlockPublicAcls", true}, {"BlockPublicPolicy", true}, {"IgnorePublicAcls", true},
              {"RestrictPublicBuckets", true}}},
            {"VersioningConfiguration", {{"Status", "Enabled"}}},
            {"LifecycleConfiguration", {{"Rules", rules}}}}},
          {"UpdateReplacePolicy", "Retain"},
          {"DeletionPolicy", "Retain"}};
}

J tls_only_policy() {
  J deny = {{"Sid", "AllowSSLRequestsOnly"},
            {"Effect", "Deny"},
            {"Principal", "*"},
            {"Action", "s3:*"},
            {"Resource", J::array({sub("${StagingBucket.Arn}"), sub("${StagingBucket.Arn}/*")})},
            {"Condition", {{"Bool", {{"aws:SecureTransport", "false"}}}}}};
  return {{"Type", "AWS::S3::BucketPolicy"},
          {"Properties",
           {{"Bucket", ref(staging_bucket_logical_id)},
            {"PolicyDocument", {{"Version", "2012-10-17"}, {"Statement", J::array({deny})}}}}}};
}

J container_repository() {
  J lambda_pull = {{"Sid", "LambdaECRImageRetrievalPolicy"},
                   {"Effect", "Allow"},
                   {"Principal", {{"Service", "lambda.amazonaws.com"}}},
                   {"Action", J::array({"ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"})},
                   {"Condition",
                    {{"StringLike", {{"aws:sourceArn", sub("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:*")}}}}}};
  return {{"Type", "AWS::ECR::Repository"},
          {"Properties",
           {{"RepositoryName", sub("cdk-${Qualifier}-container-assets-${AWS::AccountId}-${AWS::Region}")},
            // Tags are content hashes: a tag never needs to move.
            {"ImageTagMutability", "IMMUTABLE"},
            {"RepositoryPolicyText", {{"Version", "2012-10-17"}, {"Statement", J::array({lambda_pull})}}}}}};
}

void add_roles(J& resources) {
  J bucket = J::array({sub("${StagingBucket.Arn}"), sub("${StagingBucket.Arn}/*")});
  J repository = sub("${ContainerAssetsRepository.Arn}");
  resources["FilePublishingRole"] = account_role(
      "file-publishing",
      J::array({allow(J::array({"s3:GetObject*", "s3:GetBucket*", "s3:GetEncryptionConfiguration", "s3:List*",
                                "s3:DeleteObject*", "s3:PutObject*", "s3:Abort*"}),
                      bucket)}),
      J::array(), true);
  resources["ImagePublishingRole"] = account_role(
      "image-publishing",
      J::array({allow(J::array({"ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
                                "ecr:CompleteLayerUpload", "ecr:BatchCheckLayerAvailability", "ecr:DescribeRepositories",
                                "ecr:DescribeImages", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"}),
                      repository),
                allow("ecr:GetAuthorizationToken", "*")}),
      J::array(), true);
  resources["LookupRole"] = account_role(
      "lookup", J::array(), J::array({sub("arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess")}));
  resources["CloudFormationExecutionRole"] = account_role(
      "cfn-exec", J::array(), J::array({sub("arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess")}));
  // CloudFormation itself assumes the execution role.
  resources["CloudFormationExecutionRole"]["Properties"]["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] =
      {{"Service", "cloudformation.amazonaws.com"}};
  resources["DeploymentActionRole"] = account_role(
      "deploy",
      J::array({allow("cloudformation:*", "*"), allow(J::array({"s3:GetObject*", "s3:GetBucket*", "s3:List*"}), bucket),
                allow("iam:PassRole", sub("${CloudFormationExecutionRole.Arn}")),
                allow(J::array({"ssm:GetParameter", "ssm:GetParameters"}),
                      sub("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/cdk-bootstrap/"
                          "${Qualifier}/version"))}),
      J::array(), true);
}

}  // namespace

bool is_valid_qualifier(const std::string& qualifier) {
  if (qualifier.empty() || qualifier.size() > 10) return false;
  for (char c : qualifier) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

std::string toolkit_template(const std::string& qualifier) {
  J resources = J::object();
  resources[staging_bucket_logical_id] = staging_bucket();
  resources["StagingBucketPolicy"] = tls_only_policy();
  resources["ContainerAssetsRepository"] = container_repository();
  add_roles(resources);
  const std::string version = std::to_string(bootstrap_version);
  resources["CdkBootstrapVersion"] = {
      {"Type", "AWS::SSM::Parameter"},
      {"Properties", {{"Type", "String"}, {"Name", sub("/cdk-bootstrap/${Qualifier}/version")}, {"Value", version}}}};
  J t = {{"Description", "Bootstrap resources for cdkpp and AWS CDK deployments (created by cdkpp 'bootstrap')"},
         {"Parameters",
          {{"Qualifier",
            {{"Type", "String"},
             {"Default", qualifier},
             {"AllowedPattern", "[a-z0-9]{1,10}"},
             {"Description", "Distinguishes several bootstraps in one account and region"}}},
           {"TrustedAccounts",
            {{"Type", "CommaDelimitedList"},
             {"Default", ""},
             {"Description", "Accounts whose pipelines may publish and deploy here (bootstrap --trust)"}}}}},
         {"Conditions",
          {{"HasTrustedAccounts",
            {{"Fn::Not", J::array({{{"Fn::Equals", J::array({"", {{"Fn::Join", J::array({"", ref("TrustedAccounts")})}}})}}})}}}}},
         {"Resources", resources},
         {"Outputs",
          {{bucket_name_output, {{"Value", ref(staging_bucket_logical_id)}}},
           {"BucketDomainName", {{"Value", sub("${StagingBucket.RegionalDomainName}")}}},
           {"ImageRepositoryName", {{"Value", ref("ContainerAssetsRepository")}}},
           // The same number as the SSM parameter: a GetAtt on a new parameter can fail while it propagates.
           {"BootstrapVersion", {{"Value", version}}}}}};
  return t.dump(1) + "\n";
}

}  // namespace cdk::deploy
