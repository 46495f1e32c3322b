#!/usr/bin/env bash
# Usage: cdk_cli_ls.sh HELLO_BINARY WORKDIR
set -euo pipefail
hello=$1
work=$2
source "$(dirname "$0")/cdk_cli.sh"
synth_into "$hello" "$work" -c stage=prod
listed=$(cdk_ls)
echo "$listed"
[ "$listed" = "Hello" ] || { echo "FAIL: expected the CLI to list exactly Hello"; exit 1; }
# The CLI also runs our program itself as an app (CDK_OUTDIR, CDK_CONTEXT_JSON).
listed=$("$cdk" ls --app "$hello" --output via-cli --no-notices 2>&1)
[ "$listed" = "Hello" ] || { echo "FAIL: running the program through the CLI: $listed"; exit 1; }
[ -f via-cli/Hello.template.json ] || { echo "FAIL: the CLI-run synthesis wrote no template"; exit 1; }
echo "ok"
