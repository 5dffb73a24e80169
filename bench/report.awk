#!/usr/bin/awk -f
# Turn the guest's "BENCH ..." lines into the tables of build/bench/results.txt:
# onlining time (median of the runs) relative to plain kmem, node 1 MemFree,
# and fio throughput of BLK relative to pmem, pmem with BTT, and brd (the
# median of the ratios of runs made in the same round), with the spread of
# the runs.  With -v jobsdat=FILE, writes the throughput of
# BLK, pmem and brd against the number of processes (jobs named JOB-jN)
# for plotting.  With -v clock=icount (make bench's icount boot), no
# verdict on scaling.
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
		# spread: half the range of the runs, relative to their median
		spread[dj[1], dj[2]] = bw[dj[1], dj[2]] > 0 ? \
			(v[fn[k]] - v[1]) / 2 / bw[dj[1], dj[2]] * 100 : 0
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
	print "median of the runs (alloc-write: one run), +-: half the range of the runs"
	print "in % of the median; JOB-jN: N processes, each on its own slice;"
	print "btt is pmem in sector mode (BTT), atomic per sector like blk; blk/X is"
	print "the median of the ratios of runs made in the same round:"
	printf "  %-15s %9s %5s %9s %5s %9s %9s %9s %9s %9s\n", "job", "blk", "+-", "pmem", "+-",
		"btt", "brd", "blk/pmem", "blk/btt", "blk/brd"
	for (i = 1; i <= nj; i++) {
		j = jobs[i]
		printf "  %-15s %9s %5s %9s %5s %9s %9s %9s %9s %9s\n", j, bw["blk", j],
			pct("blk", j), val("pmem", j), pct("pmem", j), val("btt", j),
			val("brd", j), ratio("pmem", j), ratio("btt", j), ratio("brd", j)
	}
	hdr = 0
	for (i = 1; i <= nj; i++) {
		j = jobs[i]
		if (clock == "icount" || j ~ /-j[0-9]+$/ || !(("blk", j "-j2") in bw))
			continue
		if (!hdr++) {
			print ""
			print "scaling: throughput with N processes over throughput with one:"
			printf "  %-12s %9s %9s %9s %9s %9s %9s\n", "job", "blk 2", "pmem 2",
				"brd 2", "blk 4", "pmem 4", "brd 4"
		}
		printf "  %-12s %9s %9s %9s %9s %9s %9s\n", j, scale("blk", j, 2),
			scale("pmem", j, 2), scale("brd", j, 2), scale("blk", j, 4),
			scale("pmem", j, 4), scale("brd", j, 4)
	}
	decide()
	if (jobsdat == "")
		exit
	# One block per job kind: processes, then MiB/s of blk, pmem, brd.
	for (i = 1; i <= nj; i++) {
		j = jobs[i]
		if (j ~ /-j[0-9]+$/ || !(("blk", j "-j2") in bw))
			continue
		print "# " j > jobsdat
		for (p = 1; p <= 4; p *= 2) {
			k = p == 1 ? j : j "-j" p
			if (("blk", k) in bw)
				printf "%d %.1f %s %s\n", p, bw["blk", k] / 1024, mib("pmem", k),
					mib("brd", k) > jobsdat
		}
		printf "\n\n" > jobsdat
	}
}
function scale(d, j, p) {
	return ((d, j "-j" p) in bw) && bw[d, j] > 0 ? sprintf("%.2f", bw[d, j "-j" p] / bw[d, j]) : "-"
}
function pct(d, j) { return (d, j) in spread ? sprintf("%.0f", spread[d, j]) : "-" }
function mib(d, j) { return (d, j) in bw ? sprintf("%.1f", bw[d, j] / 1024) : "?" }
function val(d, j) { return (d, j) in bw ? bw[d, j] : "-" }
# ratios(D, JOB, V): BLK's run over D's run of the same round, for each
# round (the devices take turns in each round), sorted into V[1..m];
# returns m, or -1 if a run of D gave nothing.  Against btt, BLK's runs
# beside it are named blk2.
function ratios(d, j, v,    a, i, m) {
	a = d == "btt" ? "blk2" : "blk"
	m = fn[a, j] < fn[d, j] ? fn[a, j] : fn[d, j]
	split("", v)
	for (i = 1; i <= m; i++) {
		if (fruns[d, j, i] <= 0)
			return -1
		v[i] = fruns[a, j, i] / fruns[d, j, i]
	}
	median(v, m)
	return m
}
# ratio(D, JOB): the median of ratios(D, JOB).
function ratio(d, j,    m, v) {
	m = ratios(d, j, v)
	return m > 0 ? sprintf("%.2f", median(v, m)) : "-"
}
# below(n, k): P(X < k) for X binomial(n, 1/2): the chance that fewer than
# k of n runs fall below the true median.
function below(n, k,    c, i, p) {
	c = 1
	for (i = 0; i < k; i++) {
		p += c
		c = c * (n - i) / (i + 1)
	}
	return p / 2 ^ n
}
# ci(V, M): the distribution-free confidence interval of the median of
# the sorted V[1..M]: V[k]..V[M + 1 - k] covers the true median with
# probability 1 - 2 below(M, k); k the largest with coverage >= 95 %
# (k = 1 below 6 runs, with less).  Sets ci_lo, ci_hi, ci_cov.
function ci(v, m,    k) {
	for (k = 1; k < m / 2 && 1 - 2 * below(m, k + 1) >= 0.95; k++)
		;
	ci_lo = v[k]
	ci_hi = v[m + 1 - k]
	ci_cov = 1 - 2 * below(m, k)
}
# verdict(GOAL): met if the interval lies at or above GOAL, not met if it
# lies below, else undecided; undecided too when the interval's coverage
# is below 90 % (fewer than 5 rounds).
function verdict(goal) {
	if (ci_cov < 0.9)
		return "undecided (rounds)"
	return ci_lo >= goal ? "met" : ci_hi < goal ? "NOT met" : "undecided"
}
# decide(): BLK against pmem with an interval per job, and BLK's scaling
# from 1 to 2 processes against pmem's, whose per-round measure is the
# ratio with 2 processes over the ratio with 1 (rounds paired in order).
function decide(    i, j, m, v, w, goal, k, r2) {
	print ""
	print "BLK / pmem: median of the ratios of one round, with a distribution-free"
	print "confidence interval of the median (order statistics; coverage as given);"
	print "goal: writes >= 0.85, reads >= 0.95; met / NOT met: the whole interval"
	print "is above / below the goal; else undecided (too few or too noisy runs):"
	printf "  %-15s %6s %6s %6s %6s %5s %5s  %s\n", "job", "rounds", "ratio", "low",
		"high", "cover", "goal", "verdict"
	for (i = 1; i <= nj; i++) {
		j = jobs[i]
		if ((m = ratios("pmem", j, v)) <= 0)
			continue
		goal = j ~ /write/ ? 0.85 : 0.95
		ci(v, m)
		printf "  %-15s %6d %6.2f %6.2f %6.2f %4.0f%% %5.2f  %s\n", j, m,
			median(v, m), ci_lo, ci_hi, ci_cov * 100, goal, verdict(goal)
	}
	hdr = 0
	for (i = 1; i <= nj; i++) {
		j = jobs[i]
		if (clock == "icount" || j ~ /-j[0-9]+$/ || (m = ratios("pmem", j, v)) <= 0 ||
		    ratios("pmem", j "-j2", w) <= 0)
			continue
		# ratios() sorted both: pair the rounds in their order instead
		for (k = 1; k <= m && ("pmem", j "-j2", k) in fruns; k++) {
			r2 = fruns["blk", j "-j2", k] / fruns["pmem", j "-j2", k]
			v[k] = r2 / (fruns["blk", j, k] / fruns["pmem", j, k])
		}
		m = k - 1
		median(v, m)
		if (!hdr++) {
			print ""
			print "BLK's scaling from 1 to 2 processes over pmem's (>= 1: at least pmem's):"
			printf "  %-15s %6s %6s %6s %6s %5s %5s  %s\n", "job", "rounds", "ratio",
				"low", "high", "cover", "goal", "verdict"
		}
		ci(v, m)
		printf "  %-15s %6d %6.2f %6.2f %6.2f %4.0f%% %5.2f  %s\n", j, m, median(v, m),
			ci_lo, ci_hi, ci_cov * 100, 1, verdict(1)
	}
	if (clock == "icount") {
		print ""
		print "(No scaling: under -icount the processes share one clock that counts"
		print "the instructions of all vCPUs; the wall clock's run measures it.)"
	}
}
