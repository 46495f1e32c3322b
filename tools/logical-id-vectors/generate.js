#!/usr/bin/env node
// Generates logical-ID test vectors for cdkpp from the reference implementation
// in aws-cdk-lib. Each vector is a construct path below a Stack (leaf is a
// CfnResource of type AWS::S3::Bucket) and the logical ID aws-cdk-lib assigns.
//
// Usage (see README.md):
//   CDK_NPM_DIR=/root/.cache/cdkpp-npm node tools/logical-id-vectors/generate.js \
//     > test/data/logical_id_vectors.json
'use strict';

const path = require('path');
const npmDir = process.env.CDK_NPM_DIR || '/root/.cache/cdkpp-npm';
const load = (name) =>
  require(require.resolve(name, { paths: [path.join(npmDir, 'node_modules'), __dirname] }));

const cdk = load('aws-cdk-lib');
const { Construct } = load('constructs');

const rep = (s, n) => s.repeat(n);

// Each entry: the list of construct ids from just below the stack to the leaf.
const paths = [
  // single components
  ['Bucket'],
  ['MyBucket'],
  ['My-Bucket_1.x'],
  ['a'],
  ['Resource'],
  ['b1'],
  ['123Numeric'],
  ['with space'],
  ['Bücket'],
  ['Dots.And.Dashes-and_underscores'],
  // documented examples
  ['Vpc', 'Resource'],
  ['Vpc', 'PublicSubnet1', 'Subnet'],
  // Default components
  ['Default', 'Foo'],
  ['Foo', 'Default'],
  ['Default', 'Resource'],
  ['Default', 'Default', 'Bar'],
  ['Vpc', 'Default', 'Subnet'],
  ['Vpc', 'PublicSubnet1', 'Default'],
  ['Default', 'Vpc', 'Resource'],
  // Resource components
  ['Bucket', 'Resource'],
  ['Resource', 'Bucket'],
  ['Resource', 'Resource'],
  ['Topic', 'Resource', 'Policy'],
  ['A', 'B', 'Resource'],
  ['Queue', 'Resource', 'Resource'],
  ['FooResource', 'Resource'],
  ['Resource', 'FooResource'],
  // repeated components / dedupe (previous ends with current)
  ['Vpc', 'Vpc'],
  ['Vpc', 'Vpc', 'Subnet'],
  ['Vpc', 'Vpc', 'Vpc'],
  ['MyVpc', 'Vpc'],
  ['Vpc', 'MyVpc'],
  ['PublicSubnet', 'Subnet'],
  ['PublicSubnet', 'Subnet', 'Subnet'],
  ['AB', 'B', 'AB'],
  ['AB', 'B', 'C'],
  ['Stack', 'Stack', 'Resource'],
  ['My-Bucket', 'Bucket'],
  ['Bucket', 'My-Bucket'],
  ['Foo.x', 'x'],
  ['Subnet', 'Vpc', 'Subnet'],
  ['Cluster', 'cluster'],
  ['X', 'Y', 'X', 'Y'],
  // non-alphanumeric in multi-component paths
  ['My-Bucket_1.x', 'Policy'],
  ['my vpc', 'public subnet 1', 'route-table'],
  ['Stack:Name', 'Res(1)', 'Res[2]'],
  ['Bücket', 'Pölicy'],
  // very long ids
  [rep('A', 255)],
  [rep('A', 256)],
  [rep('Ab', 150)],
  [rep('B', 241)],
  [rep('a-', 200)],
  [rep('C', 100), rep('D', 100), rep('E', 100)],
  [rep('F', 240), 'G'],
  [rep('H', 239), 'IJ'],
  ['Short', rep('L', 300)],
  [rep('M', 120), 'Resource', rep('N', 130)],
  // nesting 2-6 levels
  ['L1', 'L2'],
  ['L1', 'L2', 'L3'],
  ['L1', 'L2', 'L3', 'L4'],
  ['L1', 'L2', 'L3', 'L4', 'L5'],
  ['L1', 'L2', 'L3', 'L4', 'L5', 'L6'],
  ['Analytics', 'Vpc', 'PrivateSubnet2', 'RouteTable', 'DefaultRoute'],
  ['Lb', 'Https', 'Web', 'Group', 'Resource'],
  ['Db', 'Cluster', 'Instance1', 'Resource'],
  ['Web', 'ASG', 'LaunchConfig'],
  ['Vpc', 'PublicSubnet1', 'EIP'],
  ['Vpc', 'PublicSubnet1', 'NATGateway'],
  ['Vpc', 'IGW'],
  ['Vpc', 'VPCGW'],
];

const app = new cdk.App();
const out = [];
paths.forEach((p, i) => {
  // One stack per vector so sibling ids never collide.
  const stack = new cdk.Stack(app, `S${i}`);
  let scope = stack;
  for (const id of p.slice(0, -1)) scope = new Construct(scope, id);
  const res = new cdk.CfnResource(scope, p[p.length - 1], { type: 'AWS::S3::Bucket' });
  const a = stack.resolve(res.logicalId);
  const b = stack.getLogicalId(res);
  if (a !== b) throw new Error(`mismatch for ${p.join('/')}: ${a} vs ${b}`);
  out.push({ path: p, logical_id: a });
});

const expect = { 'Vpc/Resource': 'Vpc8378EB38', 'Vpc/PublicSubnet1/Subnet': 'VpcPublicSubnet1Subnet5C2D37C4' };
for (const [k, v] of Object.entries(expect)) {
  const got = out.find((o) => o.path.join('/') === k);
  if (!got || got.logical_id !== v) throw new Error(`expected ${k} -> ${v}, got ${got && got.logical_id}`);
}

process.stdout.write(JSON.stringify(out, null, 2) + '\n');
