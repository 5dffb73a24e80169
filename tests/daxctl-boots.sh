#!/usr/bin/env bash
# The daxctl series end to end, on build/daxctl.img: boot 1 drives kmem
# persistence with the patched daxctl (tests/guest/daxctl.sh), boot 2
# brings BLK data back after a reboot through /etc/daxctl.conf.d and
# "reconfigure-device -C" (tests/guest/daxctl-boot.sh).  Each boot is
# judged by boot.sh, which writes build/check/daxctl-N/counts.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

IMG=$BUILD/daxctl.img G=$TOP/tests/guest
rc=0
"$TOP/tests/boot.sh" daxctl-1 --image "$IMG" --fresh "$G/daxctl.sh" || rc=1
sum=$(tr -d '\r' < "$BUILD/check/daxctl-1/results.log" | sed -n 's/^# SUM //p')
"$TOP/tests/boot.sh" daxctl-2 --image "$IMG" "$G/daxctl-boot.sh" "$sum" || rc=1
exit $rc
