#!/usr/bin/env bash
# make bench-profile: where the CPU time of an I/O goes, BLK against
# /dev/pmem.  One boot of the benchmark kernel with 4 vCPUs and two 2 GiB
# NVDIMMs (BLK on the first, raw pmem on the second; preallocated, as in
# make bench), perf (Debian's linux-perf) in the initramfs; each job runs
# BENCH_PROFILE_JOBS fio processes (default 2) under "perf record -a -e
# cpu-clock".  Writes
# build/bench/profile.txt: per job, each device's busy CPU time per I/O
# and the symbols on which BLK spends the most time beyond pmem
# (bench/profile-report.awk; the raw lines in profile-raw.txt).
# BENCH_PROFILE_CLOCK: the guest's clock, as in make bench (default icount:
# a guest nanosecond is an instruction, so a "us" of CPU time is 1000
# instructions and a profile repeats between boots; wall: the host's time,
# which moves totals by up to 40 % between boots); BENCH_CPU and BENCH_CPUS
# as in make bench (default max,-erms,-fsrm and 4 vCPUs).
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

OUT=$BUILD/bench
JOBS=${BENCH_PROFILE_JOBS:-2}
CLOCK=${BENCH_PROFILE_CLOCK:-icount} CPU=${BENCH_CPU:-max,-erms,-fsrm} CPUS=${BENCH_CPUS:-4}
[[ $CPUS =~ ^[1-9][0-9]*$ ]] || die "BENCH_CPUS must be a positive integer"
guest_clock "$CLOCK" 1800
mkdir -p "$OUT"
"$TOP/bench/kernel.sh"
extra=$(mktemp -d)
img=$(mktemp -u /dev/shm/dax-kmem-profile.XXXXXX)
trap 'rm -rf "$extra" "$img" "$img.2"' EXIT
perf=$(command -v perf) || die "perf missing (run scripts/deps.sh)"
install -D "$perf" "$extra/usr/bin/perf"
ldd "$perf" | awk '/=> \// { print $3 } /^\t\/lib/ { print $1 }' | while read -r lib; do
	install -D "$(readlink -f "$lib")" "$extra$lib"
done
# The guest script: the bench guests' shared functions, then its own.
guest=$OUT/profile-guest.sh
cat "$TOP/bench/guest-lib.sh" "$TOP/bench/profile-guest.sh" > "$guest"
step "bench-profile ($CLOCK clock): one boot with $CPUS vCPUs ($CPU), $JOBS fio processes per job, NVDIMMs backed by $img{,.2}"
"$TOP/scripts/vm.sh" --kernel "$OUT/bzImage" --fresh --image "$img" --nvdimm2 2G --image2 "$img.2" \
	--cpus "$CPUS" --cpu-model "$CPU" --prealloc "${clock_opt[@]}" --extra "$extra" --out "$OUT/vm-profile" \
	--timeout "$clock_timeout" "$guest" "$JOBS" > "$OUT/vm-profile.out"
tr -d '\r' < "$OUT/vm-profile/results.log" | grep -E '^(#|PROFILE )' > "$OUT/profile-raw.txt" ||
	die "no results; see $OUT/vm-profile/results.log"
grep -q '^PROFILE ' "$OUT/profile-raw.txt" || die "no profile; see $OUT/vm-profile/results.log"
{ grep '^#' "$OUT/profile-raw.txt"; "$TOP/bench/profile-report.awk" "$OUT/profile-raw.txt"; } |
	tee "$OUT/profile.txt"
step "bench-profile: $OUT/profile.txt"
