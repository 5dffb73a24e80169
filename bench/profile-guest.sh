# Guest side of "make bench-profile", after bench/guest-lib.sh ($1: fio
# processes per job).  For each job, BLK (kmemblk0.0, first NVDIMM) then
# pmem (pmem1, second NVDIMM) run it under "perf record -a -e cpu-clock"
# and print:
#   PROFILE DEVICE JOB ios IOS busy_us_per_io US
#   PROFILE DEVICE JOB comm US_PER_IO COMMAND
#   PROFILE DEVICE JOB sym US_PER_IO SYMBOL
# Busy time is every sample but those of the idle loop; by command (fio,
# and kernel threads such as the RCU grace-period kthread) and by symbol.
set -euo pipefail

D=/sys/bus/dax/devices/dax0.0
N=$1 SIZE=256 RUNTIME=5 FREQ=1000 TOP_N=60
# job DEVICE NAME RW BS: the job under perf; its lines.
job() {
	local ios perf
	perf record -q -a -F $FREQ -e cpu-clock -o /tmp/perf.data &
	perf=$!
	fio_job "$2" "$1" "$3" "$4" "$N" time > /tmp/fio.out
	kill -INT $perf
	wait $perf || [ -s /tmp/perf.data ]
	# Terse v3: KiB read in field 6, written in field 47.
	ios=$(awk -F';' -v bs="${4%k}" '{ print int(($6 + $47) / bs) }' /tmp/fio.out)
	perf report -q -i /tmp/perf.data --stdio --no-children --sort comm,sym \
		-F sample,comm,sym 2> /dev/null |
		awk -v d="$(basename "$1")" -v j="$2" -v ios="$ios" -v f=$FREQ '
		function us(n) { return n * 1e6 / f / (ios ? ios : 1) }
		$1 ~ /^[0-9]+$/ && $3 ~ /^\[/ {
			if ($4 ~ /idle|halt|mwait/) next
			busy += $1; sym[$4] += $1; comm[$2] += $1
		}
		END {
			printf "PROFILE %s %s ios %d busy_us_per_io %.1f\n", d, j, ios, us(busy)
			for (c in comm) printf "PROFILE %s %s comm %.3f %s\n", d, j, us(comm[c]), c
			for (s in sym) printf "PROFILE %s %s sym %.3f %s\n", d, j, us(sym[s]), s
		}' | sort -k5,5gr | awk -v top=$TOP_N '$4 != "sym" || n++ < top'
}
jobs_on() {
	fio_job warm "$1" write 128k 1 > /dev/null
	job "$1" rand-write randwrite 4k
	job "$1" seq-write write 128k
	job "$1" seq-read read 128k
	job "$1" rand-read randread 4k
}

say "$N fio processes per job, $RUNTIME s each, $(nproc) CPUs, perf cpu-clock at $FREQ Hz"
ndctl create-namespace -f -e namespace0.0 --mode=devdax > /dev/null
echo blk > $D/persistence
daxctl reconfigure-device --mode=system-ram dax0.0 > /dev/null
ndctl create-namespace -f -e namespace1.0 --mode=raw > /dev/null
jobs_on /dev/kmemblk0.0
jobs_on /dev/pmem1
