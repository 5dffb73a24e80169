# Guest helpers of the soak scripts; tests/soak.sh puts this file in front
# of each soak guest script (the VM carries one script).
D=/sys/bus/dax/devices/dax0.0
DEV=/dev/kmemblk0.0
n=0
# t NAME COMMAND: one KTAP result; the command's output as diagnostics.
# Each result is followed by "# took S s" (guest uptime, 10 ms steps).
t() {
	local t0 t1
	n=$((n + 1))
	read -r t0 _ < /proc/uptime
	if out=$(eval "$2" 2>&1); then echo "ok $n $1"; else echo "not ok $n $1"; fi
	read -r t1 _ < /proc/uptime
	[ -z "$out" ] || printf '%s\n' "$out" | sed 's/^/# /'
	echo "# took $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') s"
}
# format: a devdax namespace onlined with a fresh BLK device.
format() {
	ndctl create-namespace -f -e namespace0.0 --mode=devdax >/dev/null &&
		echo blk > $D/persistence &&
		daxctl reconfigure-device --mode=system-ram dax0.0 >/dev/null
}
# attach: online with nothing selected; BLK must be found on the media.
attach() {
	[ -z "$(cat $D/persistence)" ] || { echo "a type is selected after the reboot"; return 1; }
	daxctl reconfigure-device --mode=system-ram dax0.0 >/dev/null && grep -qx blk $D/persistence
}
# wait_dev NODE: the block device node appears (partitions are scanned
# asynchronously).
wait_dev() {
	local i
	for ((i = 0; i < 50; i++)); do
		[ -b "$1" ] && return 0
		sleep 0.1
	done
	echo "$1 missing"
	return 1
}
sum() { sha256sum | cut -d' ' -f1; }
# onlined_pages: pages of node 1's online memory blocks (node 1 holds only
# the NVDIMM).
onlined_pages() {
	local b c=0
	for b in /sys/devices/system/node/node1/memory[0-9]*; do
		[ "$(cat "$b/state" 2>/dev/null)" = online ] && c=$((c + 1))
	done
	echo $((c * $(printf '%d' "0x$(cat /sys/devices/system/memory/block_size_bytes)") / 4096))
}
# accounting: kept + freed pages equal the onlined pages, right after attach.
accounting() {
	local k f o
	k=$(cat $D/kmem_persist/kept_pages) f=$(cat $D/kmem_persist/freed_pages) o=$(onlined_pages)
	[ $((k + f)) -eq "$o" ] || { echo "kept $k + freed $f != onlined $o"; return 1; }
}
# node1_kb FIELD: a field of node 1's meminfo, in kB (node 1 holds only the
# NVDIMM).
node1_kb() { awk -v k="$1:" '$3 == k { print $4 }' /sys/devices/system/node/node1/meminfo; }
# node1_load POLICY SIZE PAUSE: in the background, forever: dd's SIZE buffer
# allocated with numactl POLICY and touched, held PAUSE s until the pipe
# closes, freed; each round writes its number to /tmp/load.  $! is its pid.
node1_load() {
	numactl "$1" bash -c 'for ((i = 1; ; i++)); do
		dd if=/dev/zero bs=$0 count=1 2>/dev/null | sleep $1
		echo $i > /tmp/load
	done' "$2" "$3" &
}
