#!/usr/bin/env bash
# make bench: one VM run on a kernel without the debug checkers, comparing
# the BLK device with /dev/pmem on a second emulated NVDIMM and with brd,
# and persistence-aware onlining with plain kmem onlining of the same
# region.  Writes build/bench/results.txt; ratios, not absolute numbers,
# are what a TCG guest can tell.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

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
# Four vCPUs for the runs of 1, 2 and 4 fio processes; the host has two
# cores, so only scaling from 1 to 2 processes can show.
step "bench: one boot with 4 vCPUs, two fresh, preallocated 2 GiB NVDIMMs backed by $img{,.2}, brd of 256 MiB on node 0"
"$TOP/scripts/vm.sh" --kernel "$OUT/bzImage" --fresh --image "$img" --nvdimm2 2G --image2 "$img.2" \
	--cpus 4 --prealloc --out "$OUT/vm" --timeout 2400 --append "brd.rd_nr=1 brd.rd_size=262144" \
	"$guest" > "$OUT/vm.out"
tr -d '\r' < "$OUT/vm/results.log" | grep '^BENCH ' > "$OUT/raw.txt" ||
	die "no results; see $OUT/vm/results.log"
rm -f "$OUT/jobs.dat"
"$TOP/bench/report.awk" -v jobsdat="$OUT/jobs.dat" "$OUT/raw.txt" | tee "$OUT/results.txt"
gnuplot -e "set terminal pngcairo size 900,700; set output '$OUT/jobs.png';
	set multiplot layout 2,2 title 'fio throughput against processes, benchmark kernel under TCG (2 host cores)';
	set datafile missing '?'; set logscale x 2; set yrange [0:*]; set xrange [0.9:4.4];
	set xlabel 'processes'; set ylabel 'MiB/s (median)'; set xtics (1, 2, 4); set key bottom right;
	do for [i=0:3] { set title system(sprintf(\"awk '/^# /{n++; if (n == %d) print \$2}' $OUT/jobs.dat\", i + 1));
	plot '$OUT/jobs.dat' index i using 1:2 with linespoints title 'blk',
	     '' index i using 1:3 with linespoints title 'pmem',
	     '' index i using 1:4 with linespoints title 'brd' }; unset multiplot" 2>/dev/null ||
	step "gnuplot failed; no plot"
step "bench: $OUT/results.txt, $OUT/jobs.png"
