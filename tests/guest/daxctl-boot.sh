# Guest, boot 2 of the daxctl test: after the reboot, Debian's stock
# daxctl re-attaches BLK with nothing selected; then the config file in
# /etc/daxctl.conf.d selects blk and "daxctl reconfigure-device -C" (what
# udev runs at boot) brings the data back; $1 is the file's checksum.  KTAP.
D=/sys/bus/dax/devices/dax0.0
n=0
t() {
	n=$((n + 1))
	if out=$(eval "$2" 2>&1); then echo "ok $n $1"; else echo "not ok $n $1"; fi
	[ -z "$out" ] || printf '%s\n' "$out" | sed 's/^/# /'
}
echo "TAP version 13"
echo "1..7"
uuid=$(ndctl list -n namespace0.0 | sed -n 's/.*"uuid":"\([^"]*\)".*/\1/p')
mkdir -p /etc/daxctl.conf.d
printf '[reconfigure-device test]\nnvdimm.uuid = %s\nmode = system-ram\npersistence = blk\n' \
	"$uuid" > /etc/daxctl.conf.d/test.conf
t "nothing selected after the reboot" "[ -z \"\$(cat $D/persistence)\" ]"
t "stock daxctl-76 re-attaches blk with nothing selected" \
	"daxctl-76 reconfigure-device -m system-ram dax0.0 >/dev/null && grep -qx blk $D/persistence && [ -b /dev/kmemblk0.0 ]"
t "stock daxctl-76: offline, devdax" "daxctl-76 offline-memory dax0.0 >/dev/null && daxctl-76 reconfigure-device -m devdax dax0.0 >/dev/null"
t "daxctl reconfigure-device -C dax0.0" "daxctl reconfigure-device -C dax0.0 >/dev/null"
t "daxctl list: blk on kmemblk0.0" "daxctl list -d dax0.0 > /tmp/out && grep -q '\"persistence\":\"blk\"' /tmp/out && grep -q '\"blockdev\":\"kmemblk0.0\"' /tmp/out"
daxctl list -v -d dax0.0 | sed 's/^/# /'
t "e2fsck -fn is clean" "e2fsck -fn /dev/kmemblk0.0 >/dev/null"
t "the file written in the last boot is intact" "mount -o ro /dev/kmemblk0.0 /mnt && [ \"\$(sha256sum < /mnt/f)\" = \"$1\" ]"
