# Guest (after soak-lib.sh): memory pressure while mounted.  An anonymous
# memory hog bound to node 1 takes all of its free memory but 24 MiB while
# ext4 on the BLK device writes 64 MiB: the writes fail cleanly (an error,
# no hang, no OOM kill), files fsync'ed before stay intact, and once the
# hog exits the filesystem works again, after a remount if it had to abort
# ("# REMOUNT yes|no").
echo "TAP version 13"
echo "1..10"
t "format, ext4" "format && mkfs.ext4 -q -F $DEV && mount $DEV /mnt && mkdir /mnt/p"
t "8 files of 256 KiB fsync'ed" "for i in 1 2 3 4 5 6 7 8; do head -c 262144 /dev/urandom | dd of=/mnt/f\$i conv=fsync 2>/dev/null &&
	[ \$(stat -c %s /mnt/f\$i) -eq 262144 ] || exit 1; done && cd /mnt && sha256sum f? > /tmp/sums"
# dd's buffer is allocated and touched, then held until the pipe closes.
hog=$(($(node1_kb MemFree) - 24576))
numactl --membind=1 dd if=/dev/zero bs=${hog}k count=1 2>/dev/null | sleep 100000 &
hogpid=$!
t "the hog holds node 1 (${hog} kB): less than 40 MiB free" \
	"for i in \$(seq 120); do [ \$(node1_kb MemFree) -lt 40960 ] && exit 0; sleep 1; done; echo MemFree \$(node1_kb MemFree) kB; false"
t "64 MiB written and fsync'ed under pressure: fails, no hang" \
	"timeout 300 dd if=/dev/urandom of=/mnt/p/big bs=1M count=64 conv=fsync; rc=\$?; echo dd exit \$rc; [ \$rc -ne 0 ] && [ \$rc -ne 124 ]"
t "failed page allocations counted" \
	"c=\$(cat $D/kmem_persist/alloc_failures); echo alloc_failures \$c; [ \$c -gt 0 ]"
t "the hog is alive, no OOM kill" "kill -0 $hogpid && ! dmesg | grep -iE 'out of memory|oom-kill'"
kill $hogpid
wait $hogpid 2>/dev/null
t "the hog's memory came back" \
	"for i in \$(seq 60); do [ \$(node1_kb MemFree) -gt $((hog / 2)) ] && exit 0; sleep 1; done; echo MemFree \$(node1_kb MemFree) kB; false"
# writes_work: a new file written and fsync'ed, read back.
writes_work() {
	rm -f /mnt/p/big /mnt/after
	timeout 120 dd if=/dev/urandom of=/tmp/after bs=1M count=8 2>/dev/null &&
		timeout 120 dd if=/tmp/after of=/mnt/after conv=fsync 2>/dev/null &&
		cmp /tmp/after /mnt/after
}
if writes_work 2>/dev/null; then
	echo "# REMOUNT no"
	t "writes work again without a remount" true
else
	echo "# REMOUNT yes"
	t "writes work again after a remount" "cd / && umount /mnt && mount $DEV /mnt && writes_work"
fi
t "umount, e2fsck -fn clean" "cd / && umount /mnt && { e2fsck -fn $DEV > /tmp/fsck || { cat /tmp/fsck; false; }; }"
t "the fsync'ed files are intact" \
	"mount $DEV /mnt && cd /mnt && sha256sum -c /tmp/sums | grep -v ': OK$'; [ \${PIPESTATUS[0]} -eq 0 ]"
umount /mnt
