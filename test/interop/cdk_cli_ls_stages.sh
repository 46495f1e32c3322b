#!/usr/bin/env bash
# Usage: cdk_cli_ls_stages.sh STAGE_APP WORKDIR [NOTEJAM]
# The AWS CDK CLI lists the stacks of stages from our nested assemblies
# (assembly-<Stage>/manifest.json), by their paths, and selects them by
# stage pattern.
set -euo pipefail
app=$1
work=$2
notejam=${3:-}
source "$(dirname "$0")/cdk_cli.sh"
synth_into "$app" "$work"
# `cdk ls` shows a stack whose name differs from its path as "path (name)".
listed=$(cdk_ls)
echo "$listed"
expected=$'Shared\nProd/Network (Prod-Network)\nProd/App (Prod-App)\nProd/Eu/Api (Prod-Eu-Api)'
[ "$(sort <<<"$listed")" = "$(sort <<<"$expected")" ] || { echo "FAIL: expected the CLI to list:"; echo "$expected"; exit 1; }
selected=$(cdk_ls 'Prod/*')
[ "$(sort <<<"$selected")" = $'Prod/App (Prod-App)\nProd/Network (Prod-Network)' ] ||
  { echo "FAIL: 'Prod/*' selected: $selected"; exit 1; }
# The CLI runs the program as its app too, and reads the stages it writes.
# (the program's warnings go to standard error, the list to standard output)
listed=$("$cdk" ls --app "$app" --output via-cli --no-notices 'Prod/Eu/*' 2>via-cli.err) || true
[ "$listed" = "Prod/Eu/Api (Prod-Eu-Api)" ] ||
  { echo "FAIL: running the program through the CLI: $listed"; cat via-cli.err; exit 1; }
[ -f via-cli/assembly-Prod/assembly-Prod-Eu/manifest.json ] || { echo "FAIL: no nested assembly from the CLI run"; exit 1; }
if [ -n "$notejam" ]; then
  "$notejam" -c env=all synth -q --out notejam
  listed=$("$cdk" ls --app notejam --no-notices 2>&1)
  echo "$listed"
  expected=$'Dev/Notejam (notejam-dev)\nProd/Notejam (notejam-prod)\nTest/Notejam (notejam-test)'
  [ "$(sort <<<"$listed")" = "$expected" ] || { echo "FAIL: notejam's stages: $listed"; exit 1; }
fi
echo "ok"
