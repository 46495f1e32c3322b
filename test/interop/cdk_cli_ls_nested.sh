#!/usr/bin/env bash
# Usage: cdk_cli_ls_nested.sh NESTED_APP WORKDIR
# The AWS CDK CLI lists the top-level stacks of an assembly with nested
# stacks (not the nested ones), and cdk-assets reads the parent's asset
# manifest: one file asset per nested template, each file beside it.
set -euo pipefail
app=$1
work=$2
source "$(dirname "$0")/cdk_cli.sh"
synth_into "$app" "$work"
listed=$(cdk_ls)
echo "$listed"
[ "$(sort <<<"$listed")" = $'Other\nParent' ] || { echo "FAIL: expected the CLI to list Other and Parent only"; exit 1; }
nested=$(ls assembly/*.nested.template.json | wc -l)
[ "$nested" = 2 ] || { echo "FAIL: expected 2 nested templates, found $nested"; exit 1; }
assets=$cache/node_modules/.bin/cdk-assets
if [ -x "$assets" ]; then
  out=$(cd assembly && "$assets" ls --path Parent.assets.json 2>&1)
  echo "$out"
  [ "$(grep -c " file {" <<<"$out")" = 2 ] || { echo "FAIL: cdk-assets does not list the 2 nested templates"; exit 1; }
  for f in $(grep -o '[A-Za-z0-9]*\.nested\.template\.json' <<<"$out"); do
    [ -f "assembly/$f" ] || { echo "FAIL: cdk-assets names $f, which is not in the assembly"; exit 1; }
  done
else
  echo "cdk-assets not in $cache: its check is skipped"
fi
echo "ok"
