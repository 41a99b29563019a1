#!/usr/bin/env bash
# On demand (not in tests): `stikg serve` against `oxigraph serve` on the same data, one
# interleaved run with the team harness (/work/shared/bench, copied outside the repo).
# Two stikg servers are measured in the same run: `stikg` with the answer cache (the
# default) and `stikg-nocache` with STIKG_CACHE_BYTES=0, so the uncached numbers are honest.
#   bash bench/server/run.sh            # SCALE=S by default; SCALE=XS for a quick look
#   WORKERS=4 THREADS=2 LOAD_ARGS="--c1-duration 3 --c8-duration 6 --mix-duration 10" bash bench/server/run.sh
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
SCALE="${SCALE:-S}"
WORK="${BENCH_DIR:-/tmp/stikg-bench}"
PY="$REPO/.venv/bin/python"
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -q wrk >/dev/null; } || { echo "wrk not found: apt-get install wrk" >&2; exit 2; }
mkdir -p "$WORK"
cp -r /work/shared/bench/. "$WORK/"
cd "$WORK"
[ -f "data/$SCALE/stikg.nq" ] || "$PY" gen_data.py --scale "$SCALE"
rm -rf "data/$SCALE/oxigraph" "data/$SCALE/stikg-store"
"$REPO/.venv/bin/oxigraph" load --location "data/$SCALE/oxigraph" --file "data/$SCALE/stikg.nq"
"$REPO/.venv/bin/stikg" restore "data/$SCALE/stikg.nq" --store "data/$SCALE/stikg-store"
"$REPO/.venv/bin/oxigraph" serve --location "data/$SCALE/oxigraph" --bind 127.0.0.1:7878 --union-default-graph &
OX=$!
export STIKG_THREADS="${THREADS:-2}"
"$REPO/.venv/bin/stikg" serve --store "data/$SCALE/stikg-store" --port 7890 --workers "${WORKERS:-4}" 2>"$WORK/stikg.log" &
MINE=$!
STIKG_CACHE_BYTES=0 "$REPO/.venv/bin/stikg" serve --store "data/$SCALE/stikg-store" --port 7891 \
  --workers "${WORKERS:-4}" 2>"$WORK/stikg-nocache.log" &
NOCACHE=$!
trap 'kill $OX $MINE $NOCACHE 2>/dev/null || true' EXIT
for url in "http://127.0.0.1:7878/query?query=ASK%7B%7D" http://127.0.0.1:7890/health http://127.0.0.1:7891/health; do
  for _ in $(seq 120); do curl -fs -o /dev/null "$url" && break; sleep 0.5; done
done
sleep 10  # let RocksDB finish its compactions after the loads
mkdir -p results/raw
echo "load average before: $(cat /proc/loadavg)"
"$PY" load.py --endpoint oxigraph=http://127.0.0.1:7878/query --endpoint stikg=http://127.0.0.1:7890/sparql \
  --endpoint stikg-nocache=http://127.0.0.1:7891/sparql \
  --ref oxigraph --queries queries --out "results/raw/stikg-$SCALE.json" ${LOAD_ARGS:-}
echo "load average after: $(cat /proc/loadavg)"
