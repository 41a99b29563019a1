#!/usr/bin/env bash
# Front-end assets from npm (YASGUI, the network drawing library), copied into
# server/static/vendor so the server never fetches anything from a CDN at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f package.json ] || exit 0
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node scripts/copy-assets.mjs
