# Guest (after soak-lib.sh): the lowest memory block of an attached, closed
# BLK device offlined and onlined again $1 times while processes allocate
# from node 1.  Each onlining moves the start of node 1's movable zone
# below its other blocks, whose pages the load allocates and frees (the
# zone span race fixed by patch 0002), and hands the block's pages back to
# the framework: its kept pages, the node's memory, the zone's span and
# the data must be what they were.
# span_exact: node 1's movable zone spans exactly its online blocks, from
# the start of the lowest to the end of the highest (/proc/zoneinfo).
span_exact() {
	local bpp lo hi zs
	bpp=$(($(printf '%d' "0x$(cat /sys/devices/system/memory/block_size_bytes)") / 4096))
	lo=$(grep -lx online /sys/devices/system/node/node1/memory[0-9]*/state | sed 's/.*memory\([0-9]*\)\/state/\1/' | sort -n | sed -n '1p;$p')
	hi=$(($(echo "$lo" | tail -1) * bpp + bpp)) lo=$(($(echo "$lo" | head -1) * bpp))
	zs=$(awk '/^Node/ { z = ($2 == "1," && $4 == "Movable") } z && $1 == "spanned" { s = $2 }
		z && $1 == "start_pfn:" { b = $2 } END { print b, b + s }' /proc/zoneinfo)
	[ "$zs" = "$lo $hi" ] || { echo "node 1 Movable spans pfn [${zs/ /, }), its online blocks [$lo, $hi)"; return 1; }
}
echo "TAP version 13"
echo "1..5"
t "format, ext4, 4 files" "format && mkfs.ext4 -q -F $DEV && mount $DEV /mnt &&
	for i in 1 2 3 4; do head -c 1048576 /dev/urandom > /mnt/f\$i; done && sync &&
	(cd /mnt && sha256sum f? > /tmp/sums) && umount /mnt"
lo=$(ls -d /sys/devices/system/node/node1/memory[0-9]* | sed 's/.*memory//' | sort -n | head -1)
S=/sys/devices/system/memory/memory$lo/state
kept=$(cat $D/kmem_persist/kept_pages) total=$(node1_kb MemTotal)
load=()
for _ in 1 2 3; do
	node1_load --membind=1 16M 0.05
	load+=($!)
done
# toggle N: offline (may fail under the load: skipped) and online N times.
toggle() {
	local i ok=0
	for ((i = 1; i <= $1; i++)); do
		echo offline > $S 2>/dev/null || continue
		echo online_movable > $S || { echo "onlining memory$lo failed"; return 1; }
		ok=$((ok + 1))
	done
	echo "memory$lo: $ok of $1 offlines, each onlined again"
	[ $ok -gt 0 ]
}
t "memory$lo offlined and onlined $1 times under load" "toggle $1"
kill "${load[@]}"
wait "${load[@]}" 2>/dev/null
t "kept pages ($kept) and node 1 MemTotal ($total kB) unchanged" \
	"[ \$(cat $D/kmem_persist/kept_pages) = $kept ] && [ \$(node1_kb MemTotal) = $total ]"
t "4 files intact" "mount $DEV /mnt && cd /mnt && sha256sum -c /tmp/sums | grep -v ': OK$'; [ \${PIPESTATUS[0]} -eq 0 ]"
t "node 1's movable zone spans exactly its online blocks" span_exact
umount /mnt
