#!/usr/bin/env bash
# Embedded API server: p99 time from a write to its delivery on each of 100 watches over 10,000
# writes (saturated, then paced at 200 writes/s), and resident memory per 10,000 Pod-sized
# objects. In-process through the request handler (no sockets). Needs the release build (make bench).
set -euo pipefail
cd "$(dirname "$0")/.."
.build/release/poolpilot-bench apiserver "${APISERVER_OBJECTS:-10000}" "${APISERVER_WATCHERS:-100}" "${APISERVER_RATE:-200}"
