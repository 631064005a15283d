#!/usr/bin/env bash
# Host benchmarks (figures, not pass/fail): a trivial Swift stage through the real host.
#
#   Benchmarks/run.sh [SIZES...]        default sizes: 1000 10000 100000
#
# For each size: a deterministic synthetic corpus (~3 KB articles, JSONL), a fresh workspace,
# a cold run (nothing cached) and a warm run (everything cached), with wall time, docs/s and
# peak RSS of the host. Then the protocol overhead: the same stage logic in-process versus
# through the host, for a stage doing 1 ms of work per document.
# Figures go to stdout and Benchmarks/results/host.json. Data lives in Benchmarks/data (ignored by git).
set -euo pipefail
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 100000)
PRODUCTS="workbench wb-bench-echo"
source "$(dirname "$0")/setup.sh"

# run_timed DIR ARGS... -> prints "seconds rss_kb" of a workbench run in DIR
run_timed() {
  local dir=$1; shift
  ( cd "$dir" && $TIME -f "%e %M" -o "$dir/.time" "$BIN/workbench" "$@" >/dev/null 2>"$dir/.stderr" ) || { cat "$dir/.stderr" >&2; exit 1; }
  cat "$dir/.time"
}

workspace() {  # workspace NAME CORPUS PIPELINE_JSON -> a fresh workspace folder
  local dir="$DATA/ws-$1"
  rm -rf "$dir"; mkdir -p "$dir"
  printf '{"corpus": [{"path": "%s"}]}\n' "$2" > "$dir/workspace.json"
  printf '%s\n' "$3" > "$dir/pipeline.json"
  echo "$dir"
}

JSON="{\"machine\": {\"cores\": $(nproc), \"swift\": \"$(swift --version 2>&1 | head -1 | sed 's/"//g')\"}, \"sizes\": ["
printf '\n%-9s %10s %12s %10s %12s %12s %10s\n' "documents" "cold s" "cold docs/s" "warm s" "cold RSS MB" "warm RSS MB" "cache MB"
first=1
for n in "${SIZES[@]}"; do
  c=$(corpus "$n")
  ws=$(workspace "echo-$n" "$c" '{"steps": [{"id": "echo", "stage": "bench-echo"}]}')
  read -r cold_s cold_kb < <(run_timed "$ws" run -q)
  read -r warm_s warm_kb < <(run_timed "$ws" run -q)
  cache_mb=$(du -m "$ws/.workbench/cache.sqlite" | cut -f1)
  rate=$(python3 -c "print(round($n/$cold_s))")
  printf '%-9s %10s %12s %10s %12s %12s %10s\n' "$n" "$cold_s" "$rate" "$warm_s" "$((cold_kb / 1024))" "$((warm_kb / 1024))" "$cache_mb"
  [ $first = 1 ] || JSON+=", "
  first=0
  JSON+="{\"documents\": $n, \"cold_seconds\": $cold_s, \"cold_docs_per_second\": $rate, \"warm_seconds\": $warm_s, \"cold_peak_rss_kb\": $cold_kb, \"warm_peak_rss_kb\": $warm_kb, \"cache_mb\": $cache_mb}"
done
JSON+="]"

# Protocol overhead at 1 ms of work per document: in-process vs through the host.
n=2000
c=$(corpus "$n")
inproc=$("$BIN/wb-bench-echo" --in-process-bench "$c" 1000 | python3 -c "import json,sys; print(json.load(sys.stdin)['seconds'])")
ws1=$(workspace "work-1" "$c" '{"steps": [{"id": "work", "stage": "bench-echo", "config": {"work_us": 1000}}]}')
read -r host1_s _ < <(run_timed "$ws1" run -q --jobs 1)
ws2=$(workspace "work-2" "$c" '{"steps": [{"id": "work", "stage": "bench-echo", "config": {"work_us": 1000}}]}')
read -r host2_s _ < <(run_timed "$ws2" run -q --jobs 2)
over1=$(python3 -c "print(round(100*($host1_s/$inproc-1),1))")
over2=$(python3 -c "print(round(100*($host2_s/($inproc/2)-1),1))")
echo
echo "protocol overhead, $n documents × 1 ms of work:"
echo "  in-process, one core:        ${inproc} s"
echo "  through the host, 1 worker:  ${host1_s} s  (overhead ${over1}% vs in-process)"
echo "  through the host, 2 workers: ${host2_s} s  (overhead ${over2}% vs in-process on 2 cores)"
JSON+=", \"overhead\": {\"documents\": $n, \"work_us\": 1000, \"in_process_seconds\": $inproc, \"host_1_worker_seconds\": $host1_s, \"overhead_1_worker_percent\": $over1, \"host_2_workers_seconds\": $host2_s, \"overhead_2_workers_percent\": $over2}}"
echo "$JSON" | python3 -m json.tool > "$RESULTS/host.json"
echo
echo "figures written to Benchmarks/results/host.json"
