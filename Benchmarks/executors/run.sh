#!/usr/bin/env bash
# Executor throughput (figures, not pass/fail): the same stage through the real host with local, Slurm and
# ssh workers, on this machine's cores, over ~3 KB synthetic articles.
#
#   Benchmarks/executors/run.sh [DOCUMENTS] [REPEATS]      defaults: 5000 documents, 3 repeats (median)
#
# Needs a Slurm and an sshd here: `bash .ci/slurm-up.sh && bash .ci/sshd-up.sh` (root). Set SCRATCH to build
# elsewhere than .build (e.g. SCRATCH=/tmp/scratch). For each stage load (bench-echo with 0 and 1000 µs of
# work per document) it prints docs/s for: local jobs=1, local jobs=2, slurm jobs=2, ssh jobs=2, and slurm
# jobs=2 with only 8 tasks in flight per worker (the Nagle stall of srun before Slurm 24.05 made visible),
# then the ratios to local jobs=2. Configurations are interleaved; each figure is the median of the repeats.
# Results also go to Benchmarks/results/executors.json.
set -euo pipefail
N=${1:-5000}
REPEATS=${2:-3}
SSH_HOST=${WORKBENCH_SSH_TEST_HOST:-workbench-ci}
PRODUCTS="workbench wb-bench-echo"
source "$(dirname "$0")/../setup.sh"

command -v srun >/dev/null || { echo "no srun: run .ci/slurm-up.sh first" >&2; exit 1; }
ssh -o BatchMode=yes -o ConnectTimeout=5 "$SSH_HOST" true || { echo "ssh $SSH_HOST failed: run .ci/sshd-up.sh first" >&2; exit 1; }

CORPUS=$(corpus "$N")
BYTES=$(awk '{ s += length($0) } END { printf "%d", s / NR }' "$CORPUS")

# one NAME WORK EXECUTOR_JSON ARGS... -> seconds of a cold run (fresh workspace)
one() {
  local name=$1 work=$2 executor=$3; shift 3
  local dir="$DATA/ws-exec-$name"
  rm -rf "$dir"; mkdir -p "$dir"
  printf '{"corpus": [{"path": "%s"}], "executor": %s}\n' "$CORPUS" "$executor" > "$dir/workspace.json"
  printf '{"steps": [{"id": "echo", "stage": "bench-echo", "config": {"work_us": %s}}]}\n' "$work" > "$dir/pipeline.json"
  local start end
  start=$(date +%s.%N)
  ( cd "$dir" && "$BIN/workbench" run -q --no-report "$@" >/dev/null 2>"$dir/.stderr" ) || { cat "$dir/.stderr" >&2; exit 1; }
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}

LOCAL='"local"'
SLURM='"slurm"'
SSH="{\"type\": \"ssh\", \"hosts\": [\"$SSH_HOST\"], \"workers_per_host\": 2}"
CONFIGS=("local-1|$LOCAL|--jobs 1" "local-2|$LOCAL|--jobs 2" "slurm-2|$SLURM|--jobs 2" "ssh-2|$SSH|--jobs 2" "slurm-2-inflight-8|$SLURM|--jobs 2 --in-flight 8")

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

echo "$N documents of ~$BYTES bytes, $(nproc) cores, median of $REPEATS; srun: $(srun --version)"
JSON="{\"documents\": $N, \"bytes_per_line\": $BYTES, \"cores\": $(nproc), \"repeats\": $REPEATS, \"slurm\": \"$(srun --version)\", \"loads\": ["
first=1
for work in 0 1000; do
  declare -A times=()
  for ((r = 0; r < REPEATS; r++)); do
    for config in "${CONFIGS[@]}"; do
      IFS='|' read -r name executor args <<<"$config"
      # shellcheck disable=SC2086
      times[$name]+="$(one "$name" "$work" "$executor" $args) "
    done
  done
  printf '\nbench-echo, %s µs of work per document\n' "$work"
  printf '  %-20s %8s %10s %10s\n' "workers" "seconds" "docs/s" "vs local-2"
  # shellcheck disable=SC2086
  local2=$(median ${times[local-2]})
  [ $first = 1 ] || JSON+=", "
  first=0
  JSON+="{\"work_us\": $work, \"rows\": ["
  sep=""
  for config in "${CONFIGS[@]}"; do
    IFS='|' read -r name _ _ <<<"$config"
    # shellcheck disable=SC2086
    s=$(median ${times[$name]})
    rate=$(awk -v n="$N" -v s="$s" 'BEGIN { printf "%d", n / s }')
    ratio=$(awk -v a="$local2" -v b="$s" 'BEGIN { printf "%.0f%%", 100 * a / b }')
    printf '  %-20s %8s %10s %10s\n' "$name" "$s" "$rate" "$ratio"
    JSON+="$sep{\"workers\": \"$name\", \"seconds\": $s, \"docs_per_second\": $rate, \"runs\": \"${times[$name]% }\"}"
    sep=", "
  done
  JSON+="]}"
  unset times
done
JSON+="]}"
printf '%s\n' "$JSON" > "$RESULTS/executors.json"
echo
echo "wrote Benchmarks/results/executors.json"
