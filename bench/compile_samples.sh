#!/usr/bin/env bash
# Compile time and peak memory of every sample's sources at -O0, against a
# translation unit that includes only <string>, <vector>, <map>, <memory>,
# <optional>, <functional> and <variant>, measured in the same run.
# Usage: bench/compile_samples.sh [RUNS] [BUILD_DIR] [SAMPLE...]
#   RUNS       runs of each compile, interleaved with the baseline's; medians (default 3)
#   BUILD_DIR  a Ninja build directory of the project (default build-rel, else build)
#   SAMPLE     sample names (default every folder of samples/ with a main.cpp), or
#              other programs of the build (bench_five_constructs)
# Each source is compiled with the project's own command for it (from
# `ninja -t commands`), without the compiler cache and with -O0 for the -O of
# the build type. CPU time is user + system; peak memory is the compiler's
# maximum resident set (`/usr/bin/time`, Debian package `time`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
build=${2:-}
shift $(( $# < 2 ? $# : 2 ))
if [ -z "$build" ]; then
  for b in "$root/build-rel" "$root/build"; do [ -f "$b/build.ninja" ] && { build=$b; break; }; done
fi
[ -n "$build" ] && [ -f "$build/build.ninja" ] || { echo "compile_samples: no Ninja build directory (pass one as the second argument)"; exit 1; }
[ -x /usr/bin/time ] || { echo "compile_samples: needs /usr/bin/time (Debian package time)"; exit 1; }
samples=("$@")
if [ ${#samples[@]} -eq 0 ]; then
  for d in "$root"/samples/*/; do [ -f "$d/main.cpp" ] && samples+=("$(basename "$d")"); done
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf '#include <string>\n#include <vector>\n#include <map>\n#include <memory>\n#include <optional>\n#include <functional>\n#include <variant>\n' >"$tmp/baseline.cpp"
baseline_cmd="${CXX:-c++} -std=gnu++20 -O0 -c $tmp/baseline.cpp -o $tmp/baseline.o"

# Prints "CPU_SECONDS PEAK_KB" of one run of the command.
measure() {
  (cd "$build" && /usr/bin/time -f '%U %S %M' -o "$tmp/time" bash -c "$1" >/dev/null 2>&1) ||
    { echo "compile_samples: failed: $1" >&2; exit 1; }
  awk '{printf "%.3f %d\n", $1 + $2, $3}' "$tmp/time"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# The compile commands: "sample source command" per line. A program built with
# cdkpp_app() has a precompiled header of the cdkpp headers it includes: it is
# built first (at -O0, into $tmp) and shown as its own line, "(header)"; every
# source is compiled against it. With NO_PCH=1 the sources are compiled
# without it, as before cdkpp_app() made one. Both GCC's (.gch) and clang's
# (.pch) precompiled headers are handled.
normalize() {
  sed -E -e 's/^(ccache|sccache) //' -e 's/ -O[0-9sgz]?( |$)/ -O0\1/g' -e 's# -MD -MT [^ ]* -MF [^ ]*##'
}
without_pch() {
  sed -E -e 's# -Winvalid-pch -include [^ ]*cmake_pch\.hxx( |$)#\1#' \
    -e 's# -Winvalid-pch -Xclang -include-pch -Xclang [^ ]* -Xclang -include -Xclang [^ ]*cmake_pch\.hxx( |$)#\1#'
}
: >"$tmp/plan"
for s in "${samples[@]}"; do
  ninja -C "$build" -t commands "$s" >"$tmp/commands"
  pch=$(grep -oE -- "[^ ]*/cmake_pch\.hxx( |$)" "$tmp/commands" | head -1 | tr -d ' ' || true)
  to_tmp=(cat)
  if [ -n "$pch" ] && [ "${NO_PCH:-0}" != 1 ]; then
    mkdir -p "$tmp/pch-$s" && cp "$pch" "$pch.cxx" "$tmp/pch-$s/"
    to_tmp=(sed -E -e "s#$pch#$tmp/pch-$s/cmake_pch.hxx#g")
    grep -E -- " -o [^ ]*cmake_pch\.hxx\.(gch|pch) " "$tmp/commands" | normalize | "${to_tmp[@]}" |
      sed -E -e "s# -o [^ ]*cmake_pch\.hxx\.(gch|pch) # -o $tmp/pch-$s/cmake_pch.hxx.\1 #" |
      while read -r cmd; do echo "$s (header) $cmd"; done >>"$tmp/plan"
  elif [ -n "$pch" ]; then
    to_tmp=(without_pch)
  fi
  grep -E -- " -o [^ ]*CMakeFiles/$s\.dir/[^ ]*\.o .*-c [^ ]*\.cpp$" "$tmp/commands" | normalize | "${to_tmp[@]}" |
    sed -E -e "s# -o [^ ]*\.o # -o $tmp/out.o #" |
    while read -r cmd; do echo "$s $(basename "${cmd##* }") $cmd"; done >>"$tmp/plan"
done
[ -s "$tmp/plan" ] || { echo "compile_samples: no compile commands for: ${samples[*]}"; exit 1; }

# Runs interleaved: the baseline, then every source, RUNS times.
declare -A cpu mem
for _ in $(seq "$runs"); do
  read -r c m <<<"$(measure "$baseline_cmd")"
  cpu[baseline]+="$c "; mem[baseline]+="$m "
  while read -r s f cmd; do
    read -r c m <<<"$(measure "$cmd")"
    cpu[$s/$f]+="$c "; mem[$s/$f]+="$m "
  done <"$tmp/plan"
done

med() { tr ' ' '\n' <<<"$1" | grep . | median; }
base_cpu=$(med "${cpu[baseline]}")
base_mb=$(( $(med "${mem[baseline]}") / 1024 ))
echo "compile at -O0, medians of $runs runs; baseline (seven standard headers): $base_cpu s CPU, $base_mb MB peak"
printf '%-22s %-22s %8s %8s %8s\n' sample source "CPU s" ratio "peak MB"
declare -A total peak
while read -r s f _; do
  c=$(med "${cpu[$s/$f]}")
  m=$(( $(med "${mem[$s/$f]}") / 1024 ))
  printf '%-22s %-22s %8.2f %7.1fx %8d\n' "$s" "$f" "$c" "$(awk -v a="$c" -v b="$base_cpu" 'BEGIN {print a / b}')" "$m"
  total[$s]=$(awk -v a="${total[$s]:-0}" -v b="$c" 'BEGIN {print a + b}')
  (( m > ${peak[$s]:-0} )) && peak[$s]=$m
done <"$tmp/plan"
for s in "${samples[@]}"; do
  [ -n "${total[$s]:-}" ] || continue
  printf '%-22s %-22s %8.2f %7.1fx %8d\n' "$s" "(all, header too)" "${total[$s]}" \
    "$(awk -v a="${total[$s]}" -v b="$base_cpu" 'BEGIN {print a / b}')" "${peak[$s]}"
done
echo "targets: gifmachine.cpp <= 3x the baseline's CPU time and <= 300 MB peak; the five-construct program (bench_five_constructs) <= 1.5x"
