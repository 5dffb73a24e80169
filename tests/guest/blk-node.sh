# Guest with two NVDIMMs on node 1: while dax0.0 holds BLK data, the
# memory of dax1.0 must not come online on the same node (storage pages
# are allocated from the node and must be the device's own); BLK writes
# keep working, and once dax0.0 is detached dax1.0 onlines.  KTAP.
D=/sys/bus/dax/devices
n=0
t() {
	n=$((n + 1))
	if out=$(eval "$2" 2>&1); then echo "ok $n $1"; else echo "not ok $n $1"; fi
	[ -z "$out" ] || printf '%s\n' "$out" | sed 's/^/# /'
}
node1_kb() { awk -v k="$1:" '$3 == k { print $4 }' /sys/devices/system/node/node1/meminfo; }
stat() { cat $D/dax0.0/kmem_persist/$1; }
echo "TAP version 13"
echo "1..12"
t "devdax namespace on the first NVDIMM" "ndctl create-namespace -f -e namespace0.0 --mode=devdax"
t "devdax namespace on the second NVDIMM" "ndctl create-namespace -f -e namespace1.0 --mode=devdax"
t "both dax devices on node 1" "[ \$(cat $D/dax0.0/target_node) = 1 ] && [ \$(cat $D/dax1.0/target_node) = 1 ]"
t "dax0.0: blk, system-ram" "echo blk > $D/dax0.0/persistence && daxctl reconfigure-device --mode=system-ram dax0.0 >/dev/null"
total=$(node1_kb MemTotal)
t "dax1.0 as plain system-ram fails: its memory may not come online" \
	"! daxctl reconfigure-device --mode=system-ram dax1.0"
t "the kernel says why" "dmesg | grep -q 'node 1 holds persistent data and must have no other memory'"
t "node 1 gained no memory" "[ \"\$(node1_kb MemTotal)\" = $total ]"
head -c $((64 << 20)) /dev/urandom > /tmp/data
t "BLK writes 64 MiB" "dd if=/tmp/data of=/dev/kmemblk0.0 bs=1M oflag=direct 2>/dev/null"
t "no allocation failed" "[ \$(stat alloc_failures) = 0 ] && [ \$(stat mapped_blocks) = 16384 ]"
t "the data reads back" "[ \"\$(dd if=/dev/kmemblk0.0 bs=1M count=64 iflag=direct 2>/dev/null | sha256sum)\" = \"\$(sha256sum < /tmp/data)\" ]"
t "dax0.0 offline and back to devdax" "daxctl offline-memory dax0.0 >/dev/null && daxctl reconfigure-device --mode=devdax dax0.0 >/dev/null"
t "then the memory of dax1.0 onlines" "daxctl online-memory dax1.0 >/dev/null 2>&1 || daxctl reconfigure-device --mode=system-ram dax1.0 >/dev/null; [ \"\$(node1_kb MemTotal)\" -gt 0 ]"
