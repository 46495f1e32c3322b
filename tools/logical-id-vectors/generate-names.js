#!/usr/bin/env node
// Generates test vectors for cdk::Names from aws-cdk-lib's Names.uniqueId and
// Names.uniqueResourceName. Each vector: the stack name, the construct ids
// below the stack, the options, and what aws-cdk-lib returns.
//
// Usage (see README.md):
//   CDK_NPM_DIR=/root/.cache/cdkpp-npm node tools/logical-id-vectors/generate-names.js \
//     > test/data/names_vectors.json
'use strict';

const path = require('path');
const npmDir = process.env.CDK_NPM_DIR || '/root/.cache/cdkpp-npm';
const load = (name) =>
  require(require.resolve(name, { paths: [path.join(npmDir, 'node_modules'), __dirname] }));

const cdk = load('aws-cdk-lib');
const { Construct } = load('constructs');

const rep = (s, n) => s.repeat(n);
const paths = [
  ['Bucket'],
  ['Vpc', 'Resource'],
  ['Service', 'TaskDef'],
  ['Web', 'Service', 'Service'],
  ['Db', 'Default', 'Cluster'],
  ['my-queue_1', 'Policy'],
  ['Resource', 'Resource'],
  [rep('Long', 40), rep('Path', 40)],
  ['A', 'B', 'C', 'D', 'E', 'F'],
];
const optionSets = [
  {},
  { maxLength: 64 },
  { maxLength: 32, separator: '-' },
  { maxLength: 80, separator: '_', allowedSpecialCharacters: '_-' },
  { maxLength: 17 },
];
const stackNames = ['Stack', 'prod-web-stack'];

const app = new cdk.App();
const out = [];
let n = 0;
for (const stackName of stackNames) {
  for (const p of paths) {
    const stack = new cdk.Stack(app, `S${n++}`, { stackName });
    let scope = stack;
    for (const id of p) scope = new Construct(scope, id);
    for (const o of optionSets) {
      out.push({
        stack_name: stackName, stack_id: stack.node.id, path: p, options: o,
        unique_id: cdk.Names.uniqueId(scope),
        unique_resource_name: cdk.Names.uniqueResourceName(scope, o),
      });
    }
  }
}
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
