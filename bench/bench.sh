#!/usr/bin/env bash
# make bench: VM runs on a kernel without the debug checkers, comparing
# the BLK device with /dev/pmem on a second emulated NVDIMM, with BTT and
# with brd, and persistence-aware onlining with plain kmem onlining of the
# same region.  Writes build/bench/results.txt; ratios, not absolute
# numbers, are what a TCG guest can tell.
#
# One boot per guest clock of BENCH_CLOCKS (default "icount wall"):
#   icount  one TCG thread runs the vCPUs and the guest's clock advances
#           1 ns per guest instruction (QEMU -icount shift=0): a run's
#           time is the instructions it took, repeatable to a fraction of
#           a percent whatever the host does.  Every instruction costs the
#           same, and N processes share one clock, so this clock measures
#           cost per I/O, not scaling.
#   wall    one TCG thread per vCPU, the guest's clock the host's: scaling
#           from 1 to 2 processes can show (the host has two cores), but
#           with 4 vCPUs runs of one device spread by 10-30 % within one
#           boot.
# BENCH_ROUNDS: rounds of fio runs and of onlinings (default 5);
# BENCH_RUNTIME: guest seconds per fio run (default 3); BENCH_DEVICES: what
# BLK is compared with, of pmem, brd and btt (default all three);
# BENCH_CPU: the guest's CPU (default max,-erms,-fsrm, as in bench-scale:
# without them the kernel copies with 8-byte loops, not with the "rep
# movsb" that TCG runs one byte per step); BENCH_CPUS: the guest's vCPUs
# (default 4); BENCH_JOBS: the process counts run after one process
# (default "2 4"); BENCH_CPUS=2 BENCH_JOBS=2 gives each vCPU of a wall
# clock's run one of a 2-core host's cores.  The report gives each BLK/pmem
# ratio a confidence interval and says whether the project's goal is met,
# not met or undecided by the run.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

CLOCKS=${BENCH_CLOCKS:-icount wall} CPU=${BENCH_CPU:-max,-erms,-fsrm}
ROUNDS=${BENCH_ROUNDS:-5} RUNTIME=${BENCH_RUNTIME:-3} DEVICES=${BENCH_DEVICES:-pmem brd btt}
CPUS=${BENCH_CPUS:-4} JOBS=${BENCH_JOBS:-2 4}
[[ $ROUNDS =~ ^[1-9][0-9]*$ && $RUNTIME =~ ^[1-9][0-9]*$ && $CPUS =~ ^[1-9][0-9]*$ ]] ||
	die "BENCH_ROUNDS, BENCH_RUNTIME and BENCH_CPUS must be positive integers"
for n in $JOBS; do
	[[ $n =~ ^[2-9]$|^[1-9][0-9]+$ ]] || die "BENCH_JOBS: $n is not a process count above 1"
done
for d in $DEVICES; do
	[[ $d =~ ^(pmem|brd|btt)$ ]] || die "BENCH_DEVICES: unknown device $d (pmem, brd, btt)"
done
for c in $CLOCKS; do guest_clock "$c" 0; done
OUT=$BUILD/bench
mkdir -p "$OUT"
"$TOP/bench/kernel.sh"

# The NVDIMM's backing file lives in host RAM (/dev/shm) like brd's pages:
# on disk, the host's writeback of the file would interfere with writes.
# A second NVDIMM, for pmem and BTT, lets BLK and them take turns in one
# round of fio runs.  Both are preallocated by QEMU: BLK's writes put new
# pages of its whole region in use, pmem's stay in the range the warm-up
# wrote, and the host's first touch of a page of the backing file (a page
# fault and a zeroed page, paid inside the guest's copy) is no cost of a
# real NVDIMM.
img=$(mktemp -u /dev/shm/dax-kmem-bench.XXXXXX)
trap 'rm -f "$img" "$img.2"' EXIT
# The guest script: the bench guests' shared functions, then its own.
guest=$OUT/bench-guest.sh
cat "$TOP/bench/guest-lib.sh" "$TOP/bench/guest.sh" > "$guest"
# The guest's time: 4 fio jobs per process count, round and device, each
# of RUNTIME seconds and up to 3 of fio's own start, plus 15 minutes.
ndev=$(wc -w <<< "$DEVICES") njobs=$(($(wc -w <<< "$JOBS") + 1))
limit=$((900 + ROUNDS * (ndev + 1) * 4 * njobs * (RUNTIME + 3)))
: > "$OUT/results.txt"
for clock in $CLOCKS; do
	guest_clock "$clock" "$limit"
	step "bench ($clock clock): one boot with $CPUS vCPUs ($CPU), two fresh, preallocated 2 GiB NVDIMMs backed by $img{,.2}, brd of 256 MiB on node 0; $ROUNDS rounds of ${RUNTIME} s with 1 and $JOBS processes, BLK against $DEVICES"
	"$TOP/scripts/vm.sh" --kernel "$OUT/bzImage" --fresh --image "$img" --nvdimm2 2G \
		--image2 "$img.2" --cpus "$CPUS" --cpu-model "$CPU" --prealloc "${clock_opt[@]}" \
		--out "$OUT/vm-$clock" --timeout "$clock_timeout" --append "brd.rd_nr=1 brd.rd_size=262144" \
		"$guest" "$ROUNDS" "$RUNTIME" "$DEVICES" "$JOBS" > "$OUT/vm-$clock.out"
	tr -d '\r' < "$OUT/vm-$clock/results.log" | grep '^BENCH ' > "$OUT/raw-$clock.txt" ||
		die "no results; see $OUT/vm-$clock/results.log"
	rm -f "$OUT/jobs-$clock.dat"
	{
		echo "=== $clock clock: ${ROUNDS} rounds of ${RUNTIME} s, $CPUS vCPUs, CPU $CPU"
		"$TOP/bench/report.awk" -v clock="$clock" -v jobsdat="$OUT/jobs-$clock.dat" "$OUT/raw-$clock.txt"
		echo
	} | tee -a "$OUT/results.txt"
	"$TOP/bench/plot.sh" "$OUT/jobs-$clock.dat" "$OUT/jobs-$clock.png" "$clock" ||
		step "gnuplot failed; no plot"
done
step "bench: $OUT/results.txt, $OUT/jobs-*.png"
