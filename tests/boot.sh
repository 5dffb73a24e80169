#!/usr/bin/env bash
# boot.sh NAME [vm.sh options] GUEST_SCRIPT [ARGS]: boot the test VM once and
# judge it.  Results: KUnit KTAP on the console, kselftest KTAP on the results
# channel.  Writes "pass fail skip" to build/check/NAME/counts; a boot that
# timed out, crashed, printed no results or whose kernel log shows a problem
# adds a failure.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

name=$1
shift
out=$BUILD/check/$name
rm -rf "$out"
mkdir -p "$out"

rc=0
"$TOP/scripts/vm.sh" --out "$out" "$@" > "$out/vm.out" 2>&1 || rc=$?

read -r kp kf ks < <(awk -f "$TOP/tests/ktap.awk" "$out/console.log" 2>"$out/kunit.err")
read -r sp sf ss < <(awk -f "$TOP/tests/ktap.awk" "$out/results.log" 2>"$out/kselftest.err")
pass=$((kp + sp)) fail=$((kf + sf)) skip=$((ks + ss))
cat "$out/kunit.err" "$out/kselftest.err"

why=()
[ "$rc" -eq 0 ] || why+=("vm exit $rc: $(tail -1 "$out/vm.out")")
[ $((pass + fail + skip)) -gt 0 ] || why+=("no test results")
"$TOP/tests/scan-log.sh" "$out/console.log" > "$out/scan.out" || why+=("kernel log problems")
if [ ${#why[@]} -gt 0 ]; then
	fail=$((fail + 1))
	cat "$out/scan.out"
fi

echo "$pass $fail $skip" > "$out/counts"
msg="boot $name: $pass passed, $fail failed, $skip skipped"
[ ${#why[@]} -eq 0 ] || msg+=" ($(IFS=';'; echo "${why[*]}"))"
step "$msg"
[ "$fail" -eq 0 ]
