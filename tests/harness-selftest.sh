#!/usr/bin/env bash
# The harness must catch a broken guest: a kernel warning, a panic, a hang
# and a failed assertion each make a boot fail.  Prints KTAP.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

G=$TOP/tests/guest
cases=(
	"warning:$G/lkdtm.sh WARNING"
	"panic:$G/lkdtm.sh PANIC"
	"hang:--timeout 20 $G/hang.sh"
	"assertion:$G/failing-test.sh"
)
echo "TAP version 13"
echo "1..${#cases[@]}"
i=0
for c in "${cases[@]}"; do
	i=$((i + 1))
	name=${c%%:*}
	# shellcheck disable=SC2086
	if "$TOP/tests/boot.sh" "harness-$name" ${c#*:} > "$BUILD/check/harness-$name.log" 2>&1; then
		echo "not ok $i harness flags a guest $name # the boot was judged good"
	else
		echo "ok $i harness flags a guest $name"
	fi
done
