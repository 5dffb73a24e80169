#!/usr/bin/awk -f
# Turn "BENCH SIZE ..." lines of bench/scale-guest.sh into the table of
# build/bench/scale.txt: per size and variant the median onlining time, the
# time per GiB onlined, the median over rounds of the ratio to plain kmem
# in the same round, the marginal time per GiB from the size before (the
# slope: linear time keeps it flat whatever the fixed cost of an onlining,
# which dominates s/GiB at 2 GiB), the checks, and the framework's costs:
# DRAM (the owned-page bitmap, one bit per page, and BLK's copy of its
# summary, one bit per metadata page) and media (BLK's metadata pages:
# summary and map); then the same for the kernel's part of each onlining, timed by
# function_graph ("BENCH SIZE kernel" lines), where the guest's trace
# holds them.  Writes the seconds per GiB to the file "dat".
function median(v, n,    i, j, t) {
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && v[j - 1] > v[j]; j--) {
			t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
		}
	return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
# med_of(x, cnt, s, name): the median of x[s, name, 1..cnt[s, name]]
function med_of(x, cnt, s, name,    v, j) {
	for (j = 1; j <= cnt[s, name]; j++) v[j] = x[s, name, j]
	return cnt[s, name] ? median(v, cnt[s, name]) : 0
}
# ratio_of(x, cnt, s, name): the median over rounds of x of name over x of
# plain in the same round.  Rounds run every variant once: the median of
# the ratios within a round is immune to drift across rounds.
function ratio_of(x, cnt, s, name,    v, j, nr) {
	nr = cnt[s, name] < cnt[s, "plain"] ? cnt[s, name] : cnt[s, "plain"]
	for (j = 1; j <= nr; j++)
		v[j] = x[s, "plain", j] ? x[s, name, j] / x[s, "plain", j] : 0
	return nr ? median(v, nr) : 0
}
# work_of(s, name): the median over rounds of the type's work in the
# kernel (kmem_persist_attach()) over plain onlining's kernel part in the
# same round: what the type adds to onlining, free of the bimodal noise
# of the totals.
function work_of(s, name,    v, j, nr) {
	nr = kn[s, name] < kn[s, "plain"] ? kn[s, name] : kn[s, "plain"]
	for (j = 1; j <= nr; j++)
		v[j] = kt[s, "plain", j] ? ka[s, name, j] / kt[s, "plain", j] : 0
	return nr ? median(v, nr) : 0
}
$1 == "BENCH" && !($2 in seen) { seen[$2] = 1; sizes[++ns] = $2 }
$3 == "online" { runs[$2, $4, ++n[$2, $4]] = $5 }
$3 == "kernel" { kt[$2, $4, ++kn[$2, $4]] = $5; ka[$2, $4, kn[$2, $4]] = $6 }
$3 == "pages" { pages[$2] = $4 }
$3 == "meta" { meta[$2, $4] = $5 }
$3 == "check" { if ($4 == "ok") ok[$2]++; else bad[$2]++ }
END {
	nv = split("plain none blk-format blk-empty blk-data", var, " ")
	printf "%-6s %-11s %5s %9s %8s %8s %9s\n", "GiB", "variant", "runs", "median s", "s/GiB",
		"vs plain", "marginal"
	for (i = 1; i <= ns; i++) {
		s = sizes[i]
		gib = pages[s] * 4096 / 2^30
		for (k = 1; k <= nv; k++) {
			m = med[s, var[k]] = med_of(runs, n, s, var[k])
			printf "%-6s %-11s %5d %9.2f %8.3f %8.2f", s, var[k], n[s, var[k]], m,
				gib ? m / gib : 0, ratio_of(runs, n, s, var[k])
			if (i > 1 && gib > pgib)
				printf " %9.3f", (m - med[sizes[i - 1], var[k]]) / (gib - pgib)
			printf "\n"
		}
		pgib = gib
	}
	if (length(kn)) {
		print ""
		print "The kernel's part of each onlining, timed by function_graph:"
		print "add_memory_driver_managed() + online_pages() + kmem_persist_attach();"
		print "attach: kmem_persist_attach() alone (the type's format or map walk);"
		print "work: attach over plain's kernel part, median over rounds"
		printf "%-6s %-11s %5s %9s %8s %8s %10s %7s\n", "GiB", "variant", "runs", "median s",
			"s/GiB", "vs plain", "attach/GiB", "work"
	}
	for (i = 1; length(kn) && i <= ns; i++) {
		s = sizes[i]
		gib = pages[s] * 4096 / 2^30
		for (k = 1; k <= nv; k++) {
			m = med_of(kt, kn, s, var[k])
			printf "%-6s %-11s %5d %9.3f %8.4f %8.2f %10.5f %7.4f\n", s, var[k],
				kn[s, var[k]], m, gib ? m / gib : 0, ratio_of(kt, kn, s, var[k]),
				gib ? med_of(ka, kn, s, var[k]) / gib : 0, work_of(s, var[k])
		}
	}
	printf "\n%-6s %9s %12s %12s %12s %14s %8s\n", "GiB", "onlined", "pages",
		"DRAM MiB", "BLK meta MiB", "per TiB (MiB)", "checks"
	for (i = 1; i <= ns; i++) {
		s = sizes[i]
		gib = pages[s] * 4096 / 2^30
		dram = (int((pages[s] + 63) / 64) + int((meta[s, "blk"] + 63) / 64)) * 8 / 2^20
		media = meta[s, "blk"] * 4096 / 2^20
		printf "%-6s %9.2f %12d %12.2f %12.2f %6.0f / %-6.0f %3d ok %d bad\n", s, gib,
			pages[s], dram, media, gib ? dram * 1024 / gib : 0,
			gib ? media * 1024 / gib : 0, ok[s], bad[s]
	}
	if (dat != "") {
		printf "GiB" > dat
		for (k = 1; k <= nv; k++) printf " %s", var[k] > dat
		printf "\n" > dat
		for (i = 1; i <= ns; i++) {
			s = sizes[i]
			gib = pages[s] * 4096 / 2^30
			printf "%s", s > dat
			for (k = 1; k <= nv; k++) printf " %.4f", gib ? med[s, var[k]] / gib : 0 > dat
			printf "\n" > dat
		}
	}
}
