#!/usr/bin/env bash
# Comparison benchmark (figures, not pass/fail): the compare stage and the rendering of its tables and
# the report over N documents' cached analysis results.
#
#   Benchmarks/compare/run.sh [N]        default N: 100000
#
# 1. A fresh workspace over the synthetic corpus with the default pipeline (extract, attribution,
#    sentiment, framing, compare): a cold run computes everything (its time is reported too).
# 2. The compare step's config is changed (`evidence` 20 → 19), so the next run recomputes compare
#    alone: the host feeds it the N documents' cached results, then renders the tables and the report.
#    That run's wall time, the host's peak RSS and the compare process's peak RSS (sampled) are the
#    figures. Targets: ≤ 30 s and ≤ 500 MB for 100,000 documents.
# Figures go to stdout and Benchmarks/results/compare.json. Data lives in Benchmarks/data (ignored by git).
set -euo pipefail
N=${1:-100000}
source "$(dirname "$0")/../setup.sh"

corpus=$(corpus "$N")
ws="$DATA/ws-compare-$N"
rm -rf "$ws"; mkdir -p "$ws"
cp "$ROOT/Benchmarks/analysis/topic-synthetic.json" "$ws/topic.json"
printf '{"corpus": [{"path": "%s"}], "topic": "topic.json", "stages": ["%s"]}\n' "$corpus" "$BIN" > "$ws/workspace.json"
pipeline() {  # pipeline EVIDENCE
  cat > "$ws/pipeline.json" <<EOF
{"steps": [
  {"id": "extract", "stage": "extract"}, {"id": "attribution", "stage": "attribution"},
  {"id": "sentiment", "stage": "sentiment"}, {"id": "framing", "stage": "framing"},
  {"id": "compare", "stage": "compare", "inputs": ["extract", "attribution", "sentiment", "framing"], "config": {"evidence": $1}}],
 "tables": ["markdown", "csv", "json", "latex", "html"]}
EOF
}

# peak RSS (KB) of the processes named $1 while $2 runs in the background
sample_rss() {
  local name=$1 pid=$2 peak=0 rss
  while kill -0 "$pid" 2>/dev/null; do
    rss=$(ps -o rss= -C "$name" 2>/dev/null | sort -n | tail -1 | tr -d ' ')
    [ -n "$rss" ] && [ "$rss" -gt "$peak" ] && peak=$rss
    sleep 0.2
  done
  echo "$peak"
}

run() {  # run -> "wall_s host_peak_kb compare_peak_kb"
  ( cd "$ws" && $TIME -f "%e %M" -o "$ws/.time" "$BIN/workbench" run -q >/dev/null 2>"$ws/.stderr" ) &
  local pid=$!
  local compare_kb
  compare_kb=$(sample_rss wb-compare $pid)
  wait $pid || { cat "$ws/.stderr" >&2; exit 1; }
  read -r wall host_kb < "$ws/.time"
  echo "$wall $host_kb $compare_kb"
}

pipeline 20
echo "cold run: $N documents through the whole pipeline…" >&2
read -r cold_s cold_host_kb _ < <(run)
pipeline 19
echo "compare alone over the cached results…" >&2
read -r compare_s host_kb compare_kb < <(run)
report_kb=$(du -k "$ws/out/report.html" 2>/dev/null | cut -f1 || echo 0)
cache_mb=$(du -m "$ws/.workbench/cache.sqlite" | cut -f1)

echo
printf '%-32s %s\n' "documents" "$N"
printf '%-32s %s s (%s docs/s)\n' "whole pipeline, cold" "$cold_s" "$(python3 -c "print(round($N/$cold_s))")"
printf '%-32s %s s\n' "compare + tables + report" "$compare_s"
printf '%-32s %s MB\n' "host peak RSS" "$((host_kb / 1024))"
printf '%-32s %s MB\n' "compare stage peak RSS" "$((compare_kb / 1024))"
printf '%-32s %s KB\n' "report.html" "$report_kb"
printf '%-32s %s MB\n' "cache" "$cache_mb"
cat > "$RESULTS/compare.json" <<EOF
{"documents": $N, "pipeline_cold_seconds": $cold_s, "compare_seconds": $compare_s, "host_peak_rss_kb": $host_kb,
 "compare_peak_rss_kb": $compare_kb, "report_kb": ${report_kb:-0}, "cache_mb": $cache_mb, "cores": $(nproc)}
EOF
echo
echo "figures written to Benchmarks/results/compare.json"
