# Guest, boot 1 of the daxctl test: Debian's stock daxctl (daxctl-76) with
# the sysfs selection, then the patched daxctl (ndctl/patches/) drives kmem
# persistence end to end on a fresh NVDIMM: --persistence,
# its errors and the kernel's refusal reason, "daxctl list" keys and
# counters, the deliberate wipe, and a "persistence" key in
# /etc/daxctl.conf.d used by "reconfigure-device -C" (as udev does at
# boot).  Leaves BLK formatted through the config with a file whose
# checksum it prints as "# SUM"; boot 2 (daxctl-boot.sh) checks it.  KTAP.
D=/sys/bus/dax/devices/dax0.0
n=0
t() {
	n=$((n + 1))
	if out=$(eval "$2" 2>&1); then echo "ok $n $1"; else echo "not ok $n $1"; fi
	[ -z "$out" ] || printf '%s\n' "$out" | sed 's/^/# /'
}
# run CMD...: run daxctl (or anything), keep its output in /tmp/out, its
# exit status in $rc.
run() { "$@" > /tmp/out 2>&1; rc=$?; }
has() { grep -qF -- "$1" /tmp/out || { cat /tmp/out; false; }; }
sel() { cat $D/persistence; }
sb_page=$(( $(cat $D/resource 2>/dev/null || echo 0) / 4096 ))
magic() { dd if=/dev/mem bs=4096 skip=$sb_page count=1 2>/dev/null | head -c 8; }
to_devdax() { daxctl offline-memory dax0.0 >/dev/null && daxctl reconfigure-device -m devdax dax0.0 >/dev/null; }
conf() {
	mkdir -p /etc/daxctl.conf.d
	uuid=$(ndctl list -n namespace0.0 | sed -n 's/.*"uuid":"\([^"]*\)".*/\1/p')
	printf '[reconfigure-device test]\nnvdimm.uuid = %s\nmode = system-ram\npersistence = %s\n' \
		"$uuid" "$1" > /etc/daxctl.conf.d/test.conf
}

echo "TAP version 13"
echo "1..42"
# ndctl's own test of the series (test/daxctl-persistence.sh, patch 0006),
# on the fresh media it needs; it leaves the media wiped, back to devdax.
ndctl create-namespace -f -e namespace0.0 --mode=devdax >/dev/null 2>&1
(cd /ndctl-test && NDCTL=/usr/bin/ndctl DAXCTL=/usr/bin/daxctl TEST_PATH=/ndctl-test \
	bash ./daxctl-persistence.sh) > /tmp/ndctl-test.out 2>&1
rc=$?
n=1
case $rc in
0) echo "ok 1 ndctl test/daxctl-persistence.sh" ;;
77) echo "ok 1 ndctl test/daxctl-persistence.sh # SKIP $(tail -1 /tmp/ndctl-test.out)" ;;
*) echo "not ok 1 ndctl test/daxctl-persistence.sh (exit $rc)" ;;
esac
sed 's/^/# /' /tmp/ndctl-test.out
t "devdax namespace" "ndctl create-namespace -f -e namespace0.0 --mode=devdax >/dev/null"
sb_page=$(( $(cat $D/resource) / 4096 ))
t "daxctl has --persistence" "daxctl reconfigure-device -h 2>&1 | grep -q -- --persistence"

# A stock distribution's daxctl (Debian's 76.1): the two-step flow.
t "stock daxctl is 76.1" "[ \"\$(daxctl-76 version)\" = 76.1 ]"
t "stock: select blk in sysfs, online with daxctl-76" \
	"echo blk > $D/persistence && daxctl-76 reconfigure-device -m system-ram dax0.0 >/dev/null && [ -b /dev/kmemblk0.0 ]"
t "stock: offline, devdax" "daxctl-76 offline-memory dax0.0 >/dev/null && daxctl-76 reconfigure-device -m devdax dax0.0 >/dev/null"
t "stock: wipe through sysfs back to plain RAM" \
	"echo 1 > $D/persistence_wipe && echo > $D/persistence && daxctl-76 reconfigure-device -m system-ram dax0.0 >/dev/null && [ \"\$(magic)\" != DAXKMEMP ] && to_devdax"

# Bad input: a clear error, nothing written.
run daxctl reconfigure-device -m system-ram -p bogus dax0.0
t "unknown type fails" "[ $rc -ne 0 ]"
t "unknown type: the types the kernel offers are listed" \
	"has \"unknown persistence type 'bogus'; the kernel offers: $(cat $D/persistence_types)\""
t "unknown type: nothing selected, still devdax" \
	"[ -z \"\$(sel)\" ] && daxctl list -d dax0.0 | grep -q '\"mode\":\"devdax\"'"
run daxctl reconfigure-device -m devdax -p blk dax0.0
t "--persistence with --mode=devdax is refused" "[ $rc -ne 0 ] && has 'only valid with --mode=system-ram'"
run daxctl reconfigure-device -m system-ram --wipe-persistent-data dax0.0
t "a wipe without --force is refused" "[ $rc -ne 0 ] && has 'add --force to confirm'"
t "nothing armed, nothing selected" "[ \"\$(cat $D/persistence_wipe)\" = 0 ] && [ -z \"\$(sel)\" ]"
run daxctl reconfigure-device -C -p blk dax0.0
t "-C with --persistence is refused" "[ $rc -ne 0 ] && has '-C cannot be used with --persistence'"

