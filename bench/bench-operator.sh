#!/usr/bin/env bash
# Operator reconcile core: GPU capacity over 100 and 1000 nodes, and one pure reconcile plan.
set -euo pipefail
cd "$(dirname "$0")/.."
.build/release/poolpilot-bench operator.plan "${1:-200}"
