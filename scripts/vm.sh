#!/usr/bin/env bash
# Boot build/bzImage under QEMU (TCG) with 1 GiB RAM on NUMA node 0 and an
# NVDIMM on the CPU-less node 1, run a guest script, return its exit status.
#
#   vm.sh [options] [GUEST_SCRIPT [ARGS...]]
#     --image FILE      NVDIMM backing file (default build/nvdimm.img); kept
#                       across runs, so booting again is a reboot
#     --size SIZE       size when creating the image (default 2G)
#     --fresh           recreate the image (all zeroes) before booting
#     --timeout SEC     kill the guest after SEC seconds and fail (default 900)
#     --power-fail SEC  SIGKILL QEMU after SEC seconds (a power failure);
#                       the run then exits 0 when the kill happened.
#                       "@SEC": SEC seconds (decimals allowed) after the
#                       guest prints POWER-FAIL-ARM on the results channel
#     --out DIR         console.log and results.log go here (default build/vm)
#     --append ARGS     extra kernel command line
#     --nvdimm2 SIZE    a second NVDIMM of SIZE on node 1, zeroed each boot
#     --image2 FILE     its backing file (default OUT/nvdimm2.img)
#     --ram SIZE        memory of node 0 (default 1G)
#     --cpus N          virtual CPUs, all on node 0 (default 2)
#     --cpu-model M     QEMU -cpu model and features (default max)
#     --kernel FILE     boot FILE instead of build/bzImage
#     --prealloc        QEMU touches the NVDIMMs' memory before the boot, so
#                       that no guest store pays for the host's first
#                       touch of a page of the backing file
#     --extra DIR       DIR's files also go into the initramfs, at its root
#     --icount SHIFT    one TCG thread for all vCPUs and a guest clock that
#                       advances 2^SHIFT ns per guest instruction (QEMU
#                       -icount): guest time counts instructions, whatever
#                       the host's speed
#     --interactive     a shell on the console instead of a script
#
# Exit: the guest script's status; 124 timeout; 125 no verdict from the guest.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

KERNEL=$BUILD/bzImage IMG=$BUILD/nvdimm.img SIZE=2G FRESH=0 TIMEOUT=900 PFAIL= OUT=$BUILD/vm APPEND= INTER=0
NV2= IMG2= RAM=1G CPUS=2 CPU_MODEL=max EXTRA= PREALLOC= ACCEL=tcg,thread=multi
while [ $# -gt 0 ]; do
	case "$1" in
	--image) IMG=$2; shift 2 ;;
	--size) SIZE=$2; shift 2 ;;
	--fresh) FRESH=1; shift ;;
	--timeout) TIMEOUT=$2; shift 2 ;;
	--power-fail) PFAIL=$2; shift 2 ;;
	--out) OUT=$2; shift 2 ;;
	--append) APPEND=$2; shift 2 ;;
	--kernel) KERNEL=$2; shift 2 ;;
	--nvdimm2) NV2=$2; shift 2 ;;
	--image2) IMG2=$2; shift 2 ;;
	--ram) RAM=$2; shift 2 ;;
	--cpus) CPUS=$2; shift 2 ;;
	--cpu-model) CPU_MODEL=$2; shift 2 ;;
	--extra) EXTRA=$2; shift 2 ;;
	--prealloc) PREALLOC=,prealloc=on; shift ;;
	--icount) ACCEL="tcg,thread=single -icount shift=$2,sleep=off"; shift 2 ;;
	--interactive) INTER=1; shift ;;
	--) shift; break ;;
	-*) die "unknown option $1" ;;
	*) break ;;
	esac
