# Guest side of "make bench", after bench/guest-lib.sh.  Prints "BENCH ..."
# lines for report.awk:
#   BENCH online VARIANT SECONDS   one reconfigure to system-ram
#   BENCH memfree VARIANT KB       node 1 MemFree after that onlining
#   BENCH mapped VARIANT BLOCKS    mapped blocks of the BLK device
#   BENCH fio DEVICE JOB KIB_S IOPS
# Arguments: rounds (default 5), seconds per fio run (default 3), the
# devices to compare with BLK, of pmem, brd and btt (default all three),
# and the process counts run after one process (default "2 4").
set -euo pipefail

D=/sys/bus/dax/devices/dax0.0
REPS=${1:-5} RUNTIME=${2:-3} OTHERS=${3:-pmem brd btt} JOBS=${4:-2 4} SIZE=256
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
# warm NAME DEVICE: a first pass writes the device's first SIZE MiB (not
# measured: QEMU faults in the backing memory on first touch).  Where the
# device discards (BLK, brd), the range is then discarded and written
# again, once: writes that allocate a page per block.  Last, every block
# is written once more, in random order, so that every timed run finds the
# device aged, as a filesystem leaves it: a BLK block's page is then any
# page of the region, not the neighbour of the next block's, and the runs
# before the random-write jobs see the same layout as those after them.
# (Scattered pages cost TCG a softmmu TLB miss per page, which icount does
# not count; on hardware, a cache miss on each struct page.)
warm() {
	fio_job warm "$2" write 128k 1 > /dev/null
	if blkdiscard -o 0 -l ${SIZE}M "$2" 2> /dev/null; then
		fio_job alloc-write "$2" write 128k 1 | result "$1"
	fi
	fio_job age "$2" randwrite 4k 1 > /dev/null
}
# fio_all N...: the timed jobs, REPS rounds each, with one process, then
# with each N (job names get -jN), each process on its own slice.  In each
# round the devices of DEVS ("NAME:DEVICE ...") take turns, so that a slow
# phase of the host slows all of them, and report.awk compares the runs
# of one round.  Round i starts with the device after the one that
# started round i - 1, so that no device always runs first or after the
# same one.
fio_all() {
	local job rw bs i k n d
	local -a devs
	read -r -a devs <<< "$DEVS"
	for n in 1 "$@"; do
		for job in seq-write:write:128k seq-read:read:128k \
			   rand-write:randwrite:4k rand-read:randread:4k; do
			IFS=: read -r job rw bs <<< "$job"
			[ "$n" -eq 1 ] || job=$job-j$n
			for ((i = 0; i < REPS; i++)); do
				for ((k = 0; k < ${#devs[@]}; k++)); do
					d=${devs[(i + k) % ${#devs[@]}]}
					fio_job "$job" "${d#*:}" "$rw" "$bs" "$n" time | result "${d%%:*}"
				done
			done
		done
	done
}
# has NAME: NAME is one of the devices to compare with BLK.
has() { [[ " $OTHERS " == *" $1 "* ]]; }
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

say "fio: kmemblk0.0 (BLK) on the first NVDIMM against $OTHERS (pmem1: the second NVDIMM, raw; btt: pmem1 in sector mode)"
say "fio: $REPS rounds of $RUNTIME s runs"
echo 1 > $D/persistence_wipe
echo blk > $D/persistence
online blk-fio
ndctl create-namespace -f -e namespace1.0 --mode=raw > /dev/null
warm blk /dev/kmemblk0.0
DEVS="blk:/dev/kmemblk0.0"
if has pmem; then warm pmem /dev/pmem1; DEVS+=" pmem:/dev/pmem1"; fi
if has brd; then warm brd /dev/ram0; DEVS+=" brd:/dev/ram0"; fi
say "fio with 1 and $JOBS processes, taking turns: $DEVS; $(nproc) CPUs"
fio_all $JOBS
if has btt; then
	ndctl create-namespace -f -e namespace1.0 --mode=sector > /dev/null
	warm btt /dev/pmem1s
	say "fio with one process: BLK (as blk2) and BTT taking turns"
	DEVS="blk2:/dev/kmemblk0.0 btt:/dev/pmem1s"
	fio_all
fi
