#!/usr/bin/env bash
# Multi-boot tests of the BLK persistence type on build/blk.img; each boot
# is judged by boot.sh (KTAP, kernel log, exit).  Prints KTAP.
#   1. reboot: ext4 files written, one more file's first page poisoned
#      (reads of that file alone fail), the VM rebooted, found again and
#      the other files intact;
#   2. power failure: ROUNDS boots each killed (SIGKILL of QEMU) at a random
#      moment while records are written and fsynced; each next boot checks
#      ext4 after journal replay and every acknowledged record;
#   3. corruption: the host damages the superblock, the map or its
#      summary, or rewrites the superblock as a kernel with other memory
#      blocks would have made it; the next boot refuses the device with a
#      precise message and leaves the media as it was; a boot with 66 GiB
#      of RAM (1 GiB memory blocks instead of 128 MiB) refuses it the same
#      way; once repaired and back to 128 MiB blocks, the data is intact;
#      garbage in a map page the summary says is out of use is ignored;
#      the layout rewritten as a kernel without the summary made it
#      attaches too;
#   4. two NVDIMMs on node 1: no other memory comes online beside BLK data.
# BLK_POWER_FAIL_ROUNDS (default 10) and BLK_POWER_FAIL_SEED set the rounds
# and the random kill points.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

IMG=$BUILD/blk.img G=$TOP/tests/guest
ROUNDS=${BLK_POWER_FAIL_ROUNDS:-10}
SEED=${BLK_POWER_FAIL_SEED:-$RANDOM}
CASES=(sb-csum block-size map-dup map-reserved summary-past)
BLOCKSIZE_MSG="the superblock on the media is invalid (memory block size differs from the formatted layout's)"
RANDOM=$SEED
n=0
mkdir -p "$BUILD/check"

result() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n $2"; else echo "not ok $n $2"; fi
}
# boot NAME VM_ARGS...: one judged boot; 0 if good.
boot() {
	local name=$1
	shift
	"$TOP/tests/boot.sh" "blk-$name" --image "$IMG" --timeout 400 "$@" > "$BUILD/check/blk-$name.log" 2>&1
}
# diag BOOT WORD: the "# WORD ..." diagnostics of a boot (serial: CRLF).
diag() { tr -d '\r' < "$BUILD/check/blk-$1/results.log" | sed -n "s/^# $2 //p"; }

echo "TAP version 13"
echo "1..$((ROUNDS + 9 + 2 * ${#CASES[@]}))"
echo "# power-failure kill points from seed $SEED"

# 1. Reboot persistence.
boot reboot-1 --fresh "$G/blk-fill.sh" && rc=0 || rc=$?
result $rc "reboot: BLK, ext4 and files on a fresh NVDIMM"
manifest=$(diag reboot-1 SUM)
boot reboot-2 "$G/blk-verify.sh" "$manifest" && rc=0 || rc=$?
result $rc "reboot: found again without selection, e2fsck clean, $(wc -l <<< "$manifest") checksums match"

# 2. Power failure.
acked=format
for ((r = 1; r <= ROUNDS; r++)); do
	at=$((RANDOM % 60 + 5))
	fresh=()
	[ "$acked" = format ] && fresh=(--fresh)
	boot "power-$r" "${fresh[@]}" --power-fail "@$((at / 10)).$((at % 10))" \
		"$G/blk-powerfail.sh" "$acked" && rc=0 || rc=$?
	last=$(diag "power-$r" ACK | tail -1)
	grep -q "power failure" "$BUILD/check/blk-power-$r/vm.out" || rc=1
	result $rc "power failure $r: state after the previous kill checked; killed $((at / 10)).$((at % 10))s into writing, after record ${last:-none}"
	[ -n "$last" ] && acked=$last
	[ "$acked" = format ] && acked=0
done
boot power-final "$G/blk-powerfail.sh" "$acked" final && rc=0 || rc=$?
result $rc "power failure: the state after the last kill checked (record $acked acknowledged)"

# 3. Corruption.
for c in "${CASES[@]}"; do
	before=$("$TOP/tests/blk-media.py" "$IMG" hash)
	msg=$("$TOP/tests/blk-media.py" "$IMG" corrupt "$c" "$BUILD/check/blk-$c.bak")
	damaged=$("$TOP/tests/blk-media.py" "$IMG" hash)
	boot "corrupt-$c" "$G/blk-refuse.sh" "$msg" && rc=0 || rc=$?
	result $rc "corruption $c: refused with '$msg'"
	[ "$("$TOP/tests/blk-media.py" "$IMG" hash)" = "$damaged" ] && [ "$damaged" != "$before" ] && rc=0 || rc=1
	result $rc "corruption $c: the media was left untouched"
	"$TOP/tests/blk-media.py" "$IMG" restore "$BUILD/check/blk-$c.bak"
done
# A real change of the memory block size: with 66 GiB of boot memory the
# guest's memory blocks are 1 GiB instead of 128 MiB, so kmem would online
# other ranges of the device.  Nothing is selected, as after any reboot.
before=$("$TOP/tests/blk-media.py" "$IMG" hash)
boot blocksize --ram 66G "$G/blk-refuse.sh" "$BLOCKSIZE_MSG" && rc=0 || rc=$?
grep -q 'Memory block size: 1024MB' "$BUILD/check/blk-blocksize/console.log" || rc=1
result $rc "memory blocks of 1 GiB (66 GiB of boot memory): refused with '$BLOCKSIZE_MSG'"
[ "$("$TOP/tests/blk-media.py" "$IMG" hash)" = "$before" ] && rc=0 || rc=1
result $rc "memory blocks of 1 GiB: the media was left untouched"
boot repaired "$G/blk-verify.sh" "" && rc=0 || rc=$?
result $rc "repaired, and with 128 MiB memory blocks again: the device attaches and e2fsck is clean"
# Map pages out of use are never read: garbage there (a map of an earlier
# format, say) changes nothing.
what=$("$TOP/tests/blk-media.py" "$IMG" stale "$BUILD/check/blk-stale.bak")
boot stale "$G/blk-verify.sh" "" && rc=0 || rc=$?
result $rc "summary: $what, out of use: the device attaches and e2fsck is clean"
"$TOP/tests/blk-media.py" "$IMG" restore "$BUILD/check/blk-stale.bak"
# A layout of a kernel before the summary: the whole map is read.  Last:
# that boot gives the summary's pages to the page allocator, so the layout
# cannot be turned back.
what=$("$TOP/tests/blk-media.py" "$IMG" legacy)
boot legacy "$G/blk-verify.sh" "" && rc=0 || rc=$?
grep -q 'kmemblk.*mapped' "$BUILD/check/blk-legacy/console.log" || rc=1
result $rc "layout without a summary ($what): the device attaches and e2fsck is clean"

# 4. Two NVDIMMs on node 1.
boot node --fresh --nvdimm2 512M "$G/blk-node.sh" && rc=0 || rc=$?
result $rc "two NVDIMMs on node 1: other memory stays off the node of BLK data"
