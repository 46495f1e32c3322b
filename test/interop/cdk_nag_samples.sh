#!/usr/bin/env bash
# Usage: cdk_nag_samples.sh SOURCE_DIR WORKDIR
# cdk-nag's AwsSolutions pack (npm cdk-nag 3 on aws-cdk-lib) over every
# template of every sample (test/samples/golden: each stack of each
# environment, as the samples' tests check them), each loaded with CfnInclude, honouring the
# suppressions the templates carry in Metadata (tools/cdk-nag-check.js). Fails
# when a template has more unsuppressed errors than cdk_nag_baseline.json
# allows, or an error of a rule the baseline does not list for it; a template
# below its baseline is reported so that the baseline can be lowered.
set -euo pipefail
src=$1
work=$2
command -v npm >/dev/null && command -v node >/dev/null || { echo "SKIP: node/npm not installed"; exit 77; }
cache=${CDKPP_NPM_CACHE:-$HOME/.cache/cdkpp-npm}
if [ ! -d "$cache/node_modules/cdk-nag" ] || [ ! -d "$cache/node_modules/aws-cdk-lib" ]; then
  npm install --prefix "$cache" --no-audit --no-fund --loglevel=error aws-cdk-lib@2 constructs@10 cdk-nag@3 >/dev/null
fi
rm -rf "$work" && mkdir -p "$work"
CDK_NPM_DIR=$cache node "$src/tools/cdk-nag-check.js" "$src"/test/samples/golden/*/*.template.json > "$work/report.json"
python3 - "$work/report.json" "$src/test/interop/cdk_nag_baseline.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
baseline = json.load(open(sys.argv[2]))
failed = False
print(f"{'template':40} {'errors':>6} {'baseline':>8} {'suppressed':>10}")
for name, r in sorted(report.items()):
    base = baseline.get(name, {"errors": 0, "rules": []})
    print(f"{name:40} {r['errorCount']:>6} {base['errors']:>8} {r['suppressed']:>10}")
    rules = sorted({rule.split('[')[0] for rule in r["errors"]})
    new_rules = [x for x in rules if x not in base["rules"]]
    if r["errorCount"] > base["errors"] or new_rules:
        failed = True
        print(f"FAIL: {name}: {r['errorCount']} errors (baseline {base['errors']}); rules not in the baseline: {new_rules}")
        for rule, ids in sorted(r["errors"].items()):
            print(f"  {rule}: {', '.join(ids)}")
    elif r["errorCount"] < base["errors"]:
        print(f"note: {name} is below its baseline; lower it in test/interop/cdk_nag_baseline.json")
print("total errors:", sum(r["errorCount"] for r in report.values()))
sys.exit(1 if failed else 0)
PY
