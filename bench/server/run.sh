#!/usr/bin/env bash
# On demand (not in tests): `stikg serve` against `oxigraph serve` on the same data, one
# interleaved run with the team harness (/work/shared/bench, copied outside the repo).
#   bash bench/server/run.sh            # SCALE=S by default; SCALE=XS for a quick look
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
SCALE="${SCALE:-S}"
WORK="${BENCH_DIR:-/tmp/stikg-bench}"
PY="$REPO/.venv/bin/python"
mkdir -p "$WORK"
cp -r /work/shared/bench/. "$WORK/"
cd "$WORK"
[ -f "data/$SCALE/stikg.nq" ] || "$PY" gen_data.py --scale "$SCALE"
rm -rf "data/$SCALE/oxigraph" "data/$SCALE/stikg-store"
"$REPO/.venv/bin/oxigraph" load --location "data/$SCALE/oxigraph" --file "data/$SCALE/stikg.nq"
"$REPO/.venv/bin/stikg" restore "data/$SCALE/stikg.nq" --store "data/$SCALE/stikg-store"
"$REPO/.venv/bin/oxigraph" serve --location "data/$SCALE/oxigraph" --bind 127.0.0.1:7878 --union-default-graph &
OX=$!
"$REPO/.venv/bin/stikg" serve --store "data/$SCALE/stikg-store" --port 7890 --workers "${WORKERS:-4}" &
MINE=$!
trap 'kill $OX $MINE 2>/dev/null || true' EXIT
for url in http://127.0.0.1:7878/query http://127.0.0.1:7890/health; do
  for _ in $(seq 60); do curl -fs -o /dev/null "$url?query=ASK%7B%7D" && break; sleep 0.5; done
done
mkdir -p results/raw
"$PY" load.py --endpoint oxigraph=http://127.0.0.1:7878/query --endpoint mine=http://127.0.0.1:7890/sparql \
  --ref oxigraph --queries queries --out "results/raw/stikg-$SCALE.json" ${LOAD_ARGS:-}
