// samples/matomo written with aws-cdk-lib: the same resources, for bench/run.sh.
//   CDK_OUTDIR=out node bench/cdk-js/matomo.js
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const efs = require('aws-cdk-lib/aws-efs');
const rds = require('aws-cdk-lib/aws-rds');
const autoscaling = require('aws-cdk-lib/aws-autoscaling');
const route53 = require('aws-cdk-lib/aws-route53');
const targets = require('aws-cdk-lib/aws-route53-targets');
const acm = require('aws-cdk-lib/aws-certificatemanager');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const { newApp } = require('./common');

const settings = {
  region: 'eu-west-2',
  zone: 'example.com',
  domain: 'analytics.example.com',
  sshCidrs: ['203.0.113.10/32'],
};

const app = newApp();
const stack = new cdk.Stack(app, 'Matomo', {
  env: { region: settings.region },
  description: 'Matomo analytics: NLB, EC2 web tier on EFS, MySQL',
});
cdk.Tags.of(stack).add('app', 'matomo');

const vpc = new ec2.Vpc(stack, 'Vpc', {
  maxAzs: 2,
  natGateways: 1,
  subnetConfiguration: [
    { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
    { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
    { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 28 },
  ],
  flowLogs: { FlowLogs: {} },
});

const files = new efs.FileSystem(stack, 'Files', {
  vpc,
  vpcSubnets: { subnetGroupName: 'app' },
  encrypted: true,
  enableAutomaticBackups: true,
});

const db = new rds.DatabaseInstance(stack, 'Database', {
  engine: rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_0_43 }),
  vpc,
  vpcSubnets: { subnetGroupName: 'data' },
  instanceType: new ec2.InstanceType('t4g.micro'),
  allocatedStorage: 20,
  storageType: rds.StorageType.GP3,
  storageEncrypted: true,
  databaseName: 'matomo',
  backupRetention: cdk.Duration.days(7),
  deletionProtection: true,
  manageMasterUserPassword: true,
});

const boot = ec2.UserData.forLinux();
boot.addCommands(
  'dnf install -y amazon-efs-utils httpd php php-mysqlnd',
  'mkdir -p /var/www/html',
  `mount -t efs -o tls ${files.fileSystemId}:/ /var/www/html`,
  'systemctl enable --now httpd');
const web = new autoscaling.AutoScalingGroup(stack, 'Web', {
  vpc,
  instanceType: new ec2.InstanceType('t3.small'),
  machineImage: ec2.MachineImage.latestAmazonLinux2023(),
  userData: boot,
  vpcSubnets: { subnetGroupName: 'app' },
  minCapacity: 1,
  maxCapacity: 2,
  requireImdsv2: true,
  blockDevices: [{
    deviceName: '/dev/xvda',
    volume: autoscaling.BlockDeviceVolume.ebs(8, { encrypted: true, volumeType: autoscaling.EbsDeviceVolumeType.GP3 }),
  }],
});
files.connections.allowDefaultPortFrom(web);
db.connections.allowDefaultPortFrom(web);
db.secret.grantRead(web);

const zone = new route53.PublicHostedZone(stack, 'Zone', { zoneName: settings.zone });
const cert = new acm.Certificate(stack, 'Certificate', {
  domainName: settings.domain,
  validation: acm.CertificateValidation.fromDns(zone),
});

const lb = new elbv2.NetworkLoadBalancer(stack, 'Lb', { vpc, internetFacing: true });
lb.connections.allowFromAnyIpv4(ec2.Port.tcp(443));
lb.addListener('Https', { port: 443, certificates: [elbv2.ListenerCertificate.fromArn(cert.certificateArn)] })
  .addTargets('Web', { port: 80, targets: [web] });
for (const cidr of settings.sshCidrs) lb.connections.allowFrom(ec2.Peer.ipv4(cidr), ec2.Port.tcp(22));
lb.addListener('Ssh', { port: 22 }).addTargets('Ssh', { port: 22, targets: [web] });
web.connections.allowFrom(lb, ec2.Port.tcp(80));
web.connections.allowFrom(lb, ec2.Port.tcp(22));

let record = settings.domain;
if (record.length > settings.zone.length && record.endsWith('.' + settings.zone))
  record = record.slice(0, record.length - settings.zone.length - 1);
new route53.ARecord(stack, 'Alias', {
  zone, recordName: record, target: route53.RecordTarget.fromAlias(new targets.LoadBalancerTarget(lb)),
});

new cdk.CfnOutput(stack, 'Url', { value: `https://${settings.domain}/` });
new cdk.CfnOutput(stack, 'LoadBalancerDns', { value: lb.loadBalancerDnsName });
app.synth();
