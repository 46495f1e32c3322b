# Sourced by the interop scripts: skips (exit 77) without node and npm, installs
# the AWS CDK CLI (npm aws-cdk@2) into the npm cache once, and sets $cache and
# $cdk (its path).
command -v npm >/dev/null && command -v node >/dev/null || { echo "SKIP: node/npm not installed"; exit 77; }
cache=${CDKPP_NPM_CACHE:-$HOME/.cache/cdkpp-npm}
cdk=$cache/node_modules/.bin/cdk
if [ ! -x "$cdk" ]; then
  npm install --prefix "$cache" --no-audit --no-fund --loglevel=error aws-cdk@2 >/dev/null
fi
export CDK_DISABLE_CLI_TELEMETRY=true
