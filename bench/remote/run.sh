#!/usr/bin/env bash
# On demand (not in tests): the analyst query mix through `stikg serve --store <Virtuoso>`
# against Virtuoso's own /sparql, on the same data, in one interleaved run with the team
# harness (/work/shared/bench, copied outside the repo). Two stikg servers front the one
# Virtuoso: `stikg` (answer cache on, the default, STIKG_REMOTE_CACHE_SECONDS bounds it)
# and `stikg-nocache` (STIKG_CACHE_BYTES=0: every request goes through to Virtuoso).
#   bash bench/remote/run.sh                 # SCALE=S by default; SCALE=XS for a quick look
#   LOAD_ARGS="--c1-duration 3 --c8-duration 6 --mix-duration 10" bash bench/remote/run.sh
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
SCALE="${SCALE:-S}"
WORK="${BENCH_DIR:-/tmp/stikg-bench}"
PY="$REPO/.venv/bin/python"
HTTP_PORT="${VIRTUOSO_HTTP_PORT:-8891}"
SQL_PORT="${VIRTUOSO_SQL_PORT:-1112}"
command -v virtuoso-t >/dev/null || { echo "virtuoso-t not found: bash scripts/install-system-deps.sh" >&2; exit 2; }
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -q wrk >/dev/null; } || { echo "wrk not found: apt-get install wrk" >&2; exit 2; }
mkdir -p "$WORK"
cp -r /work/shared/bench/. "$WORK/"
cd "$WORK"
[ -f "data/$SCALE/stikg.nq" ] || "$PY" gen_data.py --scale "$SCALE"
DATA="$WORK/data/$SCALE"
VDIR="$DATA/virtuoso-remote"
rm -rf "$VDIR" && mkdir -p "$VDIR"
sed -e "s/@@SQL_PORT@@/$SQL_PORT/; s/@@HTTP_PORT@@/$HTTP_PORT/; s#@@DATA_DIR@@#$DATA#" \
    -e "s/@@BUFFERS@@/340000/; s/@@DIRTY@@/250000/" peers/virtuoso.ini.tmpl > "$VDIR/virtuoso.ini"
(cd "$VDIR" && exec virtuoso-t +foreground +configfile virtuoso.ini >virtuoso.out 2>&1) &
VIRT=$!
PIDS="$VIRT"
trap 'kill $PIDS 2>/dev/null || true' EXIT
for _ in $(seq 300); do curl -fs -o /dev/null "http://127.0.0.1:$HTTP_PORT/sparql?query=ASK%7B%7D" && break; sleep 0.5; done
echo "bulk-loading $DATA/stikg.nq into Virtuoso"
isql-vt "127.0.0.1:$SQL_PORT" dba dba "exec=ld_dir('$DATA', 'stikg.nq', 'http://example.org/stikg/graph/unnamed'); rdf_loader_run(); checkpoint;" >/dev/null
VIRT_URL="http://127.0.0.1:$HTTP_PORT/sparql"
export STIKG_THREADS="${THREADS:-2}"
"$REPO/.venv/bin/stikg" serve --store "$VIRT_URL" --port 7892 --workers "${WORKERS:-4}" 2>"$WORK/stikg-remote.log" &
PIDS="$PIDS $!"
STIKG_CACHE_BYTES=0 "$REPO/.venv/bin/stikg" serve --store "$VIRT_URL" --port 7893 \
  --workers "${WORKERS:-4}" 2>"$WORK/stikg-remote-nocache.log" &
PIDS="$PIDS $!"
for url in http://127.0.0.1:7892/health http://127.0.0.1:7893/health; do
  for _ in $(seq 120); do curl -fs -o /dev/null "$url" && break; sleep 0.5; done
done
mkdir -p results/raw
echo "load average before: $(cat /proc/loadavg)"
"$PY" load.py --endpoint "virtuoso=$VIRT_URL" --endpoint stikg=http://127.0.0.1:7892/sparql \
  --endpoint stikg-nocache=http://127.0.0.1:7893/sparql \
  --ref virtuoso --queries queries --out "results/raw/stikg-remote-$SCALE.json" ${LOAD_ARGS:-}
echo "load average after: $(cat /proc/loadavg)"
