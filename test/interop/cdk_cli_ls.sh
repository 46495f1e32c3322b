#!/usr/bin/env bash
# Usage: cdk_cli_ls.sh HELLO_BINARY WORKDIR
set -euo pipefail
hello=$1
work=$2
command -v npm >/dev/null && command -v node >/dev/null || { echo "SKIP: node/npm not installed"; exit 77; }
cache=${CDKPP_NPM_CACHE:-$HOME/.cache/cdkpp-npm}
cdk=$cache/node_modules/.bin/cdk
if [ ! -x "$cdk" ]; then
  npm install --prefix "$cache" --no-audit --no-fund --loglevel=error aws-cdk@2 >/dev/null
fi
rm -rf "$work" && mkdir -p "$work" && cd "$work"
"$hello" -c stage=prod synth --out assembly
export CDK_DISABLE_CLI_TELEMETRY=true
listed=$("$cdk" ls --app assembly --no-notices 2>&1)
echo "$listed"
[ "$listed" = "Hello" ] || { echo "FAIL: expected the CLI to list exactly Hello"; exit 1; }
# The CLI also runs our program itself as an app (CDK_OUTDIR, CDK_CONTEXT_JSON).
listed=$("$cdk" ls --app "$hello" --output via-cli --no-notices 2>&1)
[ "$listed" = "Hello" ] || { echo "FAIL: running the program through the CLI: $listed"; exit 1; }
[ -f via-cli/Hello.template.json ] || { echo "FAIL: the CLI-run synthesis wrote no template"; exit 1; }
echo "ok"
