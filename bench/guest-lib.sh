# Shared by the guest scripts of make bench, bench-locks and bench-profile;
# their host scripts prepend it.  SIZE (MiB) and RUNTIME (s) are the
# script's own.
say() { printf '# %s\n' "$*"; }
# fio_job NAME DEVICE RW BS N [TIMED]: one fio job of N processes, each on
# its own SIZE/N MiB of DEVICE, for RUNTIME seconds when TIMED is set (else
# one pass); psync, O_DIRECT, queue depth 1; terse output (version 3).
fio_job() {
	fio --name="$1" --filename="$2" --size=$((SIZE / $5))M \
		--offset_increment=$((SIZE / $5))M --numjobs="$5" --group_reporting \
		--rw="$3" --bs="$4" --ioengine=psync --direct=1 --randrepeat=0 \
		${6:+--time_based --runtime=$RUNTIME} \
		--output-format=terse --terse-version=3
}
