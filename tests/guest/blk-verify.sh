# Guest, after a reboot: with nothing selected, onlining the dax device
# finds BLK on the media; ext4 is clean and the files match the checksums
# given as $1 (sha256sum format; none to check when empty).  KTAP.
D=/sys/bus/dax/devices/dax0.0
n=0
t() {
	n=$((n + 1))
	if out=$(eval "$2" 2>&1); then echo "ok $n $1"; else echo "not ok $n $1"; fi
	[ -z "$out" ] || printf '%s\n' "$out" | sed 's/^/# /'
}
printf '%s\n' "$1" > /tmp/sums
echo "TAP version 13"
echo "1..$([ -n "$1" ] && echo 7 || echo 6)"
t "dax0.0 is there after the reboot" "[ -e $D ]"
t "no type selected" "[ -z \"\$(cat $D/persistence)\" ]"
t "system-ram" "daxctl reconfigure-device --mode=system-ram dax0.0 >/dev/null"
t "blk was found on the media" "grep -qx blk $D/persistence"
t "e2fsck -fn is clean" "e2fsck -fn /dev/kmemblk0.0"
t "mount" "mount -o ro /dev/kmemblk0.0 /mnt"
[ -z "$1" ] || t "$(wc -l < /tmp/sums) files match their checksums" "[ -s /tmp/sums ] && cd /mnt && sha256sum -c /tmp/sums | grep -v ': OK$'; [ \${PIPESTATUS[0]} -eq 0 ]"
