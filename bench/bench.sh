#!/usr/bin/env bash
# make bench: one VM run on a kernel without the debug checkers, comparing
# the BLK device with /dev/pmem on the same emulated NVDIMM and with brd,
# and persistence-aware onlining with plain kmem onlining of the same
# region.  Writes build/bench/results.txt; ratios, not absolute numbers,
# are what a TCG guest can tell.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

OUT=$BUILD/bench
mkdir -p "$OUT"
"$TOP/bench/kernel.sh"

# The NVDIMM's backing file lives in host RAM (/dev/shm) like brd's pages:
# on disk, the host's writeback of the file would interfere with writes.
img=$(mktemp -u /dev/shm/dax-kmem-bench.XXXXXX)
trap 'rm -f "$img"' EXIT
step "bench: one boot, fresh 2 GiB NVDIMM backed by $img, brd of 256 MiB on node 0"
"$TOP/scripts/vm.sh" --kernel "$OUT/bzImage" --fresh --image "$img" \
	--out "$OUT/vm" --timeout 1500 --append "brd.rd_nr=1 brd.rd_size=262144" \
	"$TOP/bench/guest.sh" > "$OUT/vm.out"
tr -d '\r' < "$OUT/vm/results.log" | grep '^BENCH ' > "$OUT/raw.txt" ||
	die "no results; see $OUT/vm/results.log"
"$TOP/bench/report.awk" "$OUT/raw.txt" | tee "$OUT/results.txt"
