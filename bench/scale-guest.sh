# Guest side of "make bench-scale": one region size per boot.  Times each
# onlining of dax0.0 (daxctl reconfigure-device --mode=system-ram) with
# plain kmem, NONE, BLK format, BLK attach of an empty map and of a map
# with data; $1 rounds, each running every variant once.  Data is written
# at the start and at the end of the BLK device and checked after every
# attach.  Prints
#   BENCH online VARIANT SECONDS
#   BENCH pages N              pages onlined (node 1 MemTotal / 4 KiB)
#   BENCH meta VARIANT PAGES   metadata pages on the media
#   BENCH check RESULT WHAT    ok/fail of the data checks
#   BENCH kernel VARIANT TOTAL ATTACH   the kernel's part of that onlining
#       (function_graph): add_memory_driver_managed() + online_pages() +
#       kmem_persist_attach(), and kmem_persist_attach() alone, seconds
set -euo pipefail

D=/sys/bus/dax/devices/dax0.0 T=/sys/kernel/tracing
REPS=${1:-3} CHUNK=64
now() { echo "${EPOCHREALTIME/./}"; }
to_devdax() {
	daxctl offline-memory dax0.0 > /dev/null
	daxctl reconfigure-device --mode=devdax dax0.0 > /dev/null
}
online() {
	local t0 t1
	echo > $T/trace
	t0=$(now)
	daxctl reconfigure-device --mode=system-ram dax0.0 > /dev/null
	t1=$(now)
	echo "BENCH online $1 $(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.3f", d / 1e6 }')"
	# The duration of each call: " 0) ! 123.456 us |  online_pages();",
	# or "} /* online_pages */" where the call moved to another CPU.
	awk -v v="$1" '/ us +\|/ {
		for (i = 1; $i != "us"; i++) d = $i
		gsub(/[^0-9.]/, "", d)
		if (match($0, /[a-z_]+\(\);/)) f = substr($0, RSTART, RLENGTH - 3)
		else if (match($0, /\/\* [a-z_]+ \*\//)) f = substr($0, RSTART + 3, RLENGTH - 6)
		else next
		t[f] += d / 1e6 }
		END {
			k = t["add_memory_driver_managed"] + t["online_pages"]
			k += t["kmem_persist_attach"]
			printf "BENCH kernel %s %.6f %.6f\n", v, k, t["kmem_persist_attach"] }' $T/trace
}
# trace: time the kernel's part of each onlining with function_graph.
trace() {
	local f
	grep -q " $T tracefs " /proc/mounts || mount -t tracefs nodev $T
	echo nop > $T/current_tracer
	: > $T/set_ftrace_filter
	for f in add_memory_driver_managed online_pages kmem_persist_attach; do
		echo $f >> $T/set_ftrace_filter || { echo "# cannot trace $f" >&2; exit 1; }
	done
	echo 1 > $T/max_graph_depth
	echo 1 > $T/options/funcgraph-tail
	echo function_graph > $T/current_tracer
}
# select TYPE: wipe, and select TYPE (empty: plain kmem) for the next bind.
select_type() {
	echo 1 > $D/persistence_wipe
	echo "$1" > $D/persistence
}
blk_mib() { echo $(( $(cat /sys/block/kmemblk0.0/size) >> 11 )); }
# ends: checksum of the first and the last CHUNK MiB of the BLK device.
ends() {
	local mib
	mib=$(blk_mib)
	dd if=/dev/kmemblk0.0 bs=1M count=$CHUNK iflag=direct 2> /dev/null | sha256sum
	dd if=/dev/kmemblk0.0 bs=1M skip=$((mib - CHUNK)) count=$CHUNK iflag=direct 2> /dev/null | sha256sum
}
# write_ends: fresh random data at both ends of the BLK device; sets $sums.
write_ends() {
	local mib
	mib=$(blk_mib)
	head -c $((CHUNK << 20)) /dev/urandom > /tmp/a
	head -c $((CHUNK << 20)) /dev/urandom > /tmp/b
	dd if=/tmp/a of=/dev/kmemblk0.0 bs=1M oflag=direct 2> /dev/null
	dd if=/tmp/b of=/dev/kmemblk0.0 bs=1M seek=$((mib - CHUNK)) oflag=direct 2> /dev/null
	sums=$(sha256sum < /tmp/a; sha256sum < /tmp/b)
	rm /tmp/a /tmp/b
}
check() {
	if [ "$(ends)" = "$sums" ]; then echo "BENCH check ok $1"; else echo "BENCH check fail $1"; fi
}

ndctl create-namespace -f -e namespace0.0 --mode=devdax > /dev/null
trace
# Not timed: the first onlining faults in the guest memory that holds the
# memmap (QEMU allocates it on first touch), which would count against
# whichever variant runs first.
daxctl reconfigure-device --mode=system-ram dax0.0 > /dev/null
to_devdax
daxctl reconfigure-device --mode=system-ram dax0.0 > /dev/null
echo "BENCH pages $(( $(awk '$3 == "MemTotal:" { print $4 }' /sys/devices/system/node/node1/meminfo) / 4 ))"
to_devdax
# Each round runs every variant once, one after the other, so that a drift
# of the host's speed during the run does not favour the variants run first.
for ((i = 1; i <= REPS; i++)); do
	select_type ""
	online plain
	to_devdax
	select_type none
	online none-format
	[ "$i" -gt 1 ] || echo "BENCH meta none $(cat $D/kmem_persist/meta_pages)"
	to_devdax
	online none
	to_devdax
	select_type blk
	online blk-format
	to_devdax
	online blk-empty
	[ "$i" -gt 1 ] || echo "BENCH meta blk $(cat $D/kmem_persist/meta_pages)"
	write_ends
	check "written, round $i"
	to_devdax
	online blk-data
	check "after attach, round $i"
	to_devdax
done
