// The aws-cdk-lib side of every parity case: `node parity_app.js CASE OUTDIR`
// writes OUTDIR/Parity.template.json. The app gets the feature flags that
// `cdk init` writes into a new project's cdk.json: aws-cdk-lib's own
// recommended-feature-flags.json. Keep each case in step with parity_app.cpp.
const path = require('path');
const cdk = require('aws-cdk-lib');
const autoscaling = require('aws-cdk-lib/aws-autoscaling');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const efs = require('aws-cdk-lib/aws-efs');
const events = require('aws-cdk-lib/aws-events');
const targets = require('aws-cdk-lib/aws-events-targets');
const iam = require('aws-cdk-lib/aws-iam');
const lambda = require('aws-cdk-lib/aws-lambda');
const rds = require('aws-cdk-lib/aws-rds');
const s3 = require('aws-cdk-lib/aws-s3');
const sns = require('aws-cdk-lib/aws-sns');
const subs = require('aws-cdk-lib/aws-sns-subscriptions');
const sqs = require('aws-cdk-lib/aws-sqs');

const flags = require(path.join(path.dirname(require.resolve('aws-cdk-lib/package.json')), 'recommended-feature-flags.json'));

const cases = {
  s3_bucket(s) {
    const bucket = new s3.Bucket(s, 'Bucket', { versioned: true });
    const reader = new iam.Role(s, 'Reader', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
    bucket.grantRead(reader);
  },
  sqs_queue(s) {
    new sqs.Queue(s, 'Queue', { visibilityTimeout: cdk.Duration.seconds(60) });
  },
  sns_sqs(s) {
    const topic = new sns.Topic(s, 'Topic', { displayName: 'parity' });
    const queue = new sqs.Queue(s, 'Queue');
    topic.addSubscription(new subs.SqsSubscription(queue));
  },
  vpc_default(s) { new ec2.Vpc(s, 'Vpc'); },
  vpc_3groups(s) {
    new ec2.Vpc(s, 'Vpc', { maxAzs: 2, subnetConfiguration: [
      { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
      { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
      { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 28 }] });
  },
  security_group(s) {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    const web = new ec2.SecurityGroup(s, 'Web', { vpc, description: 'web tier' });
    web.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS from anywhere');
    const app = new ec2.SecurityGroup(s, 'App', { vpc, description: 'app tier', allowAllOutbound: false });
    app.addIngressRule(web, ec2.Port.tcp(8080), 'from web');
    app.addEgressRule(ec2.Peer.ipv4('10.0.0.0/8'), ec2.Port.tcp(5432), 'to the database');
  },
  lambda_inline(s) {
    new lambda.Function(s, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler',
      code: lambda.Code.fromInline("exports.handler = async () => 'ok';"), timeout: cdk.Duration.seconds(10) });
  },
  events_schedule(s) {
    const fn = new lambda.Function(s, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler',
      code: lambda.Code.fromInline("exports.handler = async () => 'ok';") });
    const rule = new events.Rule(s, 'Nightly', { schedule: events.Schedule.cron({ minute: '0', hour: '2' }) });
    rule.addTarget(new targets.LambdaFunction(fn));
  },
  rds_instance(s) {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    new rds.DatabaseInstance(s, 'Db', { vpc,
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16_8 }) });
  },
  rds_aurora(s) {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    new rds.DatabaseCluster(s, 'Cluster', { vpc,
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_8 }),
      writer: rds.ClusterInstance.provisioned('writer') });
  },
  efs_filesystem(s) {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    new efs.FileSystem(s, 'Fs', { vpc });
  },
  ecs_fargate_alb(s) {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    const cluster = new ecs.Cluster(s, 'Cluster', { vpc });
    const task = new ecs.FargateTaskDefinition(s, 'Task');
    task.addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx'), portMappings: [{ containerPort: 8080 }] });
    const svc = new ecs.FargateService(s, 'Web', { cluster, taskDefinition: task });
    const alb = new elbv2.ApplicationLoadBalancer(s, 'Alb', { vpc });
    alb.addListener('Http', { port: 80 }).addTargets('Web', { port: 8080, targets: [svc] });
  },
  asg_nlb(s) {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    // cdkpp's default image is the latest Amazon Linux 2023; aws-cdk-lib requires one.
    const asg = new autoscaling.AutoScalingGroup(s, 'Asg', { vpc, instanceType: new ec2.InstanceType('t3.small'),
      machineImage: ec2.MachineImage.latestAmazonLinux2023() });
    const nlb = new elbv2.NetworkLoadBalancer(s, 'Nlb', { vpc });
    nlb.addListener('Tcp', { port: 80 }).addTargets('Web', { port: 80, targets: [asg] });
  },
};

const [name, outdir] = process.argv.slice(2);
if (!cases[name] || !outdir) {
  console.error(`usage: parity_app.js CASE OUTDIR (cases: ${Object.keys(cases).join(' ')})`);
  process.exit(2);
}
const app = new cdk.App({ outdir, context: flags, analyticsReporting: false });
cases[name](new cdk.Stack(app, 'Parity'));
app.synth();
