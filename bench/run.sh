#!/usr/bin/env bash
# Synthesis benchmark: cdkpp against the AWS CDK (aws-cdk-lib), whole processes,
# process start to templates written. See bench/README.md for the figures.
#
#   bench/run.sh [--runs N] [--build DIR] [--work DIR] [--no-js] [--smoke]
#
#   --build DIR  a Release build directory with matomo, bench_synthetic and
#                bench_phases built (default: build-rel, configured and built
#                here when missing)
#   --work DIR   where the assemblies and raw timings go (default: bench-work)
#   --runs N     runs of each case; medians are printed (default 5)
#   --no-js      cdkpp only
#   --smoke      the CI configuration: one run of small apps, JavaScript only
#                when aws-cdk-lib is already in the npm cache; checks that every
#                case works and writes the same resources on both sides, and
#                asserts no time. Exits 77 (skipped) without the cdkpp programs.
#
# Each case runs its programs in turn, N times interleaved, timed by
# bench/measure.py (wall and CPU time in microseconds); peak resident memory
# comes from one more run of each under /usr/bin/time.
# aws-cdk-lib and constructs are installed from npm into CDKPP_NPM_CACHE
# (default ~/.cache/cdkpp-npm) on first use.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=5 build="$root/build-rel" work="$root/bench-work" js=1 smoke=0
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --no-js) js=0; shift ;;
    --smoke) smoke=1; runs=1; shift ;;
    *) echo "usage: bench/run.sh [--runs N] [--build DIR] [--work DIR] [--no-js] [--smoke]" >&2; exit 2 ;;
  esac
done
bin=$build/bin
cache=${CDKPP_NPM_CACHE:-$HOME/.cache/cdkpp-npm}
rm -rf "$work" && mkdir -p "$work"
work=$(cd "$work" && pwd)

# --- the programs -----------------------------------------------------------
if [ ! -x "$bin/bench_synthetic" ]; then
  if [ "$smoke" = 1 ]; then echo "SKIP: $bin/bench_synthetic is not built"; exit 77; fi
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j2 --target matomo bench_synthetic bench_phases bench_five_constructs
fi
have_matomo=0; [ -x "$bin/matomo" ] && have_matomo=1

if [ "$js" = 1 ]; then
  if ! command -v node >/dev/null; then
    echo "note: node is not installed; cdkpp only"; js=0
  elif [ ! -d "$cache/node_modules/aws-cdk-lib" ] || [ ! -d "$cache/node_modules/constructs" ]; then
    if [ "$smoke" = 1 ]; then
      echo "note: aws-cdk-lib is not in $cache; cdkpp only"; js=0
    else
      npm install --prefix "$cache" --no-audit --no-fund --loglevel=error aws-cdk-lib@2 constructs@10 >/dev/null
    fi
  fi
fi
export NODE_PATH=$cache/node_modules CDK_DISABLE_CLI_TELEMETRY=true

