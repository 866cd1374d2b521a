#!/usr/bin/env bash
# Metrics parser benchmark: a realistic ~10 MB exposition page (the fixtures' Triton and vLLM
# families, each repeated with a `replica` label) parsed by PoolPilot, by `promtool check metrics`
# and by Python's prometheus_client, in the same run. Times are CPU seconds (user + sys), best of
# RUNS, so a busy machine skews them less than wall time. Expects `swift build -c release` done.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=.build/release/poolpilot-bench
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
page="$work/page.txt"

"$bench" metrics-page "$page" "${PAGE_MEGABYTES:-10}"
ours=$("$bench" metrics-parse "$page" "$runs")
echo "$ours"
ours_cpu=$(echo "$ours" | awk '/metrics.parse.all.cpu_seconds/ {print $2}')

# CPU seconds of one command (user + sys), best of $runs.
cpu_of() {
    local best=""
    for _ in $(seq "$runs"); do
        local t
        /usr/bin/time -f "%U %S" -o "$work/time" "$@" >/dev/null 2>&1 || true
        t=$(tail -1 "$work/time" | awk '{print $1 + $2}')
        if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN {exit !(a < b)}'; then best=$t; fi
    done
    echo "$best"
}

if command -v promtool >/dev/null; then
    # promtool exits 3 on lint findings (colons in vLLM names); the page still parses in full.
    promtool_cpu=$(cpu_of sh -c "promtool check metrics < '$page' || true")
    echo "metrics.promtool.cpu_seconds: $promtool_cpu s"
    awk -v a="$promtool_cpu" -v b="$ours_cpu" 'BEGIN {printf "metrics.speedup_vs_promtool: %.1fx (goal >= 3x)\n", a / b}'
else
    echo "metrics.promtool: not installed (make deps installs prometheus)"
fi

if ! python3 -c "import prometheus_client" 2>/dev/null; then
    python3 -m pip install --quiet prometheus-client >/dev/null 2>&1 || true
fi
if python3 -c "import prometheus_client" 2>/dev/null; then
    python_out=$(python3 - "$page" "$runs" <<'PY'
import sys, time
from prometheus_client.parser import text_string_to_metric_families
text = open(sys.argv[1]).read()
best = None
for _ in range(int(sys.argv[2])):
    start = time.process_time()
    samples = sum(len(family.samples) for family in text_string_to_metric_families(text))
    elapsed = time.process_time() - start
    best = elapsed if best is None else min(best, elapsed)
print(f"metrics.python.samples: {samples}")
print(f"metrics.python.cpu_seconds: {best:.4f} s")
PY
)
    echo "$python_out"
    python_cpu=$(echo "$python_out" | awk '/cpu_seconds/ {print $2}')
    awk -v a="$python_cpu" -v b="$ours_cpu" 'BEGIN {printf "metrics.speedup_vs_python: %.1fx\n", a / b}'
else
    echo "metrics.python: prometheus_client not available"
fi
