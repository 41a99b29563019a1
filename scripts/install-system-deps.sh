#!/usr/bin/env bash
# System packages the tests need, from Debian: chromium for the browser tests,
# virtuoso-opensource for the remote-store tests (tests/remote; started on loopback by the tests).
# Installed only when missing and only when we are root (CI and the dev machines are).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-zenhei)  # CJK glyphs in browser screenshots
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "install-system-deps: missing ${need[*]}; install them with apt-get (tests that need them are skipped)" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
