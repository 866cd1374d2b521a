#!/usr/bin/env bash
# Runs every benchmark script in bench/ (release build already made by `make bench`).
# Each script prints its figures; results also go to bench/results/ with the date.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
for script in bench/bench-*.sh; do
    [ -e "$script" ] || continue
    echo "== $script"
    bash "$script" 2>&1 | tee -a "bench/results/$stamp.txt"
done
