# Guest side of "make demo", boot 2: after the reboot, nothing selected;
# onlining finds BLK on the media, the files are verified, fstrim gives
# deleted files' pages back to the node.
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
	for s in meta_pages kept_pages mapped_blocks freed_pages alloc_failures; do
		printf '  %-15s %s\n' "$s" "$(cat $D/kmem_persist/$s)"
	done
}
say() { printf '\n### %s\n' "$*"; }
run() { echo "# $*"; "$@"; }

say "after the reboot: dax0.0 is back in devdax mode, no type selected"
echo "persistence: '$(cat $D/persistence)'"
node_mem
say "online it: the BLK layout is found on the media"
run daxctl reconfigure-device --mode=system-ram dax0.0 | grep -E 'mode|memblocks|persistence|blockdev'
say "node 1 memory after attach with the device half full"
node_mem
run daxctl list -v -d dax0.0 | grep -E 'persistence|blockdev|_pages|_blocks|failures'
say "e2fsck and the files"
run e2fsck -fn /dev/kmemblk0.0 | tail -1
run mount /dev/kmemblk0.0 /mnt
run cat /mnt/docs/note1.txt
(cd /mnt && run sha256sum -c SHA256SUMS)
say "delete the big file and fstrim: its pages go back to node 1 as free RAM"
run rm /mnt/half.bin
run sync
run fstrim -v /mnt
node_mem
stats
run umount /mnt
say "kernel messages"
dmesg | grep -E 'persistence|kmemblk' | sed 's/^/  kernel: /'
