# Shared by the AWS CDK CLI interop scripts; source it, then call
#   cdk_cli_moto PROGRAM WORKDIR
# It exits 77 (skipped) without node, moto_server, the CLI that the interop
# tests install into ${CDKPP_NPM_CACHE:-~/.cache/cdkpp-npm} or PROGRAM;
# otherwise it makes a fresh WORKDIR the current directory, starts moto_server
# on a free loopback port (killed when the script exits), points the AWS CDK
# CLI and cdkpp at it, and sets $cdk to the CLI and $port to the port.
cdk_cli_moto() {
  local program=$1 work=$2
  command -v node >/dev/null || { echo "SKIP: node not installed"; exit 77; }
  command -v moto_server >/dev/null || { echo "SKIP: moto_server not installed"; exit 77; }
  cdk=${CDKPP_NPM_CACHE:-$HOME/.cache/cdkpp-npm}/node_modules/.bin/cdk
  [ -x "$cdk" ] || { echo "SKIP: AWS CDK CLI not installed (the interop tests install it)"; exit 77; }
  [ -x "$program" ] || { echo "SKIP: $program not built"; exit 77; }

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
}
