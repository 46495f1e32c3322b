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

# Synthesizes APP (ARGS go before `synth`) into WORK/assembly, WORK made
# afresh, and leaves the shell in WORK.
synth_into() {
  local app=$1 work=$2
  shift 2
  rm -rf "$work" && mkdir -p "$work" && cd "$work"
  "$app" "$@" synth -q --out assembly
}

# What the CLI's `cdk ls` prints for assembly/ (ARGS: stack patterns), errors too.
cdk_ls() { "$cdk" ls --app assembly --no-notices "$@" 2>&1; }
