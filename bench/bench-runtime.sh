#!/usr/bin/env bash
# Controller runtime: informer cache memory for 100,000 Pods, no-op reconciles per second, and
# watched change -> reconcile start latency (p50/p99). Args: [PODS] [KEYS] [CHANGES].
set -euo pipefail
cd "$(dirname "$0")/.."
.build/release/poolpilot-bench runtime.cache-memory "${1:-100000}"
.build/release/poolpilot-bench runtime.reconciles "${2:-200000}"
.build/release/poolpilot-bench runtime.watch-latency "${3:-20000}"