done
[ -f "$KERNEL" ] && [ -f "$BUILD/initramfs.cpio" ] || die "build the kernel and initramfs first (make kernel initramfs)"
[ $INTER -eq 1 ] || [ $# -ge 1 ] || die "no guest script given"

mkdir -p "$OUT"
if [ $FRESH -eq 1 ] || [ ! -f "$IMG" ]; then
	rm -f "$IMG"
	truncate -s "$SIZE" "$IMG"
fi
size_mb=$(( $(stat -c %s "$IMG") >> 20 ))
nv2=() nv2_mb=0
if [ -n "$NV2" ]; then
	IMG2=${IMG2:-$OUT/nvdimm2.img}
	rm -f "$IMG2"
	truncate -s "$NV2" "$IMG2"
	nv2_mb=$(( $(stat -c %s "$IMG2") >> 20 ))
	nv2=(-object memory-backend-file,id=nvmem1,share=on,mem-path="$IMG2",size=${nv2_mb}M$PREALLOC
		-device nvdimm,id=nvdimm1,memdev=nvmem1,node=1)
fi
ram_mb=$(( $(numfmt --from=iec "$RAM") >> 20 ))

# The guest script rides in a second cpio archive appended to the initramfs.
run=$OUT/initrd.cpio
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
[ -z "$EXTRA" ] || cp -a "$EXTRA/." "$stage/"
if [ $INTER -eq 0 ]; then
	{
		echo '#!/bin/bash'
		printf 'set -- %s\n' "$(printf '%q ' "${@:2}")"
		cat "$1"
	} > "$stage/run.sh"
	chmod 755 "$stage/run.sh"
fi
(cd "$stage" && find . | cpio -o -H newc --quiet) | cat "$BUILD/initramfs.cpio" - > "$run"

# no5lvl: with -cpu max the kernel would use 5-level paging, under which
# KASAN reported a wild access in an interrupt during early boot (1 boot in
# about 60, before any code of the series runs); 4-level paging is what
# x86 machines run.
cmdline="console=ttyS0 loglevel=7 panic=-1 printk.devkmsg=on no5lvl $APPEND"
# shellcheck disable=SC2206 # ACCEL may carry the -icount option
qemu=(qemu-system-x86_64 -accel $ACCEL -cpu "$CPU_MODEL" -smp "$CPUS"
	-machine pc,nvdimm=on -m ${ram_mb}M,slots=4,maxmem=$((ram_mb + size_mb + nv2_mb + 2048))M
	-object memory-backend-ram,id=ram0,size=${ram_mb}M,reserve=off
	-numa node,nodeid=0,cpus=0-$((CPUS - 1)),memdev=ram0 -numa node,nodeid=1
	-object memory-backend-file,id=nvmem0,share=on,mem-path="$IMG",size=${size_mb}M$PREALLOC
	-device nvdimm,id=nvdimm0,memdev=nvmem0,node=1 "${nv2[@]}"
	-kernel "$KERNEL" -initrd "$run" -no-reboot -display none -nodefaults)

if [ $INTER -eq 1 ]; then
	exec "${qemu[@]}" -serial mon:stdio -append "$cmdline harness.interactive"
fi

: > "$OUT/console.log"
: > "$OUT/results.log"
"${qemu[@]}" -serial "file:$OUT/console.log" -serial "file:$OUT/results.log" \
	-append "$cmdline" &
qpid=$!
limit=$((TIMEOUT * 10)) killed= armed= pf=
case "$PFAIL" in
@*) armed=$(awk -v s="${PFAIL#@}" 'BEGIN { printf "%d", s * 10 }') ;;
?*) limit=$((PFAIL * 10)) pf=1 ;;
esac
# Stream the results channel while waiting.
tail -n +1 -F --pid=$qpid "$OUT/results.log" 2>/dev/null &
tpid=$!
for ((t = 0; t < limit; t++)); do
	kill -0 $qpid 2>/dev/null || break
	if [ -n "$armed" ] && grep -aq POWER-FAIL-ARM "$OUT/results.log"; then
		limit=$((t + armed)) armed= pf=1
	fi
	sleep 0.1
done
if kill -0 $qpid 2>/dev/null; then
	kill -9 $qpid
	killed=1
fi
wait $qpid 2>/dev/null || true
wait $tpid 2>/dev/null || true

if [ -n "$killed" ] && [ -n "$pf" ]; then
	echo "vm: power failure: QEMU killed with SIGKILL after ${PFAIL}s"
	exit 0
fi
if [ -n "$killed" ]; then
	echo "vm: TIMEOUT: guest still running after ${TIMEOUT}s, killed" >&2
	exit 124
fi
verdict=$(grep -a -o 'GUEST-EXIT: [0-9]*' "$OUT/results.log" | tail -1 | cut -d' ' -f2 || true)
if [ -z "$verdict" ]; then
	echo "vm: no verdict from the guest (crash or panic?); see $OUT/console.log" >&2
	exit 125
fi
exit "$verdict"
