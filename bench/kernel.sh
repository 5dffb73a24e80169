#!/usr/bin/env bash
# Build the benchmark kernel, build/bench/bzImage: the test config without
# its debug checkers (KASAN alone would cost 1/8 of every region in shadow).
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

OUT=$BUILD/bench
mkdir -p "$OUT"
sed '/^# --- Debug checkers/,$d' "$TOP/config/kernel.config" > "$OUT/kernel.config"
# function_graph, with which make bench-scale times the kernel's part of an
# onlining; only the functions it selects are patched, the rest stay NOPs.
printf '%s\n' CONFIG_FTRACE=y CONFIG_FUNCTION_TRACER=y CONFIG_FUNCTION_GRAPH_TRACER=y \
	CONFIG_DYNAMIC_FTRACE=y >> "$OUT/kernel.config"
KBUILD=$BUILD/kbuild-bench KCONFIG_FRAGMENT=$OUT/kernel.config KIMAGE=$OUT/bzImage \
	"$TOP/scripts/kernel.sh"
