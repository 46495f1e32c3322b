#!/usr/bin/env bash
# Interoperability: the official AWS CDK CLI deploys a cdkpp cloud assembly to
# moto (--method=direct), and cdkpp's own diff and destroy work on the stack it
# made. Usage: cdk_cli_deploy.sh HELLO_BINARY WORKDIR
# Exit 77 (skipped) without node, moto_server or the CLI that the interop tests
# install into ${CDKPP_NPM_CACHE:-~/.cache/cdkpp-npm}.
set -euo pipefail
hello=$1
work=$2
source "$(dirname "${BASH_SOURCE[0]}")/cdk_cli_moto.sh"
cdk_cli_moto "$hello" "$work"

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