[ -x /usr/bin/time ] || [ "$smoke" = 1 ] || { echo "error: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

# --- timing -----------------------------------------------------------------
# plan_case PLAN NAME OUTDIR [KEY=VALUE...] -- CMD...: adds a case to a plan;
# measure PLAN RUNS: runs the plan's cases RUNS times, interleaved (see
# bench/measure.py), leaving NAME.times ("wall cpu" per run) and NAME.peak.
plan_case() { local plan=$1; shift; (IFS=$'\t'; echo "$*") >>"$plan"; }
measure() { python3 "$root/bench/measure.py" --runs "$2" --work "$work" "$1"; }
# stat NAME COLUMN: the median of a column of NAME.times (1 wall, 2 cpu)
stat() { awk -v c="$2" '{print $c}' "$work/$1.times" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
peak_mb() { if [ -s "$work/$1.peak" ]; then awk '{printf "%.0f", $1 / 1024}' "$work/$1.peak"; else echo n/a; fi; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.1f", a / b; else print "n/a"}'; }
summary="$work/results.md"
row() {  # NAME LABEL
  printf '| %s | %.4f | %.4f | %s |\n' "$2" "$(stat "$1" 1)" "$(stat "$1" 2)" "$(peak_mb "$1")" | tee -a "$summary"
}
header() {
  printf '\n%s (median of %d runs)\n\n| program | wall s | CPU s | peak MB |\n| --- | ---: | ---: | ---: |\n' "$1" "$runs" | tee -a "$summary"
}
# resource_types DIR: "count type" per resource type over the templates of an assembly
resource_types() {
  python3 - "$1" <<'PY'
import collections, glob, json, sys
count = collections.Counter()
for f in glob.glob(sys.argv[1] + "/*.template.json"):
    count.update(r["Type"] for r in json.load(open(f)).get("Resources", {}).values())
for t in sorted(count): print(count[t], t)
PY
}
resources() { resource_types "$1" | awk '{n += $1} END {print n + 0}'; }
same_resources() {  # CASE CPP_DIR JS_DIR: both sides wrote the same resources (by type)
  local a b
  a=$(resource_types "$2") b=$(resource_types "$3")
  if [ "$a" != "$b" ]; then echo "FAIL: $1: cdkpp and aws-cdk-lib wrote different resources"; diff <(echo "$a") <(echo "$b"); exit 1; fi
  echo "$1: both sides wrote the same $(resources "$2") resources ($(wc -l <<<"$a") types)" | tee -a "$summary"
}

{ echo "# bench/run.sh $(date -u +%Y-%m-%dT%H:%MZ)"; echo
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "cdkpp: $build ($(grep -m1 CMAKE_BUILD_TYPE "$build/CMakeCache.txt" | cut -d= -f2))"
  if [ "$js" = 1 ]; then
    echo "aws-cdk-lib $(node -p "require('$cache/node_modules/aws-cdk-lib/package.json').version"), node $(node --version)"
  fi
} | tee "$summary"

# --- matomo: samples/matomo against bench/cdk-js/matomo.js ------------------
if [ "$have_matomo" = 1 ]; then
  plan=$work/matomo.plan
  plan_case "$plan" matomo-cdkpp "$work/matomo-cdkpp" -- "$bin/matomo" synth --out "$work/matomo-cdkpp"
  if [ "$js" = 1 ]; then
    plan_case "$plan" matomo-cdk-novalidation "$work/matomo-cdk-novalidation" CDK_VALIDATION=false -- node "$root/bench/cdk-js/matomo.js"
    # The default (built-in validation on) takes long: not in the smoke run.
    [ "$smoke" = 1 ] || plan_case "$plan" matomo-cdk-default "$work/matomo-cdk-default" -- node "$root/bench/cdk-js/matomo.js"
  fi
  measure "$plan" "$runs"
  header "matomo ($(resources "$work/matomo-cdkpp") resources, 1 stack)"
  row matomo-cdkpp "cdkpp (all validation on)"
  if [ "$js" = 1 ]; then
    row matomo-cdk-novalidation "aws-cdk-lib, CDK_VALIDATION=false"
    [ "$smoke" = 1 ] || row matomo-cdk-default "aws-cdk-lib, default (template validation on)"
    echo | tee -a "$summary"
    same_resources matomo "$work/matomo-cdkpp" "$work/matomo-cdk-novalidation"
    echo "cdkpp is $(ratio "$(stat matomo-cdk-novalidation 1)" "$(stat matomo-cdkpp 1)")x faster (wall)," \
         "$(ratio "$(stat matomo-cdk-novalidation 2)" "$(stat matomo-cdkpp 2)")x (CPU) than aws-cdk-lib with CDK_VALIDATION=false (target >= 100x)" | tee -a "$summary"
    [ "$smoke" = 1 ] ||
      echo "cdkpp is $(ratio "$(stat matomo-cdk-default 1)" "$(stat matomo-cdkpp 1)")x faster (wall)," \
           "$(ratio "$(stat matomo-cdk-default 2)" "$(stat matomo-cdkpp 2)")x (CPU) than aws-cdk-lib by default" | tee -a "$summary"
  fi
else
  echo "note: $bin/matomo is not built (samples off); matomo skipped" | tee -a "$summary"
fi

# --- the synthetic app: N stacks x R resources --------------------------------
if [ "$smoke" = 1 ]; then sizes="2:60 4:60"; big="2:60"; else sizes="10:500 20:500 40:500"; big="20:500"; fi
plan=$work/synthetic.plan
for s in $sizes; do
  n="synthetic-${s%:*}x${s#*:}"
  plan_case "$plan" "$n" "$work/$n" -- "$bin/bench_synthetic" -c "stacks=${s%:*}" -c "resources_per_stack=${s#*:}" synth --out "$work/$n"
done
measure "$plan" "$runs"
if [ "$js" = 1 ]; then
  # The CDK takes seconds per run here: fewer runs unless asked for more.
  js_runs=$(( runs < 3 ? runs : 3 ))
  n="synthetic-cdk-${big%:*}x${big#*:}"
  plan_case "$work/synthetic-cdk.plan" "$n" "$work/$n" CDK_VALIDATION=false -- \
    node "$root/bench/cdk-js/synthetic.js" -c "stacks=${big%:*}" -c "resources_per_stack=${big#*:}"
  measure "$work/synthetic-cdk.plan" "$js_runs"
fi
header "synthetic app, cdkpp (stacks x resources per stack)"
for s in $sizes; do row "synthetic-${s%:*}x${s#*:}" "cdkpp ${s%:*} x ${s#*:} = $(resources "$work/synthetic-${s%:*}x${s#*:}") resources"; done
if [ "$js" = 1 ]; then
  b="${big%:*}x${big#*:}"
  row "synthetic-cdk-$b" "aws-cdk-lib, CDK_VALIDATION=false, ${big%:*} x ${big#*:} (median of $js_runs)"
  echo | tee -a "$summary"
  same_resources "synthetic $b" "$work/synthetic-$b" "$work/synthetic-cdk-$b"
  echo "cdkpp is $(ratio "$(stat "synthetic-cdk-$b" 1)" "$(stat "synthetic-$b" 1)")x faster (wall), $(ratio "$(stat "synthetic-cdk-$b" 2)" "$(stat "synthetic-$b" 2)")x (CPU) than aws-cdk-lib with CDK_VALIDATION=false" | tee -a "$summary"
fi
set -- $sizes
if [ $# -ge 2 ]; then
  echo | tee -a "$summary"
  prev=""
  for s in $sizes; do
    n="synthetic-${s%:*}x${s#*:}"
    [ -n "$prev" ] && echo "growth ${prev#synthetic-} -> ${n#synthetic-} (twice the resources): $(awk -v a="$(stat "$n" 1)" -v b="$(stat "$prev" 1)" 'BEGIN {printf "%.2f", a / b}')x wall, $(awk -v a="$(stat "$n" 2)" -v b="$(stat "$prev" 2)" 'BEGIN {printf "%.2f", a / b}')x CPU (target <= 2.2x)" | tee -a "$summary"
    prev=$n
  done
fi

# --- phases: synthesis against serializing the final JSON alone -------------
if [ -x "$bin/bench_phases" ]; then
  echo | tee -a "$summary"
  "$bin/bench_phases" "${big%:*}" "${big#*:}" "$(( runs < 3 ? 3 : runs ))" "$work/phases" | sed 's/^/    /' | tee -a "$summary"
fi

# --- compile and link times --------------------------------------------------
if [ "$smoke" != 1 ]; then
  echo | tee -a "$summary"
  bash "$root/bench/compile_time.sh" "$runs" "$build" | tee -a "$summary"
fi
echo
echo "results: $summary"
echo "ok"
