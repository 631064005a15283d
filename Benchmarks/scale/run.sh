#!/usr/bin/env bash
# Scale benchmark (figures, not pass/fail): the default pipeline — extract, attribution, sentiment,
# framing, compare, tables and report — over synthetic corpora of growing size.
#
#   Benchmarks/scale/run.sh [SIZES...]        default sizes: 10000 100000
#
# For each size: a fresh workspace over the synthetic corpus (Benchmarks/generate_corpus.py, about
# 3 KB per article), a cold run (nothing cached) and a warm re-run (everything cached). Printed per
# size: cold wall time and docs/s, CPU time per document (host and stages), the host's peak RSS,
# the largest stage process's peak RSS (sampled), the warm re-run's time and peak RSS, and the
# cache's size per document. Targets (issue 5): host peak RSS ≤ 300 MB and a warm re-run ≤ 60 s at
# 1M documents; cold docs/s at 1M within 20% of that at 10k. The load average at the start of each
# run is printed too: on a shared machine, compare CPU ms/doc rather than docs/s.
# Figures go to stdout and Benchmarks/results/scale.json. Data lives in Benchmarks/data (ignored by
# git); the 1M corpus is 3 GB and its cache about 11 GB, so check `df` first.
set -euo pipefail
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000)
source "$(dirname "$0")/../setup.sh"

# peak RSS (KB) of the largest wb-* stage process while process $1 runs
sample_stage_rss() {
  local pid=$1 peak=0 rss
  while kill -0 "$pid" 2>/dev/null; do
    rss=$(ps -o rss= -C wb-extract,wb-attribution,wb-sentiment,wb-framing,wb-compare 2>/dev/null | sort -n | tail -1 | tr -d ' ')
    [ -n "$rss" ] && [ "$rss" -gt "$peak" ] && peak=$rss
    sleep 0.5
  done
  echo "$peak"
}

# timed_run DIR -> "wall_s host_peak_kb user_s sys_s stage_peak_kb load1"
timed_run() {
  local dir=$1 load
  load=$(cut -d' ' -f1 /proc/loadavg)
  ( cd "$dir" && $TIME -f "%e %M %U %S" -o "$dir/.time" "$BIN/workbench" run -q >/dev/null 2>"$dir/.stderr" ) &
  local pid=$! stage_kb
  stage_kb=$(sample_stage_rss $pid)
  wait $pid || { cat "$dir/.stderr" >&2; exit 1; }
  echo "$(cat "$dir/.time") $stage_kb $load"
}

printf '\n%-9s %8s %8s %11s %9s %10s %8s %9s %10s %8s\n' documents "cold s" docs/s "CPU ms/doc" "host MB" "stage MB" "warm s" "warm MB" "cache KB/doc" "load"
JSON="{\"machine\": {\"cores\": $(nproc)}, \"pipeline\": \"extract, attribution, sentiment, framing, compare, tables, report\", \"sizes\": ["
first=1
for n in "${SIZES[@]}"; do
  corpus=$(corpus "$n")
  ws="$DATA/ws-scale-$n"
  rm -rf "$ws"; mkdir -p "$ws"
  cp "$ROOT/Benchmarks/analysis/topic-synthetic.json" "$ws/topic.json"
  cp "$ROOT/pipeline.json" "$ws/pipeline.json"
  printf '{"corpus": [{"path": "%s"}], "topic": "topic.json", "stages": ["%s"]}\n' "$corpus" "$BIN" > "$ws/workspace.json"
  read -r cold_s cold_kb user_s sys_s stage_kb load < <(timed_run "$ws")
  read -r warm_s warm_kb _ _ _ _ < <(timed_run "$ws")
  cache_kb=$(du -k "$ws/.workbench/cache.sqlite" | cut -f1)
  read -r rate cpu per_doc < <(python3 -c "print(round($n/$cold_s), round(($user_s+$sys_s)*1000/$n, 3), round($cache_kb/$n, 1))")
  printf '%-9s %8s %8s %11s %9s %10s %8s %9s %10s %8s\n' "$n" "$cold_s" "$rate" "$cpu" "$((cold_kb / 1024))" "$((stage_kb / 1024))" \
    "$warm_s" "$((warm_kb / 1024))" "$per_doc" "$load"
  [ $first -eq 1 ] || JSON+=", "
  first=0
  JSON+="{\"documents\": $n, \"cold_seconds\": $cold_s, \"docs_per_second\": $rate, \"cpu_ms_per_doc\": $cpu, \"host_peak_rss_mb\": $((cold_kb / 1024)), \"stage_peak_rss_mb\": $((stage_kb / 1024)), \"warm_seconds\": $warm_s, \"warm_peak_rss_mb\": $((warm_kb / 1024)), \"cache_kb_per_doc\": $per_doc, \"load_average\": $load}"
done
JSON+="]}"
echo "$JSON" > "$RESULTS/scale.json"
echo "figures: Benchmarks/results/scale.json" >&2
