#!/usr/bin/env bash
# Kubernetes client benchmarks: watch decoding rate and client memory per open watch.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/poolpilot-bench
"$BIN" kube-watch-decode "${KUBE_WATCH_EVENTS:-20000}"
"$BIN" kube-watch-memory "${KUBE_WATCHES:-1000}"
