# Guest, one round of the power-failure test.  $1: "format" on the first
# boot, else the last record the previous boot acknowledged; $2: "final"
# to check and stop.  Checks the
# state the power failure left (ext4 clean after journal replay, every
# acknowledged record present and whole), prints KTAP, then prints
# POWER-FAIL-ARM and writes records until the host kills the VM: record N
# is a new file d/N and an in-place overwrite of ring slot N % 64, made
# durable with fsync and sync before "# ACK N" is printed.
D=/sys/bus/dax/devices/dax0.0
SLOTS=64
n=0
t() {
	n=$((n + 1))
	if out=$(eval "$2" 2>&1); then echo "ok $n $1"; else echo "not ok $n $1"; fi
	[ -z "$out" ] || printf '%s\n' "$out" | sed 's/^/# /'
}
rec() { yes "record $1" | head -c "$2"; }
sum() { sha256sum | cut -d' ' -f1; }
check_files() {
	local i bad=0
	for ((i = 1; i <= $1; i++)); do
		[ "$(sum < "/mnt/d/$i")" = "$(rec "$i" 16384 | sum)" ] || { echo "d/$i wrong"; bad=1; }
	done
	return $bad
}
# Files written after the last acknowledgement may be short, not wrong.
check_extra() {
	local f i size bad=0
	for f in /mnt/d/*; do
		i=${f##*/}
		[ "$i" -gt "$1" ] || continue
		size=$(stat -c %s "$f")
		[ "$(sum < "$f")" = "$(rec "$i" 16384 | head -c "$size" | sum)" ] || { echo "$f wrong"; bad=1; }
	done
	return $bad
}
# Each ring slot holds one whole record of its own, not older than the
# last acknowledged one.
check_ring() {
	local s m want bad=0
	for ((s = 0; s < SLOTS; s++)); do
		m=$(dd if=/mnt/ring bs=4096 skip=$s count=1 2>/dev/null | head -c 20 | sed -n 's/^record \([0-9]*\)$/\1/p;q')
		want=$(( $1 - ($1 - s + SLOTS) % SLOTS ))
		[ "$want" -gt 0 ] || want=0
		if [ -z "$m" ]; then
			[ "$want" -eq 0 ] || { echo "slot $s: no record, want >= $want"; bad=1; }
			continue
		fi
		if [ $((m % SLOTS)) -ne "$s" ] || [ "$m" -lt "$want" ] ||
		   [ "$(dd if=/mnt/ring bs=4096 skip=$s count=1 2>/dev/null | sum)" != "$(rec "$m" 4096 | sum)" ]; then
			echo "slot $s: record '$m' torn, misplaced or older than $want"
			bad=1
		fi
	done
	return $bad
}
echo "TAP version 13"
if [ "$1" = format ]; then
	echo "1..6"
	t "devdax namespace" "ndctl create-namespace -f -e namespace0.0 --mode=devdax"
	t "select blk" "echo blk > $D/persistence"
	t "system-ram" "daxctl reconfigure-device --mode=system-ram dax0.0 >/dev/null"
	t "mkfs.ext4" "mkfs.ext4 -q -F /dev/kmemblk0.0"
	t "mount" "mount /dev/kmemblk0.0 /mnt"
	t "prepare" "mkdir /mnt/d && head -c $((SLOTS * 4096)) /dev/zero > /mnt/ring && sync"
	acked=0
else
	acked=$1
	echo "1..7"
	t "system-ram: blk found on the media" "daxctl reconfigure-device --mode=system-ram dax0.0 >/dev/null && grep -qx blk $D/persistence"
	t "mount replays the journal" "mount /dev/kmemblk0.0 /mnt && umount /mnt"
	t "e2fsck -fn is clean after replay" "e2fsck -fn /dev/kmemblk0.0"
	t "mount" "mount /dev/kmemblk0.0 /mnt"
	t "all $acked acknowledged files are whole" "check_files $acked"
	t "every ring slot holds a whole, recent record" "check_ring $acked"
	t "records past the last acknowledged are a prefix of theirs" "check_extra $acked"
fi
if [ "${2:-}" = final ]; then
	umount /mnt
	exit 0
fi
echo "POWER-FAIL-ARM"
for ((i = acked + 1; ; i++)); do
	rec "$i" 16384 > "/mnt/d/$i"
	rec "$i" 4096 | dd of=/mnt/ring bs=4096 seek=$((i % SLOTS)) conv=notrunc,fsync 2>/dev/null
	sync
	echo "# ACK $i"
done
