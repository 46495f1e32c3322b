#!/usr/bin/env bash
# Compile and link times of user programs, at -O0.
# Usage: bench/compile_time.sh [RUNS] [BUILD_DIR]   (medians of RUNS, default 5)
#  1. a translation unit that includes <cdk/cdk.hpp> (core only), compiled;
#  2. bench/five_constructs.cpp (Vpc, NetworkLoadBalancer, AutoScalingGroup,
#     AuroraCluster, FargateService), compiled with the project's own flags
#     from BUILD_DIR (default build-rel, else build) at -O0, then linked
#     against BUILD_DIR's libcdkpp.a. Needs BUILD_DIR configured with Ninja.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
build=${2:-}
if [ -z "$build" ]; then
  for b in "$root/build-rel" "$root/build"; do [ -f "$b/build.ninja" ] && { build=$b; break; }; done
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Runs "$@" RUNS times; prints the median wall time and the median CPU time
# (user + system) in seconds. On a busy machine the CPU time is the steadier.
time_median() {
  local walls=() cpus=() line TIMEFORMAT='%R %U %S'
  for _ in $(seq "$runs"); do
    line=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
    walls+=("$(awk '{print $1}' <<<"$line")")
    cpus+=("$(awk '{print $2 + $3}' <<<"$line")")
  done
  echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${cpus[@]}" | median)"
}
report() {  # WHAT "WALL CPU" TARGET
  read -r wall cpu <<<"$2"
  printf '%s: median %.2f s wall, %.2f s CPU over %d runs (target < %s)\n' "$1" "$wall" "$cpu" "$runs" "$3"
}

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
core=$(time_median "${CXX:-c++}" -std=c++20 -O0 -I"$root/include" -c "$tmp/user.cpp" -o "$tmp/user.o")
report "compile <cdk/cdk.hpp> TU at -O0" "$core" "1.5 s"

if [ -z "$build" ] || ! command -v ninja >/dev/null; then
  echo "five constructs: skipped (no Ninja build directory; pass one as the second argument)"
  exit 0
fi
commands=$(ninja -C "$build" -t commands bench_five_constructs)
compile=$(grep -- '-c [^ ]*bench/five_constructs.cpp$' <<<"$commands" | tail -1)
link=$(grep -- '-o bin/bench_five_constructs ' <<<"$commands" | tail -1)
[ -n "$compile" ] && [ -n "$link" ] || { echo "five constructs: no commands for bench_five_constructs in $build"; exit 1; }
# The project's flags, without the compiler cache and without the precompiled
# header cdkpp_app() makes (compile_samples.sh measures with it), at -O0, into $tmp.
compile=$(sed -E -e 's/^(ccache|sccache) //' -e 's/ -O[0-9sgz]?( |$)/ -O0\1/g' -e 's# -Winvalid-pch -include [^ ]*cmake_pch\.hxx##' \
  -e "s# -MD -MT [^ ]* -MF [^ ]*##" -e "s# -o [^ ]*five_constructs\.cpp\.o# -o $tmp/five.o#" <<<"$compile")
link=$(sed -E -e 's/^: && //' -e 's/ && :$//' -e 's/ -O[0-9sgz]?( |$)/ -O0\1/g' \
  -e "s# [^ ]*five_constructs\.cpp\.o # $tmp/five.o #" -e "s# -o bin/bench_five_constructs # -o $tmp/five #" <<<"$link")
cd "$build"
bash -c "$compile" && bash -c "$link"   # fails loudly if the commands do not work
five=$(time_median bash -c "$compile")
linked=$(time_median bash -c "$link")
"$tmp/five" synth --out "$tmp/out" >/dev/null
report "compile five_constructs.cpp at -O0" "$five" "2 s"
report "link five_constructs against $(basename "$build")/libcdkpp.a" "$linked" "1 s"
