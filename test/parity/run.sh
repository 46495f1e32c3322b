#!/usr/bin/env bash
# Usage: run.sh PARITY_APP WORKDIR [CASE...]   (all cases when none given)
# Synthesizes every case with aws-cdk-lib (node) and with cdkpp, then compares.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
app=$(realpath "$1") work=$(realpath -m "$2"); shift 2
command -v node >/dev/null && command -v npm >/dev/null || { echo "SKIP: node/npm not installed"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: python3 not installed"; exit 77; }
cache=${CDKPP_NPM_CACHE:-$HOME/.cache/cdkpp-npm}
if [ ! -d "$cache/node_modules/aws-cdk-lib" ] || [ ! -d "$cache/node_modules/constructs" ]; then
  npm install --prefix "$cache" --no-audit --no-fund --loglevel=error aws-cdk-lib@2 constructs@10 >/dev/null \
    || { echo "SKIP: aws-cdk-lib is not in $cache and npm could not install it"; exit 77; }
fi
# CDK_VALIDATION=false: aws-cdk-lib 2.276 runs cfn-lint in synth and fails on
# its own defaults (rds: db.m5.large is not offered for postgres 16.8); the
# templates are what is compared here.
export NODE_PATH=$cache/node_modules CDK_DISABLE_CLI_TELEMETRY=true CDK_VALIDATION=false
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(s3_bucket sqs_queue sns_sqs vpc_default vpc_3groups security_group lambda_inline
                                 events_schedule rds_instance rds_aurora rds_instance_ported rds_aurora_ported efs_filesystem ecs_fargate_alb asg_nlb
                                 acm_certificate route53_records cloudwatch_alarm_dashboard ecr_repository
                                 logs_metric_filter secretsmanager_secret ssm_parameter sns_subscriptions sqs_fifo_dlq
                                 lambda_sqs_version_url events_ecs_task events_queue_topic servicediscovery_ecs
                                 cloudfront_s3 cloudfront_alb wafv2_alb ecs_scaling ecs_patterns_alb ecs_patterns_queue
                                 ecs_patterns_scheduled codebuild_project codepipeline_ecs codedeploy_ecs
                                 codedeploy_server iam_role asg_scheduled s3_assets_lambda pipelines_cdk nested_stack)
rm -rf "$work" && mkdir -p "$work"
echo "aws-cdk-lib $(node -p "require('aws-cdk-lib/package.json').version")"
pairs=()
for c in "${cases[@]}"; do
  mkdir -p "$work/$c"
  node "$here/parity_app.js" "$c" "$work/$c/cdk" >"$work/$c/cdk.log" 2>&1 || { cat "$work/$c/cdk.log"; echo "FAIL: aws-cdk-lib could not synthesize $c"; exit 1; }
  (cd "$work/$c" && "$app" -c case="$c" -c parity_dir="$here" synth --out "$work/$c/cdkpp" >"$work/$c/cdkpp.log" 2>&1) || { cat "$work/$c/cdkpp.log"; echo "FAIL: cdkpp could not synthesize $c"; exit 1; }
  pairs+=("$c=$work/$c/cdk/Parity.template.json,$work/$c/cdkpp/Parity.template.json")
done
python3 "$here/compare.py" --spec "$here/../../spec/aws-service-spec.json.gz" --known "$here/known.json" \
  --deliberate "$here/deliberate.json" --json "$work/findings.json" "${pairs[@]}"
# The port check a team runs (diff --template against aws-cdk-lib's template): what the first
# deploy would refuse. Only the default-mode database cases may have a refusal (their storage
# encryption, deliberate.json); the same apps ported with @cdkpp/core:awsCdkDefaults may not.
refusing=()
for c in "${cases[@]}"; do
  (cd "$work/$c" && "$app" -c case="$c" -c parity_dir="$here" diff Parity --template "$work/$c/cdk/Parity.template.json" \
     >"$work/$c/port-check.txt" 2>&1) || { cat "$work/$c/port-check.txt"; echo "FAIL: diff --template failed for $c"; exit 1; }
  n=$(grep -c "refused by deploy:" "$work/$c/port-check.txt" || true)
  [ "$n" = 0 ] || refusing+=("$c")
done
echo "port check: ${#cases[@]} cases, refused by deploy in: ${refusing[*]:-none}"
for c in "${refusing[@]}"; do
  case "$c" in
    rds_instance|rds_aurora) ;;
    *) grep "refused by deploy:" "$work/$c/port-check.txt"; echo "FAIL: $c's first deploy over aws-cdk-lib's stack would be refused"; exit 1 ;;
  esac
done
