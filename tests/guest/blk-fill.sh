# Guest, boot 1 of the reboot test: BLK on a fresh NVDIMM, ext4, files
# written; prints "# SUM <sha256>  <file>" for the host.  A media error in
# one more file (its first block's page reported to memory_failure()) fails
# reads of that file only.  Then, with ext4 still mounted, kmem is unbound (the memory stays online, BLK keeps
# serving): arming a wipe, clearing the type and binding kmem again must
# all be refused with the superblock left as it was; the next boot checks
# the files.  KTAP.
D=/sys/bus/dax/devices/dax0.0
n=0
t() {
	n=$((n + 1))
	if out=$(eval "$2" 2>&1); then echo "ok $n $1"; else echo "not ok $n $1"; fi
	[ -z "$out" ] || printf '%s\n' "$out" | sed 's/^/# /'
}
echo "TAP version 13"
echo "1..19"
t "devdax namespace" "ndctl create-namespace -f -e namespace0.0 --mode=devdax"
t "select blk" "echo blk > $D/persistence"
t "system-ram" "daxctl reconfigure-device --mode=system-ram dax0.0 >/dev/null"
t "mkfs.ext4" "mkfs.ext4 -q -F /dev/kmemblk0.0"
t "mount" "mount /dev/kmemblk0.0 /mnt"
write() {
	local i
	mkdir -p /mnt/dir/sub
	head -c $((48 << 20)) /dev/urandom > /mnt/big
	for i in $(seq 1 40); do
		head -c $((RANDOM * 3 + 1)) /dev/urandom > "/mnt/dir/f$i"
	done
	echo "small text" > /mnt/dir/sub/text
	(cd /mnt && find . -type f ! -path './lost+found/*' | sort | xargs sha256sum)
}
t "write files" "write > /tmp/sums"
sed 's/^/# SUM /' /tmp/sums
# poison_file_block FILE: report the page of FILE's first block as poisoned,
# found through the BLK map on the media (after the summary, when the
# layout has one: incompat bit 0, a page per 32768 map pages).
poison_file_block() {
	local start bs first map blk e
	start=$(($(cat $D/resource)))
	bs=$(printf '%d' "0x$(cat /sys/devices/system/memory/block_size_bytes)")
	first=$(((start + bs - 1) / bs * bs))
	le64() { dd if=/dev/mem bs=8 skip=$(($1 / 8)) count=1 2>/dev/null | od -An -tu8 | tr -d ' '; }
	map=$(le64 $((start + 64)))
	[ $(($(le64 $((start + 32))) & 1)) -eq 0 ] ||
		map=$((map + ($(le64 $((start + 72))) + 32768) / 32769))
	blk=$(filefrag -v "$1" | awk '$1 == "0:" { sub(/\.\./, "", $4); print $4 }')
	e=$(le64 $((first + 4096 * map + 8 * blk)))
	[ "$e" -gt 0 ] || return 1
	echo $((first + 4096 * e)) > /sys/devices/system/memory/hard_offline_page 2>/dev/null || true
}
t "one more file, its first block poisoned" "head -c $((64 << 10)) /dev/urandom > /mnt/poisoned.bin && sync && poison_file_block /mnt/poisoned.bin"
echo 3 > /proc/sys/vm/drop_caches
t "reading that file fails with EIO" "! cat /mnt/poisoned.bin >/dev/null 2>/tmp/cat.err && grep -q 'Input/output error' /tmp/cat.err"
t "poisoned_blocks is 1" "[ \"\$(cat $D/kmem_persist/poisoned_blocks)\" = 1 ]"
t "the other files read back intact" "cd /mnt && sha256sum -c /tmp/sums | grep -v ': OK$'; [ \${PIPESTATUS[0]} -eq 0 ]"
# The superblock: the dax device's first page.
sb_page=$(( $(cat $D/resource) / 4096 ))
sb() { dd if=/dev/mem bs=4096 skip=$sb_page count=1 2>/dev/null | sha256sum; }
sb0=$(sb)
t "unbind kmem while mounted (the memory stays online)" "echo dax0.0 > /sys/bus/dax/drivers/kmem/unbind"
t "arming a wipe is refused while the type still serves" "! sh -c 'echo 1 > $D/persistence_wipe'"
t "clearing the type is refused while it still serves" "! sh -c 'echo > $D/persistence'"
t "binding kmem again is refused" "! sh -c 'echo dax0.0 > /sys/bus/dax/drivers/kmem/bind'"
t "nothing was wiped" "! dmesg | grep -q 'wiped the persistent data'"
t "the superblock is unchanged" "[ \"\$(sb)\" = \"$sb0\" ]"
t "the mounted filesystem still works" "echo more > /mnt/dir/more && sync && grep -qx more /mnt/dir/more && rm /mnt/dir/more && sync"
t "umount" "umount /mnt"
# e2fsck reads metadata, not file data: the poisoned data block leaves it clean.
t "e2fsck -fn is clean with one file's data block poisoned" "e2fsck -fn /dev/kmemblk0.0"
