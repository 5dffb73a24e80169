# Guest side of "make demo": one NVDIMM region as RAM with persistence
# metadata (type NONE), node memory before and after, and the data found
# again on the next bind without any selection.
set -euo pipefail

D=/sys/bus/dax/devices/dax0.0
node_mem() {
	if [ -r /sys/devices/system/node/node1/meminfo ]; then
		grep -E 'MemTotal|MemFree' /sys/devices/system/node/node1/meminfo
	else
		echo "Node 1 has no memory"
	fi
}
stats() {
	for s in kept_pages freed_pages meta_pages; do
		printf '  %-12s %s\n' "$s" "$(cat $D/kmem_persist/$s)"
	done
}
say() { printf '\n### %s\n' "$*"; }
run() { echo "# $*"; "$@"; }

say "the emulated NVDIMM, as a device-dax namespace"
run ndctl create-namespace -f -e namespace0.0 --mode=devdax | grep -E '"(dev|mode|size)"'
say "node 1 memory before onlining"
node_mem
say "select the NONE persistence type and online the region as System RAM"
echo none > $D/persistence
echo "# echo none > $D/persistence"
run daxctl reconfigure-device --mode=system-ram dax0.0 | grep -E 'mode|memblocks|movable'
say "node 1 memory after onlining: all of it RAM but the superblock page"
node_mem
stats
say "back to devdax: the superblock stays on the media"
run daxctl offline-memory dax0.0
run daxctl reconfigure-device --mode=devdax dax0.0 >/dev/null
node_mem
say "online again with nothing selected: the type is found on the media"
echo > $D/persistence
echo "# echo > $D/persistence    (no type selected)"
run daxctl reconfigure-device --mode=system-ram dax0.0 >/dev/null
echo "persistence: $(cat $D/persistence)"
node_mem
stats
dmesg | grep 'persistence:' | sed 's/^/  kernel: /'
