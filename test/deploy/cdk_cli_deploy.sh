#!/usr/bin/env bash
# Interoperability: the official AWS CDK CLI deploys a cdkpp cloud assembly to
# moto (--method=direct), and cdkpp's own diff and destroy work on the stack it
# made. Usage: cdk_cli_deploy.sh HELLO_BINARY WORKDIR
# Exit 77 (skipped) without node, moto_server or the CLI that the interop tests
# install into ${CDKPP_NPM_CACHE:-~/.cache/cdkpp-npm}.
set -euo pipefail
hello=$1
work=$2
command -v node >/dev/null || { echo "SKIP: node not installed"; exit 77; }
command -v moto_server >/dev/null || { echo "SKIP: moto_server not installed"; exit 77; }
cdk=${CDKPP_NPM_CACHE:-$HOME/.cache/cdkpp-npm}/node_modules/.bin/cdk
[ -x "$cdk" ] || { echo "SKIP: AWS CDK CLI not installed (the interop tests install it)"; exit 77; }
[ -x "$hello" ] || { echo "SKIP: $hello not built"; exit 77; }

rm -rf "$work" && mkdir -p "$work" && cd "$work"
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

"$hello" synth --out assembly > /dev/null
"$cdk" deploy --app assembly --method=direct --require-approval never --no-notices > cdk-deploy.txt 2>&1 ||
  { cat cdk-deploy.txt; echo "FAIL: cdk deploy of the cdkpp assembly"; exit 1; }
grep -q "Hello.QueueUrl = " cdk-deploy.txt || { cat cdk-deploy.txt; echo "FAIL: no outputs from cdk deploy"; exit 1; }

diff_out=$("$hello" diff --fail)
echo "$diff_out" | grep -q "There were no differences" ||
  { echo "$diff_out"; echo "FAIL: cdkpp diff sees changes in what the CDK CLI deployed"; exit 1; }
"$hello" destroy --force > destroy.txt 2>&1 || { cat destroy.txt; echo "FAIL: cdkpp destroy"; exit 1; }
grep -q "Hello: destroyed" destroy.txt || { cat destroy.txt; echo "FAIL: stack not destroyed"; exit 1; }
echo "ok"
