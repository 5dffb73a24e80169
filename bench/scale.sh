#!/usr/bin/env bash
# make bench-scale: onlining time and cost against region size.  One boot of
# the benchmark kernel per size (BENCH_SCALE_SIZES, GiB; default 2 16 64
# 256), the NVDIMM a sparse file in /dev/shm, node 0 sized for the memmap
# of the region (64 bytes per 4 KiB page).  Writes build/bench/scale.txt
# (table) and build/bench/scale.png (seconds per GiB against size).
# BENCH_SCALE_CPU: the guest's CPU (default max,-erms,-fsrm).  TCG runs
# the "rep movsb/stosb" of ERMS and FSRM one byte per step, several times
# slower per byte than the kernel's 8-byte loops, where hardware runs them
# at least as fast; without them the guest kernel takes the 8-byte loops
# (copy_mc_to_kernel(), which reads the BLK map, becomes memcpy), so copies
# cost in the guest roughly what they cost relative to other work on
# hardware.  BENCH_SCALE_CPU=max measures with them.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

SIZES=${BENCH_SCALE_SIZES:-2 16 64 256}
REPS=${BENCH_SCALE_REPS:-3}
CPU=${BENCH_SCALE_CPU:-max,-erms,-fsrm}
OUT=$BUILD/bench
"$TOP/bench/kernel.sh"
mkdir -p "$OUT"
: > "$OUT/scale-raw.txt"
img=$(mktemp -u /dev/shm/dax-kmem-scale.XXXXXX)
trap 'rm -f "$img"' EXIT
for s in $SIZES; do
	ram=$((1024 + s * 16 + s * 4))
	step "bench-scale: $s GiB NVDIMM ($img), node 0 ${ram} MiB, CPU $CPU, $REPS runs per variant"
	rm -f "$img"
	"$TOP/scripts/vm.sh" --kernel "$OUT/bzImage" --fresh --image "$img" --size "${s}G" \
		--ram "${ram}M" --cpu-model "$CPU" --out "$OUT/scale-$s" --timeout $((1200 + s * 120)) \
		"$TOP/bench/scale-guest.sh" "$REPS" > "$OUT/scale-$s.out" ||
		die "the $s GiB boot failed; see $OUT/scale-$s"
	tr -d '\r' < "$OUT/scale-$s/results.log" | grep '^BENCH ' | sed "s/^BENCH /BENCH $s /" >> "$OUT/scale-raw.txt"
	rm -f "$img"
done
"$TOP/bench/scale-report.awk" -v dat="$OUT/scale.dat" "$OUT/scale-raw.txt" | tee "$OUT/scale.txt"
gnuplot -e "set terminal pngcairo size 800,500; set output '$OUT/scale.png';
	set logscale x 2; set xlabel 'region (GiB)'; set ylabel 'seconds per GiB (median)';
	set key top left; set title 'Onlining time per GiB, benchmark kernel under TCG';
	plot for [c=2:6] '$OUT/scale.dat' using 1:c with linespoints title columnheader" 2>/dev/null ||
	step "gnuplot failed; no plot"
step "bench-scale: $OUT/scale.txt, $OUT/scale.png"
