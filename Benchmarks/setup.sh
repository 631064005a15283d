# Sourced by the benchmark scripts: moves to the repository root, sets ROOT, DATA (git-ignored
# inputs and workspaces), RESULTS, BIN (a fresh release build) and TIME (/usr/bin/time), and
# defines `corpus N`. Before sourcing, a script may set PRODUCTS (the products to build, default
# all) and SCRATCH (the build folder, default .build).
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
DATA="$ROOT/Benchmarks/data"
RESULTS="$ROOT/Benchmarks/results"
mkdir -p "$DATA" "$RESULTS"

SCRATCH=${SCRATCH:-$ROOT/.build}
echo "building (release)…" >&2
if [ -n "${PRODUCTS:-}" ]; then
  for product in $PRODUCTS; do swift build -c release --scratch-path "$SCRATCH" --product "$product" >&2; done
else
  swift build -c release --scratch-path "$SCRATCH" >&2
fi
BIN="$SCRATCH/release"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

corpus() {  # corpus N -> path of the deterministic synthetic JSONL corpus of N articles (~3 KB each)
  local file="$DATA/corpus-$1.jsonl"
  [ -s "$file" ] || python3 "$ROOT/Benchmarks/generate_corpus.py" "$1" "$file"
  echo "$file"
}
