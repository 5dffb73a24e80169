#!/usr/bin/env bash
# make bench's verdicts (bench/report.awk) on made-up runs whose answer is
# known: the confidence interval's order statistics, its coverage, and
# met / NOT met / undecided.  Prints KTAP.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

# runs JOB PMEM BLK...: one round per BLK value, pmem at PMEM KiB/s.
runs() {
	local job=$1 pmem=$2 b
	shift 2
	for b in "$@"; do
		echo "BENCH fio blk $job $b 1"
		echo "BENCH fio pmem $job $pmem 1"
	done
}
# line CLOCK: report.awk's verdict line of job "$job" on stdin's runs.
verdict() {
	awk -v clock="$1" -f "$TOP/bench/report.awk" |
		awk -v j="$job" '/^BLK \/ pmem/ { on = 1 } on && $1 == j { $1 = ""; print; exit }'
}
n=0
check() {
	n=$((n + 1))
	if [ "$got" = "$want" ]; then
		echo "ok $n $1"
	else
		echo "not ok $n $1 # got '$got', want '$want'"
	fi
}
echo "TAP version 13"
echo "1..6"
job=seq-write
got=$(runs $job 100 90 91 92 93 94 | verdict wall)
want=" 5 0.92 0.90 0.94 94% 0.85 met"
check "five writes all above 0.85: met, interval min..max, 94 %"
got=$(runs $job 100 80 81 82 83 84 | verdict wall)
want=" 5 0.82 0.80 0.84 94% 0.85 NOT met"
check "five writes all below 0.85: NOT met"
got=$(runs $job 100 80 90 81 91 92 | verdict wall)
want=" 5 0.90 0.80 0.92 94% 0.85 undecided"
check "an interval across 0.85: undecided"
got=$(runs $job 100 70 86 87 88 89 90 91 92 99 | verdict wall)
want=" 9 0.89 0.86 0.92 96% 0.85 met"
check "nine rounds: the interval drops the lowest and the highest run"
job=rand-read
got=$(runs $job 100 94 96 97 98 99 | verdict icount)
want=" 5 0.97 0.94 0.99 94% 0.95 undecided"
check "reads are held to 0.95"
job=seq-write
got=$(runs $job 100 95 96 97 | verdict wall)
want=" 3 0.96 0.95 0.97 75% 0.85 undecided (rounds)"
check "three rounds cannot decide"
