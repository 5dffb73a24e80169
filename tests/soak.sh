#!/usr/bin/env bash
# make soak: long runs of the BLK persistence type, one VM at a time, on
# their own NVDIMM image; each boot judged by boot.sh.  Prints KTAP, a
# table per workload and "N passed, N failed, N skipped".
#   1. power failures, SOAK_POWER_FAIL_ROUNDS (default 100), rotating the
#      workloads ext4, dio and discard (tests/guest/soak-pf-*.sh) over
#      three partitions; each boot checks every workload's acknowledged
#      operations after the previous kill, then runs the next workload
#      until QEMU is killed at a random moment (SOAK_SEED);
#   2. detach and attach under load, SOAK_CYCLES (default 50) cycles;
#   3. memory pressure while mounted;
#   4. kexec into the same kernel (skipped when the guest cannot kexec:
#      no CONFIG_KEXEC_FILE in the kernel tested, no kexec binary);
#   5. the device's lowest memory block offlined and onlined under load,
#      SOAK_SPAN (default 300) times.
# --short: 3 rounds, 3 cycles, 30 onlinings, whatever the variables say
# (make check).
# SOAK_STEPS: the steps to run, of "power cycles pressure kexec span" (all).
# SOAK_KERNEL: the kernel image to test (build/bzImage), e.g. a mutant.
# Output: SOAK_OUT (default build/soak).
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

short=0
[ "${1:-}" != --short ] || short=1
ROUNDS=${SOAK_POWER_FAIL_ROUNDS:-100} CYCLES=${SOAK_CYCLES:-50} SPAN=${SOAK_SPAN:-300}
[ $short -eq 0 ] || ROUNDS=3 CYCLES=3 SPAN=30
SEED=${SOAK_SEED:-$RANDOM}
OUT=${SOAK_OUT:-$BUILD/soak}
KERNEL=$(realpath "${SOAK_KERNEL:-$BUILD/bzImage}")
STEPS=${SOAK_STEPS:-power cycles pressure kexec span}
for s in $STEPS; do
	case $s in power | cycles | pressure | kexec | span) ;; *) die "SOAK_STEPS: no step '$s' (power cycles pressure kexec span)" ;; esac
done
WORK=(ext4 dio discard)
G=$TOP/tests/guest IMG=$OUT/nvdimm.img
RANDOM=$SEED
n=0 pass=0 fail=0 skip=0
declare -A rounds acked failed secs

# boot.sh keeps its logs in $BUILD/check: give it a BUILD of our own.
mkdir -p "$OUT/check"
ln -sf "$KERNEL" "$OUT/bzImage"
ln -sf "$BUILD/initramfs.cpio" "$OUT/initramfs.cpio"

result() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n $2" && pass=$((pass + 1))
	else
		echo "not ok $n $2" && fail=$((fail + 1))
	fi
}
# guest SCRIPT...: one guest script of soak-lib.sh and the given ones.
guest() {
	local f=$OUT/guest-${1%.sh}.sh
	(cd "$G" && cat soak-lib.sh "$@") > "$f"
	echo "$f"
}
# boot NAME VM_ARGS...: one judged boot; 0 if good; $took: its seconds.
boot() {
	local name=$1 t0
	shift
	t0=$SECONDS
	BUILD=$OUT "$TOP/tests/boot.sh" "soak-$name" "$@" > "$OUT/check/soak-$name.log" 2>&1 && rc=0 || rc=$?
	took=$((SECONDS - t0))
	rm -f "$OUT/check/soak-$name/initrd.cpio"
	return $rc
}
# diag BOOT WORD: the "# WORD ..." diagnostics of a boot (serial: CRLF).
diag() { tr -d '\r' < "$OUT/check/soak-$1/results.log" | sed -n "s/^# $2 //p"; }

want() { [[ " $STEPS " == *" $1 "* ]]; }
plan=0
! want power || plan=$((plan + ROUNDS + 1))
for s in cycles pressure kexec span; do ! want $s || plan=$((plan + 1)); done

echo "TAP version 13"
echo "1..$plan"
echo "# soak: seed $SEED, $ROUNDS power failures, $CYCLES detach/attach cycles"

