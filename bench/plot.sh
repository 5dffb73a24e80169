#!/usr/bin/env bash
# plot.sh DAT PNG CLOCK: make bench's plot of fio throughput against
# processes, from the blocks report.awk writes to DAT (one per job kind:
# processes, then MiB/s of blk, pmem and brd).
set -euo pipefail
dat=$1 png=$2 clock=$3
gnuplot -e "set terminal pngcairo size 900,700; set output '$png';
	set multiplot layout 2,2 title 'fio throughput against processes, benchmark kernel under TCG, $clock clock';
	set datafile missing '?'; set logscale x 2; set yrange [0:*]; set xrange [0.9:4.4];
	set xlabel 'processes'; set ylabel 'MiB/s (median)'; set xtics (1, 2, 4); set key bottom right;
	do for [i=0:3] { set title system(sprintf(\"awk '/^# /{n++; if (n == %d) print \$2}' $dat\", i + 1));
	plot '$dat' index i using 1:2 with linespoints title 'blk',
	     '' index i using 1:3 with linespoints title 'pmem',
	     '' index i using 1:4 with linespoints title 'brd' }; unset multiplot" 2>/dev/null
