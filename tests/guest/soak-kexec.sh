# Guest (after soak-lib.sh): kexec into the same kernel keeps BLK data.
# Boot 1 formats BLK, writes files, unmounts (the device stays attached,
# its memory online) and kexecs /boot/bzImage with a copy of this root
# file system and "soak.kexec" on the command line; the new kernel, before
# anything is attached, must show the NVDIMM as persistent memory and no
# system RAM in it, nothing on node 1; then it attaches with nothing
# selected and finds the files intact.  Without kexec support: SKIP.
echo "TAP version 13"
region=/sys/bus/nd/devices/region0
if ! grep -qw soak.kexec /proc/cmdline; then
	why=
	[ -e /proc/sys/kernel/kexec_load_disabled ] || why="kernel without CONFIG_KEXEC_CORE"
	command -v kexec >/dev/null || why="no kexec in the initramfs"
	[ -f /boot/bzImage ] || why="no /boot/bzImage in the initramfs"
	if [ -n "$why" ]; then
		echo "1..1"
		echo "ok 1 kexec # SKIP $why"
		exit 0
	fi
	echo "1..3"
	t "format, ext4, files" "format && mkfs.ext4 -q -F $DEV && mount $DEV /mnt &&
		for i in 1 2 3 4; do head -c 1048576 /dev/urandom > /mnt/f\$i; done && sync &&
		(cd /mnt && sha256sum f?) > /soak-sums && umount /mnt"
	t "root file system copied for the new kernel" \
		"find . -xdev | grep -v '^./boot/' | cpio -o -H newc > /tmp/root.cpio 2>/dev/null"
	# kexec_file_load() hashes the ~100 MB of segments with no reschedule
	# point: 27-39 s on this KASAN kernel under TCG on a busy host, past
	# the soft-lockup watchdog's 20 s.  That is upstream's loader, not the
	# series: give it 120 s.
	[ ! -w /proc/sys/kernel/watchdog_thresh ] || echo 60 > /proc/sys/kernel/watchdog_thresh
	t "kexec loads /boot/bzImage" \
		"kexec -s -l /boot/bzImage --initrd=/tmp/root.cpio --command-line=\"\$(cat /proc/cmdline) soak.kexec\" ||
		 kexec -l /boot/bzImage --initrd=/tmp/root.cpio --command-line=\"\$(cat /proc/cmdline) soak.kexec\""
	echo "# kexec -e: the new kernel goes on with the test"
	sync
	kexec -e
	echo "# kexec -e returned"
	exit 1
fi
# The new kernel.  /proc/iomem ranges of System RAM inside the region
# (printed), at any depth: the NFIT's "Persistent Memory" can take RAM
# registered before it as its child.  Bash arithmetic reads the
# hexadecimal; awk would not.
ram_in_region() {
	local s e a b line bad=0
	s=$(($(cat $region/resource)))
	e=$((s + $(cat $region/size) - 1))
	while read -r line; do
		[ -n "$line" ] || continue
		a=$((0x${line%%-*})) b=${line#*-}
		b=$((0x${b%% *}))
		if [ $b -ge $s ] && [ $a -le $e ]; then
			echo "$line"
			bad=1
		fi
	done <<< "$(grep -E '^ *[0-9a-f]+-[0-9a-f]+ : System RAM' /proc/iomem)"
	return $bad
}
echo "1..7"
t "kexec'd: the NVDIMM is Persistent Memory in /proc/iomem" "grep -q 'Persistent Memory' /proc/iomem"
t "kexec'd: no System RAM inside the NVDIMM region" ram_in_region
t "kexec'd: node 1 has no memory before the attach" "! ls -d /sys/devices/system/node/node1/memory[0-9]* 2>/dev/null"
t "system-ram: blk found, nothing selected" attach
t "kept + freed = onlined" accounting
t "e2fsck -fn clean" "e2fsck -fn $DEV > /tmp/fsck || { cat /tmp/fsck; false; }"
t "$(wc -l < /soak-sums) files intact" \
	"mount $DEV /mnt && cd /mnt && sha256sum -c /soak-sums | grep -v ': OK$'; [ \${PIPESTATUS[0]} -eq 0 ]"
umount /mnt 2>/dev/null
