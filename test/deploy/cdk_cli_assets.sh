#!/usr/bin/env bash
# Interoperability of the bootstrap and of asset manifests: cdkpp's `bootstrap`
# makes CDKToolkit in moto, then the official AWS CDK CLI deploys a hand-made
# assembly with a file asset (AWS CDK schema) into it; the file must land in
# the bucket under its hash and the stack must be created.
# Usage: cdk_cli_assets.sh CDKPP_PROGRAM WORKDIR. Exit 77 (skipped) without
# node, moto_server or the CLI that the interop tests install.
set -euo pipefail
program=$1
work=$2
source "$(dirname "${BASH_SOURCE[0]}")/cdk_cli_moto.sh"
cdk_cli_moto "$program" "$work"
mkdir -p asm

hash=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
echo "payload" > "asm/asset.$hash.txt"
cat > asm/Files.assets.json <<JSON
{"version": "36.0.0",
 "files": {"$hash": {"source": {"path": "asset.$hash.txt", "packaging": "file"},
   "destinations": {"current_account-current_region": {
     "bucketName": "cdk-hnb659fds-assets-\${AWS::AccountId}-\${AWS::Region}", "objectKey": "$hash.txt"}}}},
 "dockerImages": {}}
JSON
cat > asm/Files.template.json <<'JSON'
{"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}
JSON
cat > asm/manifest.json <<'JSON'
{"version": "36.0.0",
 "artifacts": {
  "Files.assets": {"type": "cdk:asset-manifest",
    "properties": {"file": "Files.assets.json", "requiresBootstrapStackVersion": 6,
                   "bootstrapStackVersionSsmParameter": "/cdk-bootstrap/hnb659fds/version"}},
  "Files": {"type": "aws:cloudformation:stack", "environment": "aws://unknown-account/unknown-region",
    "properties": {"templateFile": "Files.template.json"},
    "dependencies": ["Files.assets"], "displayName": "Files"}}}
JSON

"$program" bootstrap > bootstrap.txt 2>&1 || { cat bootstrap.txt; echo "FAIL: cdkpp bootstrap"; exit 1; }
"$cdk" deploy --app asm --method=direct --require-approval never --no-notices > cdk-deploy.txt 2>&1 ||
  { cat cdk-deploy.txt; echo "FAIL: cdk deploy of an assembly with a file asset"; exit 1; }
python3 - "$port" "$hash" <<'PY' || { cat cdk-deploy.txt; echo "FAIL: the asset or the stack is missing"; exit 1; }
import sys, boto3
port, digest = sys.argv[1], sys.argv[2]
kw = dict(endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1")
body = boto3.client("s3", **kw).get_object(Bucket="cdk-hnb659fds-assets-123456789012-us-east-1",
                                           Key=f"{digest}.txt")["Body"].read()
assert body == b"payload\n", body
status = boto3.client("cloudformation", **kw).describe_stacks(StackName="Files")["Stacks"][0]["StackStatus"]
assert status == "CREATE_COMPLETE", status
PY
echo "ok"
