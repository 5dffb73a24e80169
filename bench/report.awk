#!/usr/bin/awk -f
# Turn the guest's "BENCH ..." lines into the tables of build/bench/results.txt:
# onlining time (median of the runs) relative to plain kmem, node 1 MemFree,
# and fio throughput of BLK relative to pmem, pmem with BTT, and brd.
function median(v, n,    i, j, t) {
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && v[j - 1] > v[j]; j--) {
			t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
		}
	return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
$2 == "online" {
	if (!($3 in n)) order[++nv] = $3
	runs[$3, ++n[$3]] = $4
}
$2 == "memfree" { mem[$3] = $4 }
$2 == "mapped" { mapped[$3] = $4 }
$2 == "fio" {
	if (!($4 in seen)) { seen[$4] = 1; jobs[++nj] = $4 }
	fruns[$3, $4, ++fn[$3, $4]] = $5
}
END {
	for (i = 1; i <= nv; i++) {
		split("", v)
		for (j = 1; j <= n[order[i]]; j++) v[j] = runs[order[i], j]
		med[order[i]] = median(v, n[order[i]])
	}
	for (k in fn) {
		split(k, dj, SUBSEP)
		split("", v)
		for (j = 1; j <= fn[k]; j++) v[j] = fruns[dj[1], dj[2], j]
		bw[dj[1], dj[2]] = median(v, fn[k])
	}
	print "Onlining a 2 GiB devdax region (daxctl reconfigure-device --mode=system-ram),"
	print "median of the runs, relative to plain kmem; node 1 MemFree after onlining:"
	printf "  %-12s %5s %9s %8s %12s\n", "variant", "runs", "seconds", "ratio", "MemFree kB"
	for (i = 1; i <= nv; i++) {
		k = order[i]
		printf "  %-12s %5d %9.3f %8.2f %12d\n", k, n[k], med[k], med[k] / med["plain"], mem[k]
	}
	for (k in mapped) printf "  (%s: %d blocks mapped)\n", k, mapped[k]
	print ""
	print "fio, psync, direct, queue depth 1, first 256 MiB of each device, KiB/s,"
	print "median of the runs (alloc-write: one run);"
	print "btt is pmem in sector mode (BTT), atomic per sector like blk:"
	printf "  %-12s %9s %9s %9s %9s %9s %9s %9s\n", "job", "blk", "pmem", "btt", "brd",
		"blk/pmem", "blk/btt", "blk/brd"
	for (i = 1; i <= nj; i++) {
		j = jobs[i]
		printf "  %-12s %9s %9s %9s %9s %9s %9s %9s\n", j, bw["blk", j], val("pmem", j),
			val("btt", j), val("brd", j), ratio("pmem", j), ratio("btt", j), ratio("brd", j)
	}
}
function val(d, j) { return (d, j) in bw ? bw[d, j] : "-" }
function ratio(d, j) {
	return ((d, j) in bw) && bw[d, j] > 0 ? sprintf("%.2f", bw["blk", j] / bw[d, j]) : "-"
}
