// The aws-cdk-lib side of every parity case: `node parity_app.js CASE OUTDIR`
// writes OUTDIR/Parity.template.json. The app gets the feature flags that
// `cdk init` writes into a new project's cdk.json: aws-cdk-lib's own
// recommended-feature-flags.json. Keep each case in step with parity_app.cpp.
const path = require('path');
const cdk = require('aws-cdk-lib');
const acm = require('aws-cdk-lib/aws-certificatemanager');
const appscaling = require('aws-cdk-lib/aws-applicationautoscaling');
const autoscaling = require('aws-cdk-lib/aws-autoscaling');
const cloudfront = require('aws-cdk-lib/aws-cloudfront');
const origins = require('aws-cdk-lib/aws-cloudfront-origins');
const cloudwatch = require('aws-cdk-lib/aws-cloudwatch');
const cwActions = require('aws-cdk-lib/aws-cloudwatch-actions');
const codebuild = require('aws-cdk-lib/aws-codebuild');
const codedeploy = require('aws-cdk-lib/aws-codedeploy');
const codepipeline = require('aws-cdk-lib/aws-codepipeline');
const cpActions = require('aws-cdk-lib/aws-codepipeline-actions');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecr = require('aws-cdk-lib/aws-ecr');
const ecs = require('aws-cdk-lib/aws-ecs');
const ecsPatterns = require('aws-cdk-lib/aws-ecs-patterns');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const efs = require('aws-cdk-lib/aws-efs');
const events = require('aws-cdk-lib/aws-events');
const targets = require('aws-cdk-lib/aws-events-targets');
const iam = require('aws-cdk-lib/aws-iam');
const lambda = require('aws-cdk-lib/aws-lambda');
const eventSources = require('aws-cdk-lib/aws-lambda-event-sources');
const logs = require('aws-cdk-lib/aws-logs');
const pipelines = require('aws-cdk-lib/pipelines');
const rds = require('aws-cdk-lib/aws-rds');
const route53 = require('aws-cdk-lib/aws-route53');
const r53targets = require('aws-cdk-lib/aws-route53-targets');
const s3 = require('aws-cdk-lib/aws-s3');
const s3assets = require('aws-cdk-lib/aws-s3-assets');
const secretsmanager = require('aws-cdk-lib/aws-secretsmanager');
const servicediscovery = require('aws-cdk-lib/aws-servicediscovery');
const sns = require('aws-cdk-lib/aws-sns');
const subs = require('aws-cdk-lib/aws-sns-subscriptions');
const sqs = require('aws-cdk-lib/aws-sqs');
const ssm = require('aws-cdk-lib/aws-ssm');
const wafv2 = require('aws-cdk-lib/aws-wafv2');

const flags = require(path.join(path.dirname(require.resolve('aws-cdk-lib/package.json')), 'recommended-feature-flags.json'));

