#!/usr/bin/env bash
# Runs each test target in its own `swift test` process, one after another, then prints one
# closing line with the totals. Called by `make test` after the build.
#
# Why one process per target: Swift's cooperative thread pool has one thread per core (two on the
# CI machine). End-to-end suites that run servers, child processes and key generation side by side
# in one process starve each other into timeouts. Inside a target, tests still run in parallel.
set -uo pipefail
cd "$(dirname "$0")/.."
export POOLPILOT_BIN="${POOLPILOT_BIN:-$PWD/.build/debug/poolpilot}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
passed=0
failed=0
failed_targets=()
for dir in Tests/*Tests; do
    target=$(basename "$dir")
    echo "== $target"
    if swift test --skip-build --filter "^$target\." 2>&1 | tee "$log"; then :; else failed_targets+=("$target"); fi
    # Swift Testing closes with "Test run with N tests ... passed" or "... failed ... with K issues".
    count=$(grep -Eo 'Test run with [0-9]+ tests' "$log" | tail -1 | grep -Eo '[0-9]+' || echo 0)
    if grep -Eq '^✘ Test run with' "$log" || [[ " ${failed_targets[*]} " == *" $target "* ]]; then
        failures=$(grep -E '^✘ Test .* failed after' "$log" | grep -vc 'Test run with' || true)
        failed=$((failed + (failures > 0 ? failures : 1)))
        passed=$((passed + count - failures))
    else
        passed=$((passed + count))
    fi
done
if ((${#failed_targets[@]})); then echo "failed test targets: ${failed_targets[*]}"; fi
echo "tests: $passed passed, $failed failed"
((${#failed_targets[@]} == 0))
