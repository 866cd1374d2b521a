#!/usr/bin/env bash
# HTTP module: client requests/s against the server on loopback (plain and TLS), and memory plus
# event rate of 1,000 concurrent streams through one client (HTTP/1.1, one connection each), and client
# memory for 1,000 streams multiplexed over one HTTP/2 connection.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/poolpilot-bench
"$bin" http-requests "${HTTP_BENCH_REQUESTS:-20000}" "${HTTP_BENCH_CONCURRENCY:-16}"
"$bin" http-streams "${HTTP_BENCH_STREAMS:-1000}" "${HTTP_BENCH_EVENTS:-100}"
# HTTP/2: 1,000 watch-like streams over one connection to a python3-h2 server; client memory only.
"$bin" http-h2-streams "${HTTP_BENCH_STREAMS:-1000}"
