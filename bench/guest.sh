# Guest side of "make bench".  Prints "BENCH ..." lines for report.awk:
#   BENCH online VARIANT SECONDS   one reconfigure to system-ram
#   BENCH memfree VARIANT KB       node 1 MemFree after that onlining
#   BENCH mapped VARIANT BLOCKS    mapped blocks of the BLK device
#   BENCH fio DEVICE JOB KIB_S IOPS
set -euo pipefail

D=/sys/bus/dax/devices/dax0.0
REPS=5 SIZE=256 RUNTIME=3 JOBS="2 4"
say() { printf '# %s\n' "$*"; }
now() { echo "${EPOCHREALTIME/./}"; }
memfree() { awk '$3 == "MemFree:" { print $4 }' /sys/devices/system/node/node1/meminfo; }
to_devdax() {
	daxctl offline-memory dax0.0 > /dev/null
	daxctl reconfigure-device --mode=devdax dax0.0 > /dev/null
}
# online VARIANT: time one reconfigure to system-ram, then MemFree.
online() {
	local t0 t1
	t0=$(now)
	daxctl reconfigure-device --mode=system-ram dax0.0 > /dev/null
	t1=$(now)
	echo "BENCH online $1 $(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.3f", d / 1e6 }')"
	echo "BENCH memfree $1 $(memfree)"
}
# fio_dev NAME DEVICE [JOBS...]: the same jobs on each device, on its first
# SIZE MiB, the timed ones REPS times with one process, then with each of
# JOBS processes (job names get -jN), each on its own slice.  A first pass
# writes it all (not measured: QEMU faults in the backing memory on first
# touch).  Where the device discards (BLK, brd), the range is then
# discarded and written again: writes that allocate a page per block.
fio_dev() {
	local name=$1 dev=$2 job rw bs i n
	shift 2
	fio1 warm "$dev" write 128k "" 1 > /dev/null
	if blkdiscard -o 0 -l ${SIZE}M "$dev" 2> /dev/null; then
		fio1 alloc-write "$dev" write 128k "" 1 | result "$name"
	fi
	for n in 1 "$@"; do
		for job in seq-write:write:128k seq-read:read:128k \
			   rand-write:randwrite:4k rand-read:randread:4k; do
			IFS=: read -r job rw bs <<< "$job"
			[ "$n" -eq 1 ] || job=$job-j$n
			for ((i = 0; i < REPS; i++)); do
				fio1 "$job" "$dev" "$rw" "$bs" time "$n" | result "$name"
			done
		done
	done
}
# fio1 JOB DEVICE RW BS TIMED N: one fio job of N processes, each on its
# own SIZE/N MiB; their summed terse output.
fio1() {
	fio --name="$1" --filename="$2" --size=$((SIZE / $6))M \
		--offset_increment=$((SIZE / $6))M --numjobs="$6" --group_reporting \
		--rw="$3" --bs="$4" --ioengine=psync --direct=1 --randrepeat=0 \
		${5:+--time_based --runtime=$RUNTIME} \
		--output-format=terse --terse-version=3
}
# result DEVICE: "BENCH fio DEVICE JOB KIB_S IOPS" from terse output.
result() {
	awk -F';' -v d="$1" '{
		if ($48 > 0) print "BENCH fio", d, $3, $48, $49
		else print "BENCH fio", d, $3, $7, $8 }'
}

ndctl create-namespace -f -e namespace0.0 --mode=devdax > /dev/null
say "onlining: plain kmem, NONE, BLK (format, empty, with data), $REPS times each"
for ((i = 0; i < REPS; i++)); do
	echo 1 > $D/persistence_wipe
	echo > $D/persistence
	online plain
	to_devdax
done
echo 1 > $D/persistence_wipe
echo none > $D/persistence
online none-format
to_devdax
for ((i = 0; i < REPS; i++)); do online none; to_devdax; done
for ((i = 0; i < REPS; i++)); do
	echo 1 > $D/persistence_wipe
	echo blk > $D/persistence
	online blk-format
	to_devdax
done
for ((i = 0; i < REPS; i++)); do online blk-empty; to_devdax; done
online blk-empty
say "writing 960 MiB to kmemblk0.0"
dd if=/dev/zero of=/dev/kmemblk0.0 bs=1M count=960 oflag=direct 2> /dev/null
echo "BENCH mapped blk-data $(cat $D/kmem_persist/mapped_blocks)"
to_devdax
for ((i = 0; i < REPS; i++)); do online blk-data; to_devdax; done

say "fio: kmemblk0.0 (BLK), brd, then pmem0 and BTT's pmem0s on the same NVDIMM"
echo 1 > $D/persistence_wipe
echo blk > $D/persistence
online blk-fio
say "fio with $JOBS processes too: BLK, brd and pmem; $(nproc) CPUs"
fio_dev blk /dev/kmemblk0.0 $JOBS
to_devdax
fio_dev brd /dev/ram0 $JOBS
ndctl create-namespace -f -e namespace0.0 --mode=raw > /dev/null
fio_dev pmem /dev/pmem0 $JOBS
ndctl create-namespace -f -e namespace0.0 --mode=sector > /dev/null
fio_dev btt /dev/pmem0s
