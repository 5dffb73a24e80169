# Guest side of "make bench-locks", after bench/guest-lib.sh ($1: fio
# processes per job).  For BLK, then pmem on the same NVDIMM: each job
# runs with /proc/lock_stat cleared and collecting, then prints the lock
# classes that waited longest:
#   LOCKS DEVICE JOB CLASS CONTENTIONS WAIT_TOTAL_US ACQUISITIONS
# and one "LOCKS DEVICE JOB (all) ..." line with the sums over all classes.
set -euo pipefail

D=/sys/bus/dax/devices/dax0.0
N=$1 SIZE=256 RUNTIME=5 TOP_N=8
# job DEVICE NAME RW BS: one timed fio job of N processes, each on its own
# SIZE/N MiB, under lock_stat.
job() {
	echo 0 > /proc/lock_stat
	echo 1 > /proc/sys/kernel/lock_stat
	fio_job "$2" "$1" "$3" "$4" "$N" time > /dev/null
	echo 0 > /proc/sys/kernel/lock_stat
	# A class line: the name right-aligned in 40 columns and a colon (or
	# "-W:"/"-R:" for the write and read sides), then 12 numbers; times in
	# microseconds.  Contentions are field 2, total wait 5, acquisitions 8.
	awk -v d="$(basename "$1")" -v j="$2" '
		length($0) > 41 && substr($0, 41, 1) == ":" {
			name = substr($0, 1, 40); gsub(/^ +/, "", name); gsub(/ /, "_", name); split(substr($0, 42), f, " ")
			if (f[8] == "" || f[8] !~ /^[0-9]+$/) next
			c += f[2]; w += f[5]; a += f[8]
			if (f[2] > 0) printf "LOCKS %s %s %s %d %.2f %d\n", d, j, name, f[2], f[5], f[8]
		}
		END { printf "LOCKS %s %s (all) %d %.2f %d\n", d, j, c, w, a }' /proc/lock_stat |
		sort -k6,6gr | head -n $((TOP_N + 1))
}
jobs_on() {
	fio_job warm "$1" write 128k 1 > /dev/null
	job "$1" seq-write write 128k
	job "$1" rand-write randwrite 4k
	job "$1" rand-read randread 4k
}

grep -q '^lock_stat version' /proc/lock_stat || { say "no /proc/lock_stat"; exit 1; }
say "$N fio processes per job, $RUNTIME s each, $(nproc) CPUs; lock_stat's times in us"
ndctl create-namespace -f -e namespace0.0 --mode=devdax > /dev/null
echo blk > $D/persistence
daxctl reconfigure-device --mode=system-ram dax0.0 > /dev/null
jobs_on /dev/kmemblk0.0
daxctl offline-memory dax0.0 > /dev/null
daxctl reconfigure-device --mode=devdax dax0.0 > /dev/null
ndctl create-namespace -f -e namespace0.0 --mode=raw > /dev/null
jobs_on /dev/pmem0
