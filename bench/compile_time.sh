#!/usr/bin/env bash
# Compile time of a user translation unit that includes <cdk/cdk.hpp>, at -O0.
# Usage: bench/compile_time.sh [RUNS]   (prints the median of RUNS, default 5)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/user.cpp" <<'CPP'
#include <cdk/cdk.hpp>
int main(int argc, char** argv) {
  cdk::App app(argc, argv);
  auto& stack = app.add<cdk::Stack>("S");
  auto& topic = stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  stack.add<cdk::CfnOutput>("Arn", cdk::CfnOutputProps{.value = topic.ref()});
  return app.run();
}
CPP
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  ${CXX:-c++} -std=c++20 -O0 -I"$root/include" -c "$tmp/user.cpp" -o "$tmp/user.o"
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc -l)")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf 'compile <cdk/cdk.hpp> TU at -O0: median %.2f s over %d runs (target < 1.5 s)\n' "$median" "$runs"
