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
    // The rest answer cdk-nag's AwsSolutions rules on the types cdkpp's L2s make.
    // Most are choices cdk-nag asks every app to make knowingly (low): an app
    // that decides otherwise suppresses them with its reason.
    Rule{"SG-NO-DESCRIPTION", Severity::Low, "security group without a description",
         "the description is what the console and audits show of why a group lets traffic in; it cannot be changed "
         "without replacing the group",
         "give ec2::SecurityGroup a .description (GroupDescription of two characters or more)"},
    Rule{"EC2-NO-DETAILED-MONITORING", Severity::Advice, "EC2 instance without detailed monitoring",
         "basic monitoring sends metrics every 5 minutes, too coarse to see a spike or to scale on it in time",
         "set Monitoring: true on the instance (InstanceMonitoring on a launch configuration), or suppress with the "
         "reason 5-minute metrics are enough"},
    Rule{"EC2-NO-TERMINATION-PROTECTION", Severity::Advice, "EC2 instance outside an Auto Scaling group without termination protection",
         "a stand-alone instance holds state no group recreates; one mistaken TerminateInstances call loses it",
         "set DisableApiTermination: true, or suppress with the reason the instance can be recreated at will"},
    Rule{"ASG-NO-COOLDOWN", Severity::Low, "Auto Scaling group with a cooldown of 0",
         "without a cooldown, simple scaling policies fire again before new instances have started, and the group "
         "overshoots",
         "leave Cooldown unset (300 seconds) or give it the time an instance takes to start serving"},
    Rule{"ASG-ELB-NO-GRACE-PERIOD", Severity::Low, "Auto Scaling group with load balancer health checks and no grace period",
         "the load balancer's health checks fail while an instance boots, and the group replaces it before it can serve",
         "give the health check a grace period: .health_check = autoscaling::HealthCheck::elb(300) (HealthCheckGracePeriod, the time an instance takes to start serving)"},
    Rule{"ASG-NO-NOTIFICATIONS", Severity::Advice, "Auto Scaling group without launch and terminate notifications",
         "without notifications nobody hears that instances fail to launch or are terminated",
         "add NotificationConfigurations to an SNS topic for EC2_INSTANCE_LAUNCH, _LAUNCH_ERROR, _TERMINATE and "
         "_TERMINATE_ERROR, or suppress with the reason alarms or events cover them"},
    Rule{"ECS-ENVIRONMENT-VARIABLES", Severity::Advice, "ECS container with environment variables in the task definition",
         "values written into the task definition are readable by anyone who can describe it, and a change needs a "
         "new revision",
         "pass secrets as container secrets (ecs::Secret) and configuration from SSM or S3, or suppress with the "
         "reason the values are plain settings (SECRET-IN-ENV still looks for secret-looking names)"},
    Rule{"ECS-NO-CONTAINER-INSIGHTS", Severity::Advice, "ECS cluster without Container Insights",
         "without Container Insights there are no per-task CPU, memory and network metrics to find a misbehaving task",
         "set container_insights on ecs::Cluster (ClusterSettings containerInsights enabled), or suppress with the "
         "reason (it is charged as custom metrics)"},
    Rule{"ECR-OPEN-ACCESS", Severity::High, "ECR repository policy open to any principal",
         "a policy that allows \"*\" (or an account wildcard) lets anyone pull the images, and with push actions "
         "replace them",
         "name the accounts or roles that pull: repository.grant_pull(role), or principals with account ids"},
    Rule{"LAMBDA-OLD-RUNTIME", Severity::Low, "Lambda function not on the newest runtime of its language",
         "older runtimes reach end of support, stop getting security patches and then block updates to the function",
         "move the function to the newest runtime of its language (the table cdk-nag uses: aws-cdk-lib 2.278's), or "
         "suppress with the reason it stays"},
    Rule{"CODEBUILD-NO-KMS", Severity::Advice, "CodeBuild project encrypts artifacts with the AWS managed key",
         "with alias/aws/s3 every principal of the account with S3 access can decrypt the artifacts; a key of your own "
         "has a policy that says who can",
         "give the project a customer managed KMS key (encryption_key, EncryptionKey), or suppress with the reason the "
         "artifacts are not sensitive"},
    Rule{"CODEBUILD-CUSTOM-IMAGE", Severity::Advice, "CodeBuild project on an image that AWS does not manage",
         "an image of your own (or from a public registry) gets no patches unless you rebuild it, and is trusted with "
         "the build's credentials",
         "use an aws/codebuild/ image (codebuild::LinuxBuildImage::standard_7_0()), or suppress with the reason the "
         "image is built and patched by you"},
    Rule{"IAM-AWS-MANAGED-POLICY", Severity::Advice, "role, user or group with an AWS managed policy",
         "AWS managed policies are written for every customer, grant more than one workload needs, and change when "
         "AWS changes them",
         "grant what the workload needs (the grant_* methods, add_to_policy), or suppress with the reason the managed "
         "policy is exactly that (e.g. AmazonSSMManagedInstanceCore)"},
    Rule{"RDS-NO-MULTI-AZ", Severity::Advice, "RDS instance without a Multi-AZ standby",
         "a single-AZ database is down while its host, storage or AZ fails, and restores lose the writes since the "
         "last backup",
         "set multi_az = true, or suppress with the reason downtime and restores are acceptable (it doubles the cost)"},
    Rule{"RDS-NO-IAM-AUTH", Severity::Advice, "Aurora cluster without IAM database authentication",
         "with passwords only, database access cannot be granted, limited in time or revoked through IAM",
         "set iam_authentication = true (EnableIAMDatabaseAuthentication), or suppress with the reason clients use "
         "passwords"},
    Rule{"RDS-DEFAULT-PORT", Severity::Advice, "database on its engine's default port",
         "scanners try 3306, 5432, 1521 and 1433 first; another port keeps them off the database's doorstep (it is no "
         "protection by itself)",
         "set port to another value, or suppress with the reason clients expect the default"},
    Rule{"AURORA-NO-BACKTRACK", Severity::Advice, "Aurora MySQL cluster without backtracking",
         "without a backtrack window a bad write can be undone only by restoring a new cluster from a backup",
         "set BacktrackWindow (seconds, up to 72 hours) on cfn_cluster().props(), or suppress with the reason "
         "point-in-time restores are enough"},
    Rule{"AURORA-SERVERLESS-NO-LOGS", Severity::Advice, "Aurora Serverless (v1) MySQL cluster without its logs in CloudWatch",
         "the audit, error, general and slow query logs stay inside the database, out of reach of alarms and audits",
         "export them: EnableCloudwatchLogsExports [audit, error, general, slowquery]"},
    Rule{"ELASTICACHE-NO-VPC", Severity::Medium, "ElastiCache cluster without a subnet group",
         "without CacheSubnetGroupName the cache is placed in the default VPC, next to whatever else runs there",
         "give it a subnet group of the application's VPC (the elasticache::ReplicationGroup L2 makes one)"},
    Rule{"ELASTICACHE-NO-MULTI-AZ", Severity::Advice, "ElastiCache replication group without Multi-AZ",
         "without Multi-AZ a failure of the primary's AZ takes the cache down until it is replaced",
         "keep two or more nodes with automatic failover and MultiAZEnabled: true, or suppress with the reason a cold "
         "cache is acceptable"},
    Rule{"ELASTICACHE-DEFAULT-PORT", Severity::Advice, "ElastiCache on its engine's default port",
         "scanners try 6379 and 11211 first; another port keeps them off the cache's doorstep (it is no protection "
         "by itself)",
         "set port to another value, or suppress with the reason clients expect the default"},
    Rule{"ELASTICACHE-NO-AUTH", Severity::Medium, "ElastiCache replication group without an AUTH token",
         "without AUTH anything that reaches the port inside the VPC reads and writes the cache",
         "keep the elasticache::ReplicationGroup default (auth_token, with transit encryption), or set AuthToken"},
    Rule{"S3-NO-ACCESS-LOGS", Severity::Advice, "S3 bucket without server access logs",
         "without access logs there is no record of who read, wrote or deleted which object",
         "log to a bucket of its own: server_access_logs_bucket on s3::Bucket (LoggingConfiguration); a bucket that "
         "receives other buckets' logs counts as logged"},
    Rule{"S3-WEBSITE-NO-OAI", Severity::Medium, "S3 website bucket served without CloudFront",
         "a website bucket whose policy does not let only a CloudFront origin access identity read it is either open "
         "to the world or not served through CloudFront (no HTTPS, no WAF)",
         "serve the bucket through a cloudfront::Distribution with a private bucket (S3BucketOrigin), or suppress "
         "with the reason the website endpoint is public on purpose"},
    Rule{"SQS-NO-DLQ", Severity::Advice, "SQS queue without a dead-letter queue",
         "a message that fails every time is retried until it expires, hiding the failure and delaying the messages "
         "behind it",
         "give the queue a dead_letter_queue (RedrivePolicy); a queue that is itself a dead-letter queue counts"},
    Rule{"SECRET-NO-ROTATION", Severity::Medium, "Secrets Manager secret that is never rotated",
         "a secret that never changes stays valid wherever it leaked to (logs, laptops, former staff)",
         "rotate it on a schedule (a RotationSchedule with a rotation function), or let RDS manage the database "
         "password (manage_master_user_password), or suppress with the reason it cannot rotate"},
    Rule{"CLOUDFRONT-NO-GEO-RESTRICTION", Severity::Advice, "CloudFront distribution without geo restrictions",
         "every country can reach the content; an application that serves some countries only takes traffic and "
         "attacks from all of them",
         "set DistributionConfig.Restrictions.GeoRestriction (an allow- or blocklist) on cfn_distribution(), or "
         "suppress with the reason it serves everyone (the cloudfront::Distribution L2 has no geo restrictions yet)"},
    Rule{"CLOUDFRONT-NO-ACCESS-LOGS", Severity::Advice, "CloudFront distribution without access logs",
         "without access logs there is no record of the requests viewers made",
         "set enable_logging or log_bucket on cloudfront::Distribution (DistributionConfig.Logging), or suppress with "
         "the reason"},
    Rule{"CLOUDFRONT-ORIGIN-TLS", Severity::Medium, "CloudFront reaches a custom origin without TLS, or with SSLv3 or TLSv1",
         "between CloudFront and the origin, plain HTTP or outdated TLS can be read and changed on the way",
         "reach custom origins with OriginProtocolPolicy https-only and OriginSSLProtocols [TLSv1.2] (HttpOrigin's "
         "protocol_policy, origin_ssl_protocols)"},
    Rule{"CLOUDFRONT-S3-NO-OAC", Severity::Medium, "CloudFront reads a bucket of the stack without an origin access control",
         "without an origin access control the bucket has to be readable by CloudFront without signed requests, "
         "which in practice means public",
         "use cloudfront::S3BucketOrigin::with_origin_access_control(bucket) (OriginAccessControlId on the origin)"},
};

}  // namespace

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::High: return "high";
    case Severity::Medium: return "medium";
    case Severity::Low: return "low";
    case Severity::Advice: return "advice";
  }
  return "unknown";
}

std::span<const Rule> rules() { return kRules; }

const Rule* find_rule(std::string_view id) {
  const auto* it = std::find_if(kRules.begin(), kRules.end(), [&](const Rule& r) { return r.id == id; });
  return it == kRules.end() ? nullptr : &*it;
}

}  // namespace cdk::detail::security
