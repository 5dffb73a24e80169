# Guest, boot 1 of the reboot test: BLK on a fresh NVDIMM, ext4, files
# written; prints "# SUM <sha256>  <file>" for the host.  KTAP.
D=/sys/bus/dax/devices/dax0.0
n=0
t() {
	n=$((n + 1))
	if out=$(eval "$2" 2>&1); then echo "ok $n $1"; else echo "not ok $n $1"; fi
	[ -z "$out" ] || printf '%s\n' "$out" | sed 's/^/# /'
}
echo "TAP version 13"
echo "1..7"
t "devdax namespace" "ndctl create-namespace -f -e namespace0.0 --mode=devdax"
t "select blk" "echo blk > $D/persistence"
t "system-ram" "daxctl reconfigure-device --mode=system-ram dax0.0 >/dev/null"
t "mkfs.ext4" "mkfs.ext4 -q -F /dev/kmemblk0.0"
t "mount" "mount /dev/kmemblk0.0 /mnt"
write() {
	local i
	mkdir -p /mnt/dir/sub
	head -c 48M /dev/urandom > /mnt/big
	for i in $(seq 1 40); do
		head -c $((RANDOM * 3 + 1)) /dev/urandom > "/mnt/dir/f$i"
	done
	echo "small text" > /mnt/dir/sub/text
	(cd /mnt && find . -type f ! -path './lost+found/*' | sort | xargs sha256sum)
}
t "write files" "write > /tmp/sums"
sed 's/^/# SUM /' /tmp/sums
t "umount" "umount /mnt"
