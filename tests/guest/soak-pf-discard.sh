# Soak power-failure workload "discard": writes, discards (blkdiscard) and
# write-zeroes (blkdiscard -z) of the same 256 blocks of partition 3 (see
# soak-pf-raw.sh).
discard_check() { t "discard: every acknowledged write and discard present, no block torn" "raw_check discard ${DEV}p3 256 1 '$1'"; }
discard_run() { raw_run discard ${DEV}p3 256 1 "$1"; }
