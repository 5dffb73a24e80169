#!/usr/bin/awk -f
# make bench-profile's table: for each job, busy CPU time per I/O of each
# device, then the symbols on which the first device (BLK) spends the most
# time per I/O beyond the second (pmem), from "PROFILE" lines:
#   PROFILE DEVICE JOB ios IOS busy_us_per_io US
#   PROFILE DEVICE JOB comm US_PER_IO COMMAND
#   PROFILE DEVICE JOB sym US_PER_IO SYMBOL
$1 != "PROFILE" { next }
!($2 in seen) { seen[$2] = 1; dev[++nd] = $2 }
!($3 in jseen) { jseen[$3] = 1; job[++nj] = $3 }
$4 == "ios" { ios[$2, $3] = $5; busy[$2, $3] = $7; next }
$4 == "sym" { us[$2, $3, $6] += $5; syms[$3, $6] = 1 }
$4 == "comm" { cu[$2, $3, $6] += $5; comms[$3, $6] = 1 }
# Sort d[1..n] (and the names s[] with it) in descending order.
function sortdesc(n,    i, k, m, t) {
	for (i = 1; i <= n; i++) {
		m = i
		for (k = i + 1; k <= n; k++) if (d[k] > d[m]) m = k
		t = d[i]; d[i] = d[m]; d[m] = t; t = s[i]; s[i] = s[m]; s[m] = t
	}
}
END {
	a = dev[1]; b = dev[2]
	for (j = 1; j <= nj; j++) {
		J = job[j]
		printf "\n%s: %s %.1f us of CPU per I/O (%d I/Os), %s %.1f (%d); ratio %.2f\n", J,
			a, busy[a, J], ios[a, J], b, busy[b, J], ios[b, J],
			busy[b, J] ? busy[a, J] / busy[b, J] : 0
		printf "  %-40s %10s %10s\n", "command (us per I/O)", a, b
		n = 0
		for (k in comms) {
			split(k, p, SUBSEP)
			if (p[1] == J && (cu[a, J, p[2]] >= 0.05 || cu[b, J, p[2]] >= 0.05)) {
				d[++n] = cu[a, J, p[2]]; s[n] = p[2]
			}
		}
		sortdesc(n)
		for (i = 1; i <= n; i++)
			printf "  %-40s %10.3f %10.3f\n", s[i], cu[a, J, s[i]], cu[b, J, s[i]]
		delete d; delete s
		printf "  %-40s %10s %10s %10s\n", "symbol (most extra time first)", a, b, "extra"
		n = 0
		for (k in syms) {
			split(k, p, SUBSEP)
			if (p[1] != J) continue
			d[++n] = us[a, J, p[2]] - us[b, J, p[2]]; s[n] = p[2]
		}
		sortdesc(n)
		for (i = 1; i <= n && i <= 15; i++)
			printf "  %-40s %10.3f %10.3f %10.3f\n", s[i], us[a, J, s[i]], us[b, J, s[i]], d[i]
		delete d; delete s
	}
}
