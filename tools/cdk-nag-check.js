#!/usr/bin/env node
// Runs cdk-nag's AwsSolutions pack over CloudFormation templates, each loaded
// into an aws-cdk-lib app with CfnInclude, and honours the suppressions the
// templates carry in resource Metadata (cdk_nag.rules_to_suppress, the format
// cdk-nag 2 reads and cdk-nag 3 writes: an id suppresses all of that rule's
// findings on the resource unless applies_to names some of them).
//
//   CDK_NPM_DIR=~/.cache/cdkpp-npm node tools/cdk-nag-check.js T.template.json...
//
// Prints one JSON object: per template, the unsuppressed errors and warnings
// (rule id -> logical ids) and the count of suppressed findings.
const path = require('path');
const npm = process.env.CDK_NPM_DIR || path.join(process.env.HOME, '.cache', 'cdkpp-npm');
const need = (m) => require(path.join(npm, 'node_modules', m));
const cdk = need('aws-cdk-lib');
const { CfnInclude } = need('aws-cdk-lib/cloudformation-include');
const { AwsSolutionsChecks } = need('cdk-nag');
const fs = require('fs');

// "AwsSolutions-IAM5[Action::s3:*]" -> ["AwsSolutions-IAM5", "Action::s3:*"]
function split(ruleName) {
  const m = /^([^\[]+)(?:\[(.*)\])?$/.exec(ruleName);
  return [m[1], m[2]];
}

function suppressedBy(metadata, ruleName) {
  const entries = (((metadata || {}).cdk_nag || {}).rules_to_suppress) || [];
  const [id, finding] = split(ruleName);
  return entries.some((e) => {
    if (e.id === ruleName) return true;
    if (e.id !== id) return false;
    if (!e.applies_to) return true;
    return finding !== undefined && e.applies_to.includes(finding);
  });
}

function check(file) {
  const template = JSON.parse(fs.readFileSync(file, 'utf8'));
  const app = new cdk.App();
  const stack = new cdk.Stack(app, 'Stack');
  new CfnInclude(stack, 'Template', { templateFile: file });
  const report = new AwsSolutionsChecks(app).validateScope(app);
  const out = { errors: {}, warnings: {}, suppressed: 0, errorCount: 0, warningCount: 0 };
  for (const v of report.violations) {
    for (const r of v.violatingResources) {
      const parts = r.constructPath.split('/');
      const logicalId = parts[parts.indexOf('Template') + 1];
      const resource = (template.Resources || {})[logicalId] || {};
      if (suppressedBy(resource.Metadata, v.ruleName)) {
        out.suppressed++;
        continue;
      }
      const bucket = v.severity === 'error' ? out.errors : out.warnings;
      (bucket[v.ruleName] = bucket[v.ruleName] || []).push(logicalId);
      if (v.severity === 'error') out.errorCount++; else out.warningCount++;
    }
  }
  return out;
}

const result = {};
for (const file of process.argv.slice(2)) result[path.basename(file)] = check(file);
process.stdout.write(JSON.stringify(result, null, 1) + '\n');
