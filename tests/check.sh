#!/usr/bin/env bash
# Run every test: the series checks, the selftest boots and the harness
# self-test.  Ends with one line "N passed, N failed, N skipped"; exits
# non-zero on any failure.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

rm -rf "$BUILD/check"
mkdir -p "$BUILD/check"
# A copy of this output, so that the failures can be repeated at the end,
# where a truncated log still shows them.
exec > >(tee "$BUILD/check/check.log") 2>&1
pass=0 fail=0 skip=0
add() { pass=$((pass + $1)) fail=$((fail + $2)) skip=$((skip + $3)); }

# KTAP producers on the host.
for t in series ndctl-series ndctl-style bench-report harness-selftest; do
	step "running $t tests"
	"$TOP/tests/$t.sh" > "$BUILD/check/$t.ktap" || true
	grep -E '^(not )?ok ' "$BUILD/check/$t.ktap" | sed 's/^/    /'
	add $(awk -f "$TOP/tests/ktap.awk" "$BUILD/check/$t.ktap")
done

# Guest boots.
step "boot: kselftests on a fresh NVDIMM"
"$TOP/tests/boot.sh" selftests --fresh --timeout 1200 \
	--append "memory_hotplug.memmap_on_memory=1" "$TOP/tests/guest/kselftest.sh" || true
add $(cat "$BUILD/check/selftests/counts")

step "boots: daxctl with the ndctl series"
"$TOP/tests/daxctl-boots.sh" || true
for b in daxctl-1 daxctl-2; do
	add $(cat "$BUILD/check/$b/counts" 2>/dev/null || echo 0 1 0)
done

step "boots: BLK reboot, power failure and corruption"
"$TOP/tests/blk-boots.sh" > "$BUILD/check/blk-boots.ktap" || true
grep -E '^(not )?ok |^# power' "$BUILD/check/blk-boots.ktap" | sed 's/^/    /'
add $(awk -f "$TOP/tests/ktap.awk" "$BUILD/check/blk-boots.ktap")

step "boots: soak, short (power failures rotating workloads, detach/attach, pressure, kexec, one block onlined under load)"
SOAK_OUT=$BUILD/check/soak "$TOP/tests/soak.sh" --short > "$BUILD/check/soak.ktap" || true
grep -E '^(not )?ok |^# ' "$BUILD/check/soak.ktap" | sed 's/^/    /'
add $(awk -f "$TOP/tests/ktap.awk" "$BUILD/check/soak.ktap")

if [ "$fail" -ne 0 ]; then
	echo "failed (logs in ${BUILD#"$TOP"/}/check/):"
	grep -E '^\s*not ok |ktap: FAIL|^\[ *[0-9]+s\] boot .* [1-9][0-9]* failed' "$BUILD/check/check.log" |
		sed 's/^ */    /' || echo "    (no failure line found: see above)"
fi
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
