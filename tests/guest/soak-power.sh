# Guest, one soak power-failure round (after soak-lib.sh and the
# soak-pf-*.sh workloads).  $1: round; $2: the workload to run (ext4, dio,
# discard); $3: "format" on the first boot, else the last operation of
# ext4 acknowledged; $4, $5: the rounds of dio and discard with their last
# acknowledged operation (see raw_check); $6: "final" to check and stop.
# Checks the state every workload left (partitions 1-3 of the BLK device),
# prints KTAP, then POWER-FAIL-ARM, and runs the workload until the host
# kills the VM.
echo "TAP version 13"
if [ "$3" = format ]; then
	echo "1..3"
	t "format: devdax namespace, blk, system-ram" format
	t "partitions: ext4 256 MiB, dio 2 MiB, discard 1 MiB" \
		"printf 'size=256MiB, type=L\nsize=2MiB, type=L\nsize=1MiB, type=L\n' | sfdisk -q $DEV && wait_dev ${DEV}p3"
	t "ext4: mkfs" ext4_format
	ext4=0
else
	echo "1..7"
	t "system-ram: blk found on the media, nothing selected" attach
	wait_dev ${DEV}p3 >/dev/null
	ext4_check "$3"
	dio_check "$4"
	discard_check "$5"
	ext4=$3
	umount /mnt 2>/dev/null
fi
[ "${6:-}" != final ] || exit 0
echo "# armed at $(cut -d" " -f1 /proc/uptime) s uptime"
echo "POWER-FAIL-ARM"
case $2 in
ext4) mount ${DEV}p1 /mnt && ext4_run $((ext4 + 1)) ;;
dio) dio_run "$1" ;;
discard) discard_run "$1" ;;
esac
