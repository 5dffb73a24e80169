# Soak power-failure workload "dio": O_DIRECT random overwrites of the 512
# blocks of partition 2 (see soak-pf-raw.sh).
dio_check() { t "dio: every acknowledged write present, no block torn" "raw_check dio ${DEV}p2 512 0 '$1'"; }
dio_run() { raw_run dio ${DEV}p2 512 0 "$1"; }
