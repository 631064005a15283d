#!/usr/bin/env bash
# Analysis benchmark (figures, not pass/fail): the document-level chain — extract, attribution,
# sentiment, framing — through the real host, on the synthetic corpus.
#
#   Benchmarks/analysis/run.sh [SIZES...]        default sizes: 2000 10000
#
# For each size: a fresh workspace with the synthetic topic (Benchmarks/analysis/topic-synthetic.json),
# a cold run (nothing cached) with wall time, docs/s, CPU time and the host's peak RSS, then a warm
# re-run. Then the CPU time per document each stage adds (the chain up to it, minus the chain before
# it, host work included). Figures go to stdout and Benchmarks/results/analysis.json. Data lives in
# Benchmarks/data (ignored by git).
set -euo pipefail
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(2000 10000)
source "$(dirname "$0")/../setup.sh"

STEPS='{"id": "extract", "stage": "extract"}, {"id": "attribution", "stage": "attribution"}, {"id": "sentiment", "stage": "sentiment"}, {"id": "framing", "stage": "framing"}'

workspace() {  # workspace NAME CORPUS STEPS -> a fresh workspace folder
  local dir="$DATA/ws-analysis-$1"
  rm -rf "$dir"; mkdir -p "$dir"
  cp "$ROOT/Benchmarks/analysis/topic-synthetic.json" "$dir/topic.json"
  printf '{"corpus": [{"path": "%s"}], "topic": "topic.json", "stages": ["%s"]}\n' "$2" "$BIN" > "$dir/workspace.json"
  printf '{"steps": [%s]}\n' "$3" > "$dir/pipeline.json"
  echo "$dir"
}

# run_timed DIR ARGS... -> "wall_s peak_rss_kb user_s sys_s" of a workbench run in DIR (children included)
run_timed() {
  local dir=$1; shift
  ( cd "$dir" && $TIME -f "%e %M %U %S" -o "$dir/.time" "$BIN/workbench" "$@" >/dev/null 2>"$dir/.stderr" ) || { cat "$dir/.stderr" >&2; exit 1; }
  cat "$dir/.time"
}

JSON="{\"machine\": {\"cores\": $(nproc), \"swift\": \"$(swift --version 2>&1 | head -1 | sed 's/"//g')\"}, \"chain\": \"extract, attribution, sentiment, framing\", \"sizes\": ["
printf '\n%-9s %8s %10s %12s %12s %8s %12s\n' "documents" "cold s" "docs/s" "CPU ms/doc" "host RSS MB" "warm s" "cache MB"
first=1
for n in "${SIZES[@]}"; do
  c=$(corpus "$n")
  ws=$(workspace "$n" "$c" "$STEPS")
  read -r cold_s cold_kb user_s sys_s < <(run_timed "$ws" run -q)
  read -r warm_s warm_kb _ _ < <(run_timed "$ws" run -q)
  cache_mb=$(du -m "$ws/.workbench/cache.sqlite" | cut -f1)
  rate=$(python3 -c "print(round($n/$cold_s))")
  cpu=$(python3 -c "print(round(1000*($user_s+$sys_s)/$n, 3))")
  printf '%-9s %8s %10s %12s %12s %8s %12s\n' "$n" "$cold_s" "$rate" "$cpu" "$((cold_kb / 1024))" "$warm_s" "$cache_mb"
  [ $first = 1 ] || JSON+=", "
  first=0
  JSON+="{\"documents\": $n, \"cold_seconds\": $cold_s, \"docs_per_second\": $rate, \"cpu_ms_per_document\": $cpu, \"host_peak_rss_kb\": $cold_kb, \"warm_seconds\": $warm_s, \"cache_mb\": $cache_mb}"
done
JSON+="], \"per_stage\": ["

# CPU per document of each stage (with the host's share of it): the chain up to the stage, minus the chain before it.
n=${SIZES[0]}
c=$(corpus "$n")
echo
echo "CPU per document by stage ($n documents, chains run cold one after another; includes the host's work for the stage):"
previous=0
chain=""
first=1
for stage in extract attribution sentiment framing; do
  [ -z "$chain" ] || chain+=", "
  chain+="{\"id\": \"$stage\", \"stage\": \"$stage\"}"
  ws=$(workspace "stage-$stage" "$c" "$chain")
  read -r _ _ user_s sys_s < <(run_timed "$ws" run -q)
  total=$(python3 -c "print(1000*($user_s+$sys_s)/$n)")
  own=$(python3 -c "print(round($total-$previous, 3))")
  previous=$total
  printf '  %-12s %8s ms/doc\n' "$stage" "$own"
  [ $first = 1 ] || JSON+=", "
  first=0
  JSON+="{\"stage\": \"$stage\", \"cpu_ms_per_document\": $own}"
done
JSON+="]}"
echo "$JSON" | python3 -m json.tool > "$RESULTS/analysis.json"
echo
echo "figures written to Benchmarks/results/analysis.json"
