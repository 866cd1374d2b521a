#!/usr/bin/env bash
# Decision engine latency: one DecisionEngine.decide call on pools of 8, 64 and 512 pods.
set -euo pipefail
cd "$(dirname "$0")/.."
.build/release/poolpilot-bench scaling.decide "${1:-20000}"
