#!/usr/bin/env bash
# Import benchmark (figures, not pass/fail): `workbench import` over synthetic JSONL and CSV corpora.
#
#   Benchmarks/import/run.sh [N...]          default N: 100000
#
# For each N: a JSONL and a CSV file of N ~3 KB articles (2% duplicates with changed white space,
# 0.5% bad rows) are generated under $DATA (default /tmp/wb-import-bench), then imported with the
# release build into a fresh output: the JSONL file, the CSV file, and the JSONL file again into the
# first output (the append path: everything is already there). Printed per import: wall seconds,
# rows/s, input MB/s and peak RSS (from /usr/bin/time). The data is deleted afterwards (KEEP=1 keeps it).
# SCRATCH names the build folder (default .build).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100000)
DATA=${DATA:-/tmp/wb-import-bench}
SCRATCH=${SCRATCH:-$ROOT/.build}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

echo "building (release)…" >&2
swift build -c release --scratch-path "$SCRATCH" --product workbench >&2
BIN="$SCRATCH/release/workbench"
mkdir -p "$DATA"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$DATA"' EXIT

# measure LABEL N INPUT OUTPUT ARGS... -> one line of the table
measure() {
  local label=$1 n=$2 input=$3 output=$4; shift 4
  local status=0
  ( cd "$DATA" && $TIME -f "%e %M" -o "$DATA/.time" "$BIN" import "$input" -o "$output" -q "$@" 2>"$DATA/.stderr" ) || status=$?
  if [ "$status" -gt 1 ]; then cat "$DATA/.stderr" >&2; exit 1; fi
  read -r seconds rss_kb < <(tail -1 "$DATA/.time")
  local bytes; bytes=$(stat -c %s "$input")
  python3 - "$label" "$n" "$bytes" "$seconds" "$rss_kb" "$DATA/.stderr" <<'PY'
import re, sys
label, n, size, secs, rss, log = sys.argv[1:]
size, secs, rss = int(size), float(secs), int(rss)
text = open(log).read().replace(",", "")
imported, rows = map(int, re.search(r"imported (\d+) of (\d+) rows", text).groups())
dups = int(re.search(r"duplicates: (\d+)", text).group(1))
rejected = int(re.search(r"rejected: (\d+)", text).group(1))
print(f"{label:<14} {int(n):>9,} {size / 1e6:>9,.0f} {secs:>8.2f} {rows / secs:>10,.0f} {size / 1e6 / secs:>8.1f} {rss / 1024:>8.0f}"
      f" {imported:>9,} {dups:>7,} {rejected:>6,}")
PY
}

printf '%-14s %9s %9s %8s %10s %8s %8s %9s %7s %6s\n' "import" "rows" "input MB" "seconds" "rows/s" "MB/s" "RSS MB" "imported" "dupl." "rej."
for n in "${SIZES[@]}"; do
  jsonl="$DATA/corpus-$n.jsonl"
  csv="$DATA/corpus-$n.csv"
  [ -s "$jsonl" ] || python3 "$ROOT/Benchmarks/import/generate.py" "$n" "$jsonl" --format jsonl
  [ -s "$csv" ] || python3 "$ROOT/Benchmarks/import/generate.py" "$n" "$csv" --format csv
  rm -f "$DATA"/out-*.jsonl*
  measure "jsonl" "$n" "$jsonl" "$DATA/out-jsonl-$n.jsonl"
  measure "csv" "$n" "$csv" "$DATA/out-csv-$n.jsonl" --text-column body --outlet-column source --date-column published
  measure "jsonl again" "$n" "$jsonl" "$DATA/out-jsonl-$n.jsonl"
  rm -f "$DATA"/out-*.jsonl* "$jsonl" "$csv"
done
