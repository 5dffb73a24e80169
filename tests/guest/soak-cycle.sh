# Guest (after soak-lib.sh): detach and attach under load.  $1 cycles of
# umount, offline-memory, devdax, system-ram with nothing selected, mount,
# while a process keeps allocating and freeing 32 MiB, node 1 preferred.
# Each cycle checks the page accounting right after the attach (kept +
# freed = onlined) and every file written so far, then adds one.
echo "TAP version 13"
echo "1..$((3 + 3 * $1 + 2))"
t "format, ext4" "format && mkfs.ext4 -q -F $DEV && mount $DEV /mnt"
t "files" "for i in 1 2 3 4; do head -c 1048576 /dev/urandom > /mnt/f\$i; done && sync && cd /mnt && sha256sum f? > /tmp/sums"
# The load (node1_load).  No THP: a huge page preferring node 1 while it
# is offline makes the page allocator dump a stack ("allocation from
# offline node").
[ ! -w /sys/kernel/mm/transparent_hugepage/enabled ] ||
	echo never > /sys/kernel/mm/transparent_hugepage/enabled
node1_load --preferred=1 32M 0.2
load=$!
t "load running (node 1 preferred, not checked)" "for i in \$(seq 30); do [ -s /tmp/load ] && break; sleep 1; done; [ -s /tmp/load ] && kill -0 $load"
# detach: offline may race with the load's allocations: up to 5 tries.
detach() {
	local i
	umount /mnt || return 1
	for ((i = 1; i <= 5; i++)); do
		daxctl offline-memory dax0.0 >/dev/null 2>&1 && break
		echo "offline-memory failed, try $i"
		sleep 1
	done
	daxctl reconfigure-device --mode=devdax dax0.0 >/dev/null || return 1
	# As after a reboot: nothing selected, the type found on the media.
	echo > $D/persistence
}
for ((c = 1; c <= $1; c++)); do
	t "cycle $c: umount, offline, devdax" detach
	t "cycle $c: system-ram finds blk, kept + freed = onlined" "attach && accounting"
	t "cycle $c: mount, $(wc -l < /tmp/sums) files intact, one more" \
		"mount $DEV /mnt && cd /mnt && sha256sum -c /tmp/sums | grep -v ': OK$'; [ \${PIPESTATUS[0]} -eq 0 ] &&
		 head -c 262144 /dev/urandom > /mnt/c$c && sync && sha256sum c$c >> /tmp/sums"
done
t "the load ran throughout ($(cat /tmp/load) allocations)" "kill -0 $load"
kill $load
t "no OOM kill" "! dmesg | grep -iE 'out of memory|oom-kill'"
umount /mnt
