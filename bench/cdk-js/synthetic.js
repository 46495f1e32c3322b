// bench/synthetic (synthetic.hpp) written with aws-cdk-lib: stack Net with a
// Vpc, stacks App1..App<N-1> using it, each filled with units of
// SecurityGroup, Bucket, AutoScalingGroup, internal NetworkLoadBalancer and
// DatabaseInstance up to exactly R resources, then single security groups.
//   CDK_OUTDIR=out node bench/cdk-js/synthetic.js -c stacks=20 -c resources_per_stack=500
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const s3 = require('aws-cdk-lib/aws-s3');
const rds = require('aws-cdk-lib/aws-rds');
const autoscaling = require('aws-cdk-lib/aws-autoscaling');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const { newApp, arg } = require('./common');

const stacks = Number(arg('stacks', '20'));
const perStack = Number(arg('resources_per_stack', '500'));

function countResources(scope) {
  return scope.node.findAll().filter((c) => cdk.CfnResource.isCfnResource(c)).length;
}

function addUnit(stack, n, vpc, shared) {
  const sg = new ec2.SecurityGroup(stack, `Sg${n}`, { vpc });
  sg.addIngressRule(ec2.Peer.ipv4('10.0.0.0/8'), ec2.Port.tcp(443), 'HTTPS from the corporate network');
  const bucket = new s3.Bucket(stack, `Bucket${n}`, {
    encryption: s3.BucketEncryption.S3_MANAGED, enforceSSL: true, removalPolicy: cdk.RemovalPolicy.RETAIN,
  });
  const web = new autoscaling.AutoScalingGroup(stack, `Web${n}`, {
    vpc,
    instanceType: new ec2.InstanceType('t3.small'),
    machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    minCapacity: 1,
    maxCapacity: 2,
    requireImdsv2: true,
    blockDevices: [{
      deviceName: '/dev/xvda',
      volume: autoscaling.BlockDeviceVolume.ebs(8, { encrypted: true, volumeType: autoscaling.EbsDeviceVolumeType.GP3 }),
    }],
  });
  (shared || bucket).grantRead(web);
  const lb = new elbv2.NetworkLoadBalancer(stack, `Lb${n}`, { vpc });
  lb.connections.allowFrom(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(80));
  lb.addListener('Http', { port: 80 }).addTargets('Web', { port: 80, targets: [web] });
  web.connections.allowFrom(lb, ec2.Port.tcp(80));
  const db = new rds.DatabaseInstance(stack, `Db${n}`, {
    engine: rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_0_43 }),
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    instanceType: new ec2.InstanceType('t4g.micro'),
    allocatedStorage: 20,
    storageType: rds.StorageType.GP3,
    storageEncrypted: true,
  });
  db.connections.allowDefaultPortFrom(web);
  return bucket;
}

const app = newApp();
let vpc;
let previousFirstBucket;
for (let i = 0; i < stacks; ++i) {
  const stack = new cdk.Stack(app, i === 0 ? 'Net' : `App${i}`);
  if (i === 0) {
    vpc = new ec2.Vpc(stack, 'Vpc', {
      maxAzs: 2,
      natGateways: 1,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
    });
  }
  let count = countResources(stack);
  let firstBucket;
  let unitCost = 0;
  for (let n = 1; ; ++n) {
    if (unitCost > 0 && count + unitCost > perStack) break;
    const bucket = addUnit(stack, n, vpc, previousFirstBucket);
    if (!firstBucket) {
      firstBucket = bucket;
      unitCost = countResources(stack) - count;
      if (count + unitCost > perStack) throw new Error('resources_per_stack is smaller than one unit of constructs');
    }
    count += unitCost;
  }
  for (let n = 1; count < perStack; ++n, ++count) new ec2.SecurityGroup(stack, `Pad${n}`, { vpc });
  const real = countResources(stack);
  if (real !== perStack) throw new Error(`stack ${stack.node.path} has ${real} resources, not ${perStack}`);
  previousFirstBucket = firstBucket;
}
app.synth();
