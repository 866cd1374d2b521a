#!/usr/bin/env bash
# Builds the exposition parser's libFuzzer target and runs it.
#   fuzz/run.sh            build, then fuzz for FUZZ_SECONDS (default 25) with a fixed seed
#   fuzz/run.sh build      build only
# Fails (exit != 0) when the fuzzer finds a crash or a broken property; the input is saved in
# .build/fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/fuzz
mkdir -p "$out/artifacts" "$out/corpus"
binary="$out/exposition-fuzz"
sources=(Sources/Metrics/Exposition/*.swift fuzz/ExpositionFuzz.swift)

newest_source=$(ls -t "${sources[@]}" | head -1)
if [ ! -x "$binary" ] || [ "$newest_source" -nt "$binary" ]; then
    echo "building $binary"
    # ld.gold prints one harmless warning per AddressSanitizer helper symbol; keep the rest.
    swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name ExpositionFuzz \
        "${sources[@]}" -o "$binary" 2>&1 | { grep -v "Cannot export local symbol '__asan" || true; }
    [ -x "$binary" ] || { echo "fuzz target failed to build" >&2; exit 1; }
fi
[ "${1:-}" = build ] && exit 0

# Seed the corpus with the test vectors and a few OpenMetrics constructs.
cp Tests/MetricsTests/Fixtures/*.txt "$out/corpus/" 2>/dev/null || true
printf '# TYPE a counter\n# UNIT a seconds\na_total{x="1"} 2 # {t="x"} 1 1.5\na_created 1.5\n# EOF\n' >"$out/corpus/om-counter"
printf '# TYPE s stateset\ns{s="a"} 1\n# TYPE i info\ni_info{v="1"} 1\n# EOF\n' >"$out/corpus/om-stateset"
printf '# HELP h x\\\\y\n# TYPE h histogram\nh_bucket{le="+Inf",} 1 -5\nh_sum NaN\nh_count 1\n' >"$out/corpus/text-histogram"

"$binary" "$out/corpus" -seed="${FUZZ_SEED:-1}" -max_total_time="${FUZZ_SECONDS:-25}" -max_len=4096 \
    -rss_limit_mb=2048 -artifact_prefix="$out/artifacts/" -print_final_stats=1 2>&1 | tail -n 12
