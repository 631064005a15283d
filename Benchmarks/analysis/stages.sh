#!/usr/bin/env bash
# Each analysis stage's own CPU time per document, host left out (figures, not pass/fail).
#
#   Benchmarks/analysis/stages.sh [N] [STAGES...]     default: 2000 documents; extract attribution sentiment framing
#
# Once per corpus size (and again with CAPTURE=1): the chain runs through the real host with every stage
# wrapped so the lines the host sends it are kept (Benchmarks/data/stage-input-N/STAGE.*.in). Then each stage
# binary of .build/release replays its lines alone under `perf stat`, REPEAT times (default 3), and the
# least CPU time (task-clock: user+sys) per document is printed, with its instructions per document (steadier
# than time on a shared machine). Build first (`swift build -c release`): this script does not.
# Each replay's output is kept beside its input (STAGE.*.out), to compare before and after a change.
# With PERF=1, `perf record -g` runs once more on each stage's largest input (perf-STAGE.data beside the inputs).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
N=${1:-2000}
shift || true
STAGES=("$@")
[ ${#STAGES[@]} -gt 0 ] || STAGES=(extract attribution sentiment framing)
REPEAT=${REPEAT:-3}
BIN="$ROOT/.build/release"
DATA="$ROOT/Benchmarks/data"
CAP="$DATA/stage-input-$N"

if [ ! -d "$CAP" ] || [ "${CAPTURE:-0}" = 1 ]; then
  rm -rf "$CAP"; mkdir -p "$CAP/bin" "$CAP/ws"
  corpus="$DATA/corpus-$N.jsonl"
  [ -s "$corpus" ] || python3 "$ROOT/Benchmarks/generate_corpus.py" "$N" "$corpus"
  for stage in extract attribution sentiment framing; do
    # A wrapper per stage: what the host writes to it is kept, one file per process.
    printf '#!/usr/bin/env bash\nfor a in "$@"; do [ "$a" = --describe ] && exec "%s" "$@"; done\ntee "%s/%s.$$.in" | exec "%s" "$@"\n' \
      "$BIN/wb-$stage" "$CAP" "$stage" "$BIN/wb-$stage" > "$CAP/bin/wb-$stage"
    chmod +x "$CAP/bin/wb-$stage"
  done
  cp "$ROOT/Benchmarks/analysis/topic-synthetic.json" "$CAP/ws/topic.json"
  printf '{"corpus": [{"path": "%s"}], "topic": "topic.json", "stages": ["%s"]}\n' "$corpus" "$CAP/bin" > "$CAP/ws/workspace.json"
  printf '{"steps": [%s]}\n' '{"id": "extract", "stage": "extract"}, {"id": "attribution", "stage": "attribution"}, {"id": "sentiment", "stage": "sentiment"}, {"id": "framing", "stage": "framing"}' > "$CAP/ws/pipeline.json"
  (cd "$CAP/ws" && "$BIN/workbench" run -q >/dev/null 2>"$CAP/ws/.stderr") || { cat "$CAP/ws/.stderr" >&2; exit 1; }
fi

printf '%-12s %10s %14s\n' stage "CPU ms/doc" "M instr/doc"
for stage in "${STAGES[@]}"; do
  best=""
  for r in $(seq "$REPEAT"); do
    : > "$CAP/.stat"
    for input in "$CAP/$stage".*.in; do
      perf stat -x, -e instructions,task-clock -o "$CAP/.stat" --append "$BIN/wb-$stage" < "$input" > "${input%.in}.out"
    done
    # task-clock: the CPU time of the process (user + sys); the least of the repeats, with its instruction count.
    run=$(awk -F, '$3 == "instructions" { i += $1 } $3 == "task-clock" { t += $1 } END { print t, i }' "$CAP/.stat")
    best=$(python3 -c "b='$best'.split(); r='$run'.split(); print(' '.join(r if not b or float(r[0]) < float(b[0]) else b))")
  done
  read -r ms instructions <<< "$best"
  printf '%-12s %10s %14s\n' "$stage" "$(python3 -c "print(round($ms/$N, 3))")" "$(python3 -c "print(round($instructions/$N/1e6, 3))")"
  if [ "${PERF:-0}" = 1 ]; then
    largest=$(ls -S "$CAP/$stage".*.in | head -1)
    perf record -q -g -o "$CAP/perf-$stage.data" "$BIN/wb-$stage" < "$largest" > /dev/null 2>/dev/null
  fi
done
