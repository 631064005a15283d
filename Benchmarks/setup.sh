# Sourced by the benchmark scripts: moves to the repository root, sets ROOT, DATA (git-ignored
# inputs and workspaces), RESULTS, BIN (a fresh release build) and TIME (/usr/bin/time).
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
DATA="$ROOT/Benchmarks/data"
RESULTS="$ROOT/Benchmarks/results"
mkdir -p "$DATA" "$RESULTS"

echo "building (release)…" >&2
swift build -c release >&2
BIN="$ROOT/.build/release"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
