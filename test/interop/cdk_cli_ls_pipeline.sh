#!/usr/bin/env bash
# Usage: cdk_cli_ls_pipeline.sh PIPELINE_APP WORKDIR
# The AWS CDK CLI lists a cross-region pipeline's support stack (artifact id
# "cross-region-stack-<account>:<region>", as the AWS CDK names it) and
# deploys it before the pipeline's stack (`cdk ls` lists dependencies first).
set -euo pipefail
app=$1
work=$2
source "$(dirname "$0")/cdk_cli.sh"
synth_into "$app" "$work"
listed=$(cdk_ls)
echo "$listed"
support='cross-region-stack-111111111111:us-east-1 (Delivery-support-us-east-1)'
expected=$(printf '%s\n' "$support" Delivery Us | sort)
[ "$(sort <<<"$listed")" = "$expected" ] || { echo "FAIL: expected the CLI to list:"; echo "$expected"; exit 1; }
# The support stack comes before the pipeline's stack, which depends on it.
support_line=$(grep -n -F "$support" <<<"$listed" | cut -d: -f1)
delivery_line=$(grep -n -x Delivery <<<"$listed" | cut -d: -f1)
[ "$support_line" -lt "$delivery_line" ] || { echo "FAIL: the support stack is listed after Delivery"; exit 1; }
echo "ok"