# One command: select blk and online.
run daxctl reconfigure-device -m system-ram -p blk dax0.0
t "system-ram with --persistence=blk" "[ $rc -eq 0 ] || { cat /tmp/out; false; }"
t "blk attached, /dev/kmemblk0.0 there" "[ \"\$(sel)\" = blk ] && [ -b /dev/kmemblk0.0 ]"
t "superblock on the media" "[ \"\$(magic)\" = DAXKMEMP ]"
run daxctl list -d dax0.0
t "list: persistence and blockdev" "has '\"persistence\":\"blk\"' && has '\"blockdev\":\"kmemblk0.0\"'"
t "list: no counters without -v, no refusal" "! grep -q 'kept_pages\\|persistence_refused' /tmp/out"
run daxctl list -v -d dax0.0
t "list -v: the counters match sysfs" \
	"for c in kept_pages freed_pages meta_pages mapped_blocks alloc_failures; do has \"\\\"\$c\\\":\$(cat $D/kmem_persist/\$c)\" || exit 1; done"
run daxctl reconfigure-device -m system-ram -p blk dax0.0
t "again with the same type: succeeds" "[ $rc -eq 0 ] || { cat /tmp/out; false; }"
run daxctl reconfigure-device -m system-ram -p none dax0.0
t "another type while attached: refused" \
	"[ $rc -ne 0 ] && has \"already in system-ram mode with persistence type 'blk' attached, not 'none'\""
run daxctl reconfigure-device -m system-ram --wipe-persistent-data --force dax0.0
t "a wipe while attached: refused, superblock intact" \
	"[ $rc -ne 0 ] && has 'cannot wipe the persistent data' && [ \"\$(magic)\" = DAXKMEMP ]"

head -c $((8 << 20)) /dev/urandom > /tmp/data
sum=$(sha256sum < /tmp/data)
t "ext4 with a file" "mkfs.ext4 -q -F /dev/kmemblk0.0 && mount /dev/kmemblk0.0 /mnt && cp /tmp/data /mnt/f && umount /mnt"
t "offline, devdax" "to_devdax"

# The kernel refuses the wrong type: daxctl says why and restores the selection.
run daxctl reconfigure-device -m system-ram -p none dax0.0
t "--persistence=none on blk data: refused" "[ $rc -ne 0 ]"
t "daxctl gives the kernel's reason" \
	"has \"the kernel refused to online: the media holds data of persistence type 'blk' but 'none' is selected\""
t "the selection is restored" "[ \"\$(sel)\" = blk ]"
run daxctl list -i -d dax0.0
t "list shows persistence_refused" "has '\"persistence_refused\":\"the media holds data of persistence type'"
run daxctl reconfigure-device -m system-ram dax0.0
t "without --persistence: blk found, attached" "[ $rc -eq 0 ] && [ \"\$(sel)\" = blk ] || { cat /tmp/out; false; }"
t "the file is intact" "mount /dev/kmemblk0.0 /mnt && [ \"\$(sha256sum < /mnt/f)\" = \"$sum\" ] && umount /mnt"
t "offline, devdax" "to_devdax"

# Deliberate wipe to plain RAM.
run daxctl reconfigure-device -m system-ram --wipe-persistent-data --force dax0.0
t "wipe with --force: plain system-ram" "[ $rc -eq 0 ] && has 'onlining as plain system-ram'"
t "wiped: no superblock, no type, no block device" \
	"[ \"\$(magic)\" != DAXKMEMP ] && [ -z \"\$(sel)\" ] && [ ! -e /dev/kmemblk0.0 ] && [ \"\$(cat $D/persistence_wipe)\" = 0 ]"
run daxctl list -d dax0.0
t "list: no persistence keys" "[ $rc -eq 0 ] && ! grep -q 'persistence\\|blockdev' /tmp/out"
t "offline, devdax" "to_devdax"

# The boot-time flow: a config file selects the type.
conf none
run daxctl reconfigure-device -m system-ram -C dax0.0
t "-C with --mode is refused" "[ $rc -ne 0 ]"
conf blk
run daxctl reconfigure-device -C dax0.0
t "-C with 'persistence = blk' in daxctl.conf.d" "[ $rc -eq 0 ] && [ \"\$(sel)\" = blk ] && [ -b /dev/kmemblk0.0 ] || { cat /tmp/out; false; }"
t "formatted fresh: nothing mapped" "[ \"\$(cat $D/kmem_persist/mapped_blocks)\" = 0 ]"
t "ext4 with a file for the next boot" "mkfs.ext4 -q -F /dev/kmemblk0.0 && mount /dev/kmemblk0.0 /mnt && cp /tmp/data /mnt/f && umount /mnt"
echo "# SUM $sum"
t "offline, devdax" "to_devdax"
conf none
run daxctl reconfigure-device -C dax0.0
t "-C with 'persistence = none' on blk data: refused with the reason" \
	"[ $rc -ne 0 ] && has \"but 'none' is selected\" && [ \"\$(magic)\" = DAXKMEMP ]"
