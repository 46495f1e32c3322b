// The rule catalogue: ids, severities, explanations and fixes. The checks
// that find each rule's findings live in checks.cpp.
#include "security/rules.hpp"

#include <algorithm>
#include <array>

namespace cdk::detail::security {

namespace {

constexpr std::array kRules{
    Rule{"SG-WORLD-ADMIN", Severity::High, "SSH (22) or RDP (3389) open to the whole internet",
         "administration ports open to 0.0.0.0/0 or ::/0 are scanned and brute-forced within minutes",
         "allow them only from known addresses (ec2::Peer::ipv4(\"203.0.113.7/32\")) or reach hosts through "
         "Session Manager or a bastion"},
    Rule{"SG-WORLD-ALL", Severity::High, "every port open to the whole internet",
         "an ingress rule for all protocols or all ports from 0.0.0.0/0 or ::/0 exposes every service on the host",
         "open only the ports the service answers on, e.g. connections().allow_from(ec2::Peer::any_ipv4(), "
         "ec2::Port::tcp(443))"},
    Rule{"DB-PUBLIC-SUBNET", Severity::High, "database or cache in a public subnet",
         "a database or ElastiCache group whose subnet group has subnets routed to an internet gateway sits next to "
         "internet-facing hosts, and an RDS instance there can be given a public address",
         "place it in isolated or private subnets: .vpc_subnets = {.subnet_type = ec2::SubnetType::PrivateIsolated}"},
    Rule{"DB-PUBLICLY-ACCESSIBLE", Severity::High, "database publicly accessible",
         "PubliclyAccessible gives the instance a public DNS name that resolves to a public address",
         "leave publicly_accessible off and reach the database from inside the VPC"},
    Rule{"RDS-UNENCRYPTED", Severity::High, "database storage not encrypted",
         "RDS and Aurora storage, snapshots and backups stay unencrypted, and encryption cannot be turned on later "
         "without a snapshot restore",
         "set storage_encrypted (the L2 default) or StorageEncrypted: true"},
    Rule{"EFS-UNENCRYPTED", Severity::Medium, "EFS file system not encrypted at rest",
         "file data and metadata are stored unencrypted; encryption can only be chosen when the file system is made",
         "keep the efs::FileSystem default (encrypted) or set Encrypted: true"},
    Rule{"ELASTICACHE-UNENCRYPTED", Severity::High, "ElastiCache replication group not encrypted at rest or in transit",
         "cached data (sessions, tokens, query results) is stored on unencrypted disks and snapshots, or travels "
         "in clear text inside the VPC; neither can be turned on in place for an existing group, and the AUTH "
         "token needs in-transit encryption",
         "keep the elasticache::ReplicationGroup defaults (at_rest_encryption and transit_encryption on), or set "
         "AtRestEncryptionEnabled: true and TransitEncryptionEnabled: true"},
    Rule{"EBS-UNENCRYPTED", Severity::Medium, "EBS volume not encrypted",
         "volumes, their snapshots and the AMIs made from them are stored unencrypted",
         "keep encrypted = true on ec2::BlockDevice volumes (the default) or set Encrypted: true on the volume"},
    Rule{"S3-PUBLIC-ACCESS", Severity::High, "S3 bucket without block public access",
         "without all four block-public-access settings an ACL or bucket policy can make objects public",
         "keep the s3::Bucket default (all four settings on, public_read_access off), or suppress with the "
         "reason the bucket is public"},
    Rule{"S3-NO-TLS", Severity::Medium, "S3 bucket accepts requests without TLS",
         "S3 encrypts objects at rest by default (SSE-S3), but a bucket without a policy denying "
         "aws:SecureTransport=false also serves them over plain HTTP",
         "keep the s3::Bucket default enforce_ssl = true, or add a bucket policy that denies requests without TLS"},
    Rule{"SQS-UNENCRYPTED", Severity::Medium, "SQS queue not encrypted at rest",
         "SqsManagedSseEnabled: false without a KMS key stores messages (job payloads, often personal data) "
         "unencrypted",
         "keep the sqs::Queue default (QueueEncryption::SqsManaged) or use QueueEncryption::KmsManaged or Kms; on "
         "an L1, drop SqsManagedSseEnabled: false or set KmsMasterKeyId"},
    Rule{"SNS-NO-TLS", Severity::Medium, "SNS topic accepts publishing without TLS",
         "without a topic policy denying aws:SecureTransport=false, clients may publish (and read subscription "
         "confirmations) over plain HTTP",
         "keep the sns::Topic default enforce_ssl = true, or add an AWS::SNS::TopicPolicy that denies requests "
         "without TLS"},
    Rule{"SQS-NO-TLS", Severity::Medium, "SQS queue accepts requests without TLS",
         "without a queue policy denying aws:SecureTransport=false, messages can be sent and received over plain "
         "HTTP",
         "keep the sqs::Queue default enforce_ssl = true, or add an AWS::SQS::QueuePolicy that denies requests "
         "without TLS"},
    Rule{"CODEBUILD-PRIVILEGED", Severity::Low, "CodeBuild project runs privileged",
         "privileged mode runs the Docker daemon in the build with root access to the build host's kernel: "
         "anything the build runs (dependencies, the repository's scripts) gets it too",
         "leave privileged off unless the build runs docker (images); suppress with that reason when it does"},
    Rule{"LAMBDA-URL-NO-AUTH", Severity::High, "Lambda function URL without authentication",
         "a function URL with AuthType NONE lets anyone on the internet invoke the function (and run up its bill); "
         "the function has to authenticate every request itself",
         "keep IAM auth (AuthType AWS_IAM, the default) and sign requests, or suppress with the reason the "
         "endpoint is public (a webhook that verifies its own signatures)"},
    Rule{"VPC-NO-FLOW-LOGS", Severity::Medium, "VPC without flow logs",
         "without flow logs there is no record of the traffic that reached or left the network after an incident",
         "add one: .flow_logs = {{\"FlowLogs\", {}}} in ec2::VpcProps, or an AWS::EC2::FlowLog for the VPC"},
    Rule{"LB-NO-ACCESS-LOGS", Severity::Low, "load balancer without access logs",
         "access logs are the only record of who sent which request through the load balancer",
         "turn on access logs to an S3 bucket: .access_logs on elbv2 load balancers (attribute "
         "access_logs.s3.enabled)"},
    Rule{"LB-HTTP-NO-REDIRECT", Severity::Medium, "HTTP listener that does not redirect to HTTPS",
         "plain HTTP carries sessions and credentials readable by anyone on the path",
         "serve HTTPS and make the HTTP listener redirect: alb.add_redirect()"},
    Rule{"IAM-WILDCARD-ACTION", Severity::Medium, "IAM policy allows every action of a service",
         "\"*\" or \"service:*\" actions grant far more than the workload needs, including future actions",
         "list the actions the workload calls, or use the grant_* methods of the constructs"},
    Rule{"SECRET-IN-ENV", Severity::High, "secret passed in a plain environment variable",
         "plain environment variables are readable by anyone who can describe the task, function or build "
         "project, and end up in logs",
         "pass it as a secret (ecs::Secret::from_secrets_manager(secret) in container secrets, a Secrets Manager "
         "or SSM SecureString reference in CodeBuild)"},
    Rule{"DB-NO-DELETION-PROTECTION", Severity::Medium, "production database without deletion protection",
         "a stack update or a mistaken delete removes a production database and its automated backups",
         "set deletion_protection = true on production databases (a stack counts as production when it has "
         "termination protection, a stage/env/environment tag of prod or production, or 'prod' in its name)"},
    Rule{"CODEDEPLOY-NO-ROLLBACK", Severity::Low, "CodeDeploy deployment group that does not roll back failed deployments",
         "a failed deployment leaves instances or tasks on a half-deployed revision until someone redeploys by hand",
         "keep auto_rollback.failed_deployment = true (the default of the codedeploy deployment groups), or "
         "AutoRollbackConfiguration {Enabled: true, Events: [DEPLOYMENT_FAILURE]}"},
    Rule{"CLOUDFRONT-HTTP", Severity::Medium, "CloudFront behaviour serves plain HTTP to viewers",
         "ViewerProtocolPolicy allow-all sends pages, cookies and tokens over HTTP, readable and changeable on the way",
         "keep the cloudfront::Distribution default (ViewerProtocolPolicy::RedirectToHttps) or use HttpsOnly"},
    Rule{"CLOUDFRONT-OLD-TLS", Severity::Medium, "CloudFront distribution accepts TLS below 1.2",
         "TLS 1.0 and 1.1 have known weaknesses and are not allowed by PCI DSS; a distribution without a certificate "
         "uses CloudFront's fixed *.cloudfront.net policy, which accepts TLS 1.0",
         "give the distribution an ACM certificate and domain names, with minimum_protocol_version TLSv1.2_2021 (the "
         "cdkpp default), or suppress with the reason old clients must be served"},
    Rule{"PUBLIC-NO-WAF", Severity::Low, "internet-facing load balancer or CloudFront distribution without a WAF web ACL",
         "without a web ACL, floods and common exploits (SQL injection, bad bots) reach the application unfiltered",
         "associate a WAFv2 web ACL: alb.associate_web_acl(regional_acl), or web_acl_id = cloudfront_acl.attr_arn() on a "
         "distribution (checked in production stacks only, as DB-NO-DELETION-PROTECTION counts them)"},
    Rule{"ECS-NO-LOGS", Severity::Low, "ECS container without a log configuration",
         "what the container prints is lost, and with it the record of errors and requests after an incident",
         "give the container logging: .logging = ecs::LogDriver::aws_logs({.stream_prefix = \"web\"})"},
    Rule{"KMS-NO-ROTATION", Severity::Medium, "KMS key without automatic rotation",
         "a symmetric key that is never rotated keeps encrypting new data with the same key material for years",
         "set EnableKeyRotation: true (AWS rotates the material yearly, old data stays readable)"},
    Rule{"RDS-NO-BACKUPS", Severity::Medium, "RDS instance with automated backups off",
         "BackupRetentionPeriod 0 turns off automated backups and point-in-time restore: a bad write or a lost "
         "volume cannot be undone",
         "keep backup_retention_days at 1 or more (the rds::DatabaseInstance default is 1)"},
};

}  // namespace

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::High: return "high";
    case Severity::Medium: return "medium";
    case Severity::Low: return "low";
  }
  return "unknown";
}

std::span<const Rule> rules() { return kRules; }

const Rule* find_rule(std::string_view id) {
  const auto* it = std::find_if(kRules.begin(), kRules.end(), [&](const Rule& r) { return r.id == id; });
  return it == kRules.end() ? nullptr : &*it;
}

}  // namespace cdk::detail::security