const ENV = { account: '111111111111', region: 'eu-west-1' };
const CONNECTION = 'arn:aws:codestar-connections:eu-west-1:111111111111:connection/00000000-0000-0000-0000-000000000000';

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
  // The same apps, ported to cdkpp with @cdkpp/core:awsCdkDefaults (parity_app.cpp).
  rds_instance_ported(s) { cases.rds_instance(s); },
  rds_aurora_ported(s) { cases.rds_aurora(s); },
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
  // ---- one case per remaining L2 family (issue 18) ----
  acm_certificate(s) {
    const zone = new route53.HostedZone(s, 'Zone', { zoneName: 'example.com' });
    new acm.Certificate(s, 'Cert', { domainName: 'www.example.com', validation: acm.CertificateValidation.fromDns(zone) });
  },
  route53_records(s) {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    const alb = new elbv2.ApplicationLoadBalancer(s, 'Alb', { vpc, internetFacing: true });
    alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(200, { contentType: 'text/plain', messageBody: 'ok' }) });
    const zone = new route53.HostedZone(s, 'Zone', { zoneName: 'example.com' });
    new route53.ARecord(s, 'Www', { zone, recordName: 'www', target: route53.RecordTarget.fromAlias(new r53targets.LoadBalancerTarget(alb)) });
    new route53.CnameRecord(s, 'Docs', { zone, recordName: 'docs', domainName: 'example.github.io' });
  },
  cloudwatch_alarm_dashboard(s) {
    const topic = new sns.Topic(s, 'Alerts');
    const errors = new cloudwatch.Metric({ namespace: 'Parity', metricName: 'Errors', statistic: 'Sum', period: cdk.Duration.minutes(1) });
    const alarm = new cloudwatch.Alarm(s, 'HighErrors', { metric: errors, threshold: 5, evaluationPeriods: 2 });
    alarm.addAlarmAction(new cwActions.SnsAction(topic));
    const dashboard = new cloudwatch.Dashboard(s, 'Ops', { dashboardName: 'parity-ops' });
    dashboard.addWidgets(new cloudwatch.GraphWidget({ title: 'Errors', left: [errors], width: 12 }));
  },
  ecr_repository(s) {
    const repo = new ecr.Repository(s, 'Images', { lifecycleRules: [
      { tagStatus: ecr.TagStatus.UNTAGGED, maxImageAge: cdk.Duration.days(14) },
      { maxImageCount: 50 }] });
    const puller = new iam.Role(s, 'Puller', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    repo.grantPull(puller);
  },
  logs_metric_filter(s) {
    const group = new logs.LogGroup(s, 'AppLogs', { retention: logs.RetentionDays.ONE_MONTH });
    new logs.MetricFilter(s, 'Errors', { logGroup: group, filterPattern: logs.FilterPattern.literal('?ERROR ?Exception'),
      metricNamespace: 'Parity', metricName: 'Errors' });
  },
  secretsmanager_secret(s) {
    const secret = new secretsmanager.Secret(s, 'ApiKey', { generateSecretString: {
      secretStringTemplate: '{"username":"app"}', generateStringKey: 'password', excludeCharacters: '"@/\\' } });
    const app = new iam.Role(s, 'App', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    secret.grantRead(app);
  },
  nested_stack(s) {
    const bucket = new s3.Bucket(s, 'Bucket');
    const nested = new cdk.NestedStack(s, 'Queues');
    const queue = new sqs.CfnQueue(nested, 'Queue', { queueName: bucket.bucketName });
    new ssm.StringParameter(s, 'QueueArn', { parameterName: '/parity/queue-arn', stringValue: queue.attrArn });
  },
  ssm_parameter(s) {
    const param = new ssm.StringParameter(s, 'ApiUrl', { parameterName: '/parity/api-url', stringValue: 'https://api.example.com' });
    const reader = new iam.Role(s, 'Reader', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    param.grantRead(reader);
  },
  sns_subscriptions(s) {
    const topic = new sns.Topic(s, 'Alerts');
    topic.addSubscription(new subs.EmailSubscription('ops@example.com'));
    const fn = new lambda.Function(s, 'Notifier', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler',
      code: lambda.Code.fromInline("exports.handler = async () => 'ok';") });
    topic.addSubscription(new subs.LambdaSubscription(fn));
  },
  sqs_fifo_dlq(s) {
    const dlq = new sqs.Queue(s, 'JobsDlq', { fifo: true, retentionPeriod: cdk.Duration.days(14) });
    new sqs.Queue(s, 'Jobs', { fifo: true, contentBasedDeduplication: true,
      deadLetterQueue: { queue: dlq, maxReceiveCount: 5 } });
  },
  lambda_sqs_version_url(s) {
    const jobs = new sqs.Queue(s, 'Jobs', { visibilityTimeout: cdk.Duration.seconds(60) });
    const fn = new lambda.Function(s, 'Worker', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler',
      code: lambda.Code.fromInline("exports.handler = async () => 'ok';"), timeout: cdk.Duration.seconds(30) });
    fn.addEventSource(new eventSources.SqsEventSource(jobs, { batchSize: 5 }));
    const v1 = new lambda.Version(s, 'V1', { lambda: fn });
    new lambda.Alias(s, 'Live', { aliasName: 'live', version: v1 });
    fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM });
  },
  events_ecs_task(s) {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    const cluster = new ecs.Cluster(s, 'Cluster', { vpc });
    const task = new ecs.FargateTaskDefinition(s, 'Report');
    task.addContainer('report', { image: ecs.ContainerImage.fromRegistry('busybox'), command: ['echo', 'report'] });
    const rule = new events.Rule(s, 'Nightly', { schedule: events.Schedule.cron({ minute: '0', hour: '3' }) });
    rule.addTarget(new targets.EcsTask({ cluster, taskDefinition: task }));
  },
  events_queue_topic(s) {
    const queue = new sqs.Queue(s, 'Stopped');
    const topic = new sns.Topic(s, 'Alerts');
    const rule = new events.Rule(s, 'TaskStopped', { eventPattern: { source: ['aws.ecs'], detailType: ['ECS Task State Change'] } });
    rule.addTarget(new targets.SqsQueue(queue));
    rule.addTarget(new targets.SnsTopic(topic));
  },
  servicediscovery_ecs(s) {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    const ns = new servicediscovery.PrivateDnsNamespace(s, 'Ns', { name: 'internal', vpc });
    const cluster = new ecs.Cluster(s, 'Cluster', { vpc });
    const task = new ecs.FargateTaskDefinition(s, 'Task');
    task.addContainer('api', { image: ecs.ContainerImage.fromRegistry('nginx'), portMappings: [{ containerPort: 8080 }] });
    new ecs.FargateService(s, 'Api', { cluster, taskDefinition: task, cloudMapOptions: { name: 'api', cloudMapNamespace: ns } });
  },
  cloudfront_s3(s) {
    const bucket = new s3.Bucket(s, 'Assets');
    new cloudfront.Distribution(s, 'Cdn', { defaultBehavior: { origin: origins.S3BucketOrigin.withOriginAccessControl(bucket) } });
  },
  cloudfront_alb(s) {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    const alb = new elbv2.ApplicationLoadBalancer(s, 'Alb', { vpc, internetFacing: true });
    alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(200, { contentType: 'text/plain', messageBody: 'ok' }) });
    new cloudfront.Distribution(s, 'Cdn', { defaultBehavior: { origin: new origins.LoadBalancerV2Origin(alb) } });
  },
  wafv2_alb(s) {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    const alb = new elbv2.ApplicationLoadBalancer(s, 'Alb', { vpc, internetFacing: true });
    alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(200, { contentType: 'text/plain', messageBody: 'ok' }) });
    const acl = new wafv2.CfnWebACL(s, 'Acl', { scope: 'REGIONAL', defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'Acl', sampledRequestsEnabled: true } });
    // The AWS CDK has no L2 association: the L1 is what a CDK app writes.
    new wafv2.CfnWebACLAssociation(s, 'AlbWaf', { resourceArn: alb.loadBalancerArn, webAclArn: acl.attrArn });
  },
  ecs_scaling(s) {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    const cluster = new ecs.Cluster(s, 'Cluster', { vpc });
    const task = new ecs.FargateTaskDefinition(s, 'Task');
    task.addContainer('worker', { image: ecs.ContainerImage.fromRegistry('busybox') });
    const svc = new ecs.FargateService(s, 'Worker', { cluster, taskDefinition: task });
    const jobs = new sqs.Queue(s, 'Jobs');
    const scaling = svc.autoScaleTaskCount({ minCapacity: 1, maxCapacity: 10 });
    scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    scaling.scaleOnMetric('Backlog', { metric: jobs.metricApproximateNumberOfMessagesVisible(),
      scalingSteps: [{ upper: 0, change: -1 }, { lower: 100, change: +1 }, { lower: 500, change: +5 }],
      adjustmentType: autoscaling.AdjustmentType.CHANGE_IN_CAPACITY });
  },
  ecs_patterns_alb(s) {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    const cluster = new ecs.Cluster(s, 'Cluster', { vpc });
    new ecsPatterns.ApplicationLoadBalancedFargateService(s, 'Web', { cluster,
      taskImageOptions: { image: ecs.ContainerImage.fromRegistry('nginx') } });
  },
  ecs_patterns_queue(s) {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    const cluster = new ecs.Cluster(s, 'Cluster', { vpc });
    new ecsPatterns.QueueProcessingFargateService(s, 'Worker', { cluster,
      image: ecs.ContainerImage.fromRegistry('busybox'), minScalingCapacity: 1, maxScalingCapacity: 4 });
  },
  ecs_patterns_scheduled(s) {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    const cluster = new ecs.Cluster(s, 'Cluster', { vpc });
    new ecsPatterns.ScheduledFargateTask(s, 'Report', { cluster,
      schedule: appscaling.Schedule.cron({ minute: '0', hour: '3' }),
      scheduledFargateTaskImageOptions: { image: ecs.ContainerImage.fromRegistry('busybox'), command: ['echo', 'report'] } });
  },
  codebuild_project(s) {
    new codebuild.PipelineProject(s, 'Build', { buildSpec: codebuild.BuildSpec.fromObject({ version: '0.2',
      phases: { build: { commands: ['make test'] } } }) });
  },
  codepipeline_ecs(s) {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    const cluster = new ecs.Cluster(s, 'Cluster', { vpc });
    const task = new ecs.FargateTaskDefinition(s, 'Task');
    task.addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx'), portMappings: [{ containerPort: 80 }] });
    const svc = new ecs.FargateService(s, 'Web', { cluster, taskDefinition: task });
    const sources = new s3.Bucket(s, 'Sources', { versioned: true });
    const project = new codebuild.PipelineProject(s, 'Build', { buildSpec: codebuild.BuildSpec.fromObject({ version: '0.2',
      phases: { build: { commands: ['make image'] } }, artifacts: { files: ['imagedefinitions.json'] } }) });
    const source = new codepipeline.Artifact('Source');
    const built = new codepipeline.Artifact('Built');
    const pipeline = new codepipeline.Pipeline(s, 'Pipeline');
    pipeline.addStage({ stageName: 'Source', actions: [new cpActions.S3SourceAction({ actionName: 'S3', bucket: sources,
      bucketKey: 'app/source.zip', output: source })] });
    pipeline.addStage({ stageName: 'Build', actions: [new cpActions.CodeBuildAction({ actionName: 'Build', project,
      input: source, outputs: [built] })] });
    pipeline.addStage({ stageName: 'Deploy', actions: [new cpActions.EcsDeployAction({ actionName: 'Deploy', service: svc,
      input: built })] });
  },
  codedeploy_ecs(s) {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    const cluster = new ecs.Cluster(s, 'Cluster', { vpc });
    const task = new ecs.FargateTaskDefinition(s, 'Task');
    task.addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx'), portMappings: [{ containerPort: 80 }] });
    const svc = new ecs.FargateService(s, 'Web', { cluster, taskDefinition: task,
      deploymentController: { type: ecs.DeploymentControllerType.CODE_DEPLOY } });
    const alb = new elbv2.ApplicationLoadBalancer(s, 'Lb', { vpc });
    const prod = alb.addListener('Prod', { port: 80 });
    const blue = prod.addTargets('Blue', { port: 80, targets: [svc] });
    const green = new elbv2.ApplicationTargetGroup(s, 'Green', { vpc, port: 80, targetType: elbv2.TargetType.IP });
    const test = alb.addListener('Test', { port: 8080, defaultTargetGroups: [green] });
    new codedeploy.EcsDeploymentGroup(s, 'BlueGreen', { service: svc,
      blueGreenDeploymentConfig: { blueTargetGroup: blue, greenTargetGroup: green, listener: prod, testListener: test } });
  },
  codedeploy_server(s) {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    const asg = new autoscaling.AutoScalingGroup(s, 'Asg', { vpc, instanceType: new ec2.InstanceType('t3.small'),
      machineImage: ec2.MachineImage.latestAmazonLinux2023() });
    new codedeploy.ServerDeploymentGroup(s, 'Deploy', { autoScalingGroups: [asg] });
  },
  iam_role(s) {
    const app = new iam.Role(s, 'App', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole')] });
    app.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::parity-data/*'] }));
    const deployer = new iam.Role(s, 'Deployer', { assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com') });
    app.grantPassRole(deployer);
  },
  s3_assets_lambda(s) {
    const bundle = new s3assets.Asset(s, 'Bundle', { path: path.join(__dirname, 'assets', 'bundle.sh') });
    const reader = new iam.Role(s, 'Reader', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
    bundle.grantRead(reader);
    new lambda.Function(s, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, 'assets', 'fn')) });
  },
  // CDK Pipelines: the pipeline stack and the deployed stack need an environment (ENV).
  pipelines_cdk(s) {
    const stage = new cdk.Stage(s.node.scope, 'Prod', { env: ENV });
    new sqs.Queue(new cdk.Stack(stage, 'App'), 'Queue');
    const pipeline = new pipelines.CodePipeline(s, 'Pipeline', { synth: new pipelines.ShellStep('Synth', {
      input: pipelines.CodePipelineSource.connection('acme/infra', 'main', { connectionArn: CONNECTION }),
      commands: ['make synth'] }) });
    pipeline.addStage(stage);
  },
  asg_scheduled(s) {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    const asg = new autoscaling.AutoScalingGroup(s, 'Asg', { vpc, instanceType: new ec2.InstanceType('t3.small'),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(), minCapacity: 1, maxCapacity: 4 });
    asg.scaleOnSchedule('MorningUp', { schedule: autoscaling.Schedule.cron({ minute: '0', hour: '8', weekDay: 'MON-FRI' }), minCapacity: 2 });
    asg.scaleOnSchedule('EveningDown', { schedule: autoscaling.Schedule.cron({ minute: '0', hour: '20', weekDay: 'MON-FRI' }), minCapacity: 1 });
  },
};

const [name, outdir] = process.argv.slice(2);
if (!cases[name] || !outdir) {
  console.error(`usage: parity_app.js CASE OUTDIR (cases: ${Object.keys(cases).join(' ')})`);
  process.exit(2);
}
const app = new cdk.App({ outdir, context: flags, analyticsReporting: false });
cases[name](new cdk.Stack(app, 'Parity', name.startsWith('pipelines') ? { env: ENV } : {}));
app.synth();
