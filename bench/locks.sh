#!/usr/bin/env bash
# make bench-locks: lock contention on the BLK device against /dev/pmem of
# the same NVDIMM, with BENCH_LOCKS_JOBS fio processes (default 4) on a
# kernel built with CONFIG_LOCK_STAT (the benchmark config plus lockdep,
# so its throughput means nothing; build/kbuild-locks).  Writes
# build/bench/locks.txt: per device and job, the lock classes that waited
# longest, with their contentions and acquisitions.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

OUT=$BUILD/bench
JOBS=${BENCH_LOCKS_JOBS:-4}
mkdir -p "$OUT"
"$TOP/bench/kernel.sh"
cp "$OUT/kernel.config" "$OUT/locks.config"
printf '%s\n' CONFIG_DEBUG_KERNEL=y CONFIG_LOCK_STAT=y >> "$OUT/locks.config"
KBUILD=$BUILD/kbuild-locks KCONFIG_FRAGMENT=$OUT/locks.config KIMAGE=$OUT/bzImage-locks \
	"$TOP/scripts/kernel.sh"
img=$(mktemp -u /dev/shm/dax-kmem-locks.XXXXXX)
trap 'rm -f "$img"' EXIT
# The guest script: the bench guests' shared functions, then its own.
guest=$OUT/locks-guest.sh
cat "$TOP/bench/guest-lib.sh" "$TOP/bench/locks-guest.sh" > "$guest"
step "bench-locks: one boot with 4 vCPUs, $JOBS fio processes per job, 2 GiB NVDIMM backed by $img"
"$TOP/scripts/vm.sh" --kernel "$OUT/bzImage-locks" --fresh --image "$img" --cpus 4 \
	--out "$OUT/vm-locks" --timeout 2400 \
	"$guest" "$JOBS" > "$OUT/vm-locks.out"
tr -d '\r' < "$OUT/vm-locks/results.log" | grep -E '^(#|LOCKS )' > "$OUT/locks.txt" ||
	die "no results; see $OUT/vm-locks/results.log"
grep -q '^LOCKS ' "$OUT/locks.txt" || die "no lock statistics; see $OUT/vm-locks/results.log"
cat "$OUT/locks.txt"
step "bench-locks: $OUT/locks.txt"