if want power; then
	# 1. Power failures.
	power=$(guest soak-pf-ext4.sh soak-pf-raw.sh soak-pf-dio.sh soak-pf-discard.sh soak-power.sh)
	declare -A ranges=([dio]= [discard]=)
	ext4=format prev=
	for ((r = 1; r <= ROUNDS + 1; r++)); do
		w=${WORK[(r - 1) % 3]} at=$((RANDOM % 60 + 5))
		args=(--image "$IMG" --timeout 400)
		[ "$ext4" != format ] || args+=(--fresh)
		if [ $r -le "$ROUNDS" ]; then
			boot "power-$r" "${args[@]}" --power-fail "@$((at / 10)).$((at % 10))" \
				"$power" "$r" "$w" "$ext4" "${ranges[dio]}" "${ranges[discard]}" && rc=0 || rc=$?
			grep -q "power failure" "$OUT/check/soak-power-$r/vm.out" || rc=1
		else
			boot "power-final" "${args[@]}" "$power" "$r" - "$ext4" "${ranges[dio]}" \
				"${ranges[discard]}" final && rc=0 || rc=$?
		fi
		if [ -n "$prev" ]; then
			failed[$prev]=$((${failed[$prev]:-0} + (rc != 0)))
		fi
		[ $r -le "$ROUNDS" ] || { result $rc "power failure: the state after the last kill ($prev) checked"; break; }
		last=$(diag "power-$r" "ACK $w" | tail -1)
		result $rc "power failure $r: the state after ${prev:-the format} checked; $w killed $((at / 10)).$((at % 10))s in, after operation ${last:-none}"
		case $w in
		ext4)
			[ "$ext4" != format ] || ext4=0
			acked[$w]=$((${acked[$w]:-0} + ${last:-$ext4} - ext4))
			ext4=${last:-$ext4} ;;
		*)
			[ -z "$last" ] || acked[$w]=$((${acked[$w]:-0} + last - r * 10000 + 1))
			ranges[$w]+=${ranges[$w]:+,}$r:${last:-0} ;;
		esac
		rounds[$w]=$((${rounds[$w]:-0} + 1)) secs[$w]=$((${secs[$w]:-0} + took))
		prev=$w
	done
fi

if want cycles; then
	# 2. Detach and attach under load.
	boot cycles --image "$IMG" --fresh --timeout $((600 + CYCLES * 90)) \
		"$(guest soak-cycle.sh)" "$CYCLES" && rc=0 || rc=$?
	result $rc "detach/attach: $CYCLES cycles under load, accounting and data checked"
	cycle_s=$((took / CYCLES))
fi

if want pressure; then
	# 3. Memory pressure while mounted.
	boot pressure --image "$IMG" --fresh --timeout 900 "$(guest soak-pressure.sh)" && rc=0 || rc=$?
	result $rc "memory pressure: writes fail cleanly, fsync'ed data kept, remount needed: $(diag pressure REMOUNT)"
fi

if want kexec; then
	# 4. kexec: the guest needs the kernel, in one more archive of the
	# initramfs, and room for a copy of its root file system and the
	# kernel's copy of that.  The guest skips when it cannot kexec.
	k=$OUT/kexec stage=$(mktemp -d)
	mkdir -p "$k/check" "$stage/boot"
	cp "$KERNEL" "$stage/boot/bzImage"
	ln -sf "$KERNEL" "$k/bzImage"
	(cd "$stage" && find . | cpio -o -H newc --quiet) | cat "$BUILD/initramfs.cpio" - > "$k/initramfs.cpio"
	rm -rf "$stage"
	OUT=$k boot kexec --image "$IMG" --fresh --ram 2G --timeout 900 "$(guest soak-kexec.sh)" && rc=0 || rc=$?
	rm -f "$k/initramfs.cpio"
	why=$(tr -d '\r' < "$k/check/soak-kexec/results.log" | sed -n 's/.*# SKIP //p' | head -1)
	if [ -n "$why" ]; then
		n=$((n + 1)) skip=$((skip + 1))
		echo "ok $n kexec into the same kernel keeps BLK data # SKIP $why"
	else
		result $rc "kexec into the same kernel: the region not taken as RAM, BLK data intact"
	fi
fi

if want span; then
	# 5. One block offlined and onlined under load.
	boot span --image "$IMG" --fresh --timeout $((600 + SPAN * 10)) \
		"$(guest soak-span.sh)" "$SPAN" && rc=0 || rc=$?
	result $rc "lowest block offlined and onlined $SPAN times under load: data, kept pages, zone span"
fi

if want power; then
	echo "# workload  rounds  acked-ops-checked  failures  s/round"
	for w in "${WORK[@]}"; do
		printf '# %-8s %7d %18d %9d %8s\n' "$w" "${rounds[$w]:-0}" "${acked[$w]:-0}" "${failed[$w]:-0}" \
			"$([ "${rounds[$w]:-0}" -eq 0 ] || echo $((${secs[$w]} / ${rounds[$w]})))"
	done
fi
! want cycles || echo "# detach/attach: $CYCLES cycles, ${cycle_s}s per cycle (boot included)"
echo "# soak: seed $SEED, $((SECONDS / 60))m$((SECONDS % 60))s"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
