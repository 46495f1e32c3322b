#!/usr/bin/env bash
# Usage: cdk_cli_reads_assets.sh ASSET_APP WORKDIR
# The AWS CDK CLI lists a cdkpp assembly with assets, and the AWS CDK's own
# schema library loads its manifest.json and <Stack>.assets.json (it checks
# them against the cloud assembly schema). Skipped without node/npm.
set -euo pipefail
app=$1
work=$2
command -v npm >/dev/null && command -v node >/dev/null || { echo "SKIP: node/npm not installed"; exit 77; }
cache=${CDKPP_NPM_CACHE:-$HOME/.cache/cdkpp-npm}
cdk=$cache/node_modules/.bin/cdk
if [ ! -x "$cdk" ]; then
  npm install --prefix "$cache" --no-audit --no-fund --loglevel=error aws-cdk@2 >/dev/null
fi
if [ ! -d "$cache/node_modules/@aws-cdk/cloud-assembly-schema" ]; then
  npm install --prefix "$cache" --no-audit --no-fund --loglevel=error @aws-cdk/cloud-assembly-schema >/dev/null
fi
rm -rf "$work" && mkdir -p "$work/src" && cd "$work"
printf 'def handler(event, context):\n    return "ok"\n' > src/index.py
printf 'FROM public.ecr.aws/docker/library/python:3.12-slim\nCOPY index.py /app/\n' > src/Dockerfile
"$app" -c asset_dir="$work/src" synth --out assembly
export CDK_DISABLE_CLI_TELEMETRY=true
listed=$("$cdk" ls --app assembly --no-notices 2>&1)
echo "$listed"
[ "$listed" = "Assets" ] || { echo "FAIL: expected the CLI to list exactly Assets"; exit 1; }
NODE_PATH=$cache/node_modules node -e '
  const { Manifest } = require("@aws-cdk/cloud-assembly-schema");
  const m = Manifest.loadAssemblyManifest("assembly/manifest.json");
  if (m.artifacts["Assets.assets"].type !== "cdk:asset-manifest") throw new Error("no asset manifest artifact");
  const a = Manifest.loadAssetManifest("assembly/Assets.assets.json");
  const files = Object.keys(a.files), images = Object.keys(a.dockerImages);
  if (files.length !== 2 || images.length !== 1) throw new Error("expected 2 files and 1 image: " + JSON.stringify(a));
  const fs = require("fs");
  for (const f of Object.values(a.files))
    if (!fs.existsSync("assembly/" + f.source.path)) throw new Error("not staged: " + f.source.path);
  for (const i of Object.values(a.dockerImages))
    if (!fs.existsSync("assembly/" + i.source.directory + "/Dockerfile")) throw new Error("no Dockerfile staged");
  console.log("schema ok: " + files.length + " files, " + images.length + " image");
'
echo "ok"
