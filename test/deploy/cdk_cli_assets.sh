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
command -v node >/dev/null || { echo "SKIP: node not installed"; exit 77; }
command -v moto_server >/dev/null || { echo "SKIP: moto_server not installed"; exit 77; }
cdk=${CDKPP_NPM_CACHE:-$HOME/.cache/cdkpp-npm}/node_modules/.bin/cdk
[ -x "$cdk" ] || { echo "SKIP: AWS CDK CLI not installed (the interop tests install it)"; exit 77; }
[ -x "$program" ] || { echo "SKIP: $program not built"; exit 77; }

rm -rf "$work" && mkdir -p "$work/asm" && cd "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$port" > moto.log 2>&1 &
moto=$!
trap 'kill -9 $moto 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break
  sleep 0.1
done
export HOME=$work AWS_ACCESS_KEY_ID=AKIDINTEROP AWS_SECRET_ACCESS_KEY=interop AWS_REGION=us-east-1
export AWS_ENDPOINT_URL=http://127.0.0.1:$port CDK_DISABLE_CLI_TELEMETRY=true
unset AWS_PROFILE

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
