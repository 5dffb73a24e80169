# Guest side of "make demo", boot 1: one NVDIMM region as RAM and as a
# block device (type BLK), ext4 on it, files written.
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

say "the emulated NVDIMM, as a device-dax namespace"
run ndctl create-namespace -f -e namespace0.0 --mode=devdax | grep -E '"(dev|mode|size)"'
say "node 1 memory before onlining"
node_mem
say "online the region as System RAM with the BLK persistence type (daxctl with ndctl/patches/)"
run daxctl reconfigure-device --mode=system-ram --persistence=blk dax0.0 |
	grep -E 'mode|memblocks|movable|persistence|blockdev'
run ls $D/block
run lsblk -o NAME,SIZE,LOG-SEC /dev/kmemblk0.0
say "node 1 memory with the block device empty: all RAM but the map"
node_mem
stats
say "ext4 on /dev/kmemblk0.0, files written (O_DIRECT: no page cache on node 1)"
run mkfs.ext4 -q /dev/kmemblk0.0
run mount /dev/kmemblk0.0 /mnt
mkdir /mnt/docs
for i in 1 2 3; do echo "note $i, written before the reboot" > /mnt/docs/note$i.txt; done
run dd if=/dev/urandom of=/mnt/random.bin bs=1M count=16 oflag=direct
run dd if=/dev/zero of=/mnt/half.bin bs=1M count=900 oflag=direct
(cd /mnt && sha256sum docs/*.txt random.bin half.bin) | tee /mnt/SHA256SUMS
run df -h /mnt
say "node 1 memory with the device half full: the files' pages are storage"
node_mem
stats
run umount /mnt
say "rebooting the VM"
