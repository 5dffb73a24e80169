# Soak power-failure workload "ext4" on partition 1: operation N writes
# f/N.tmp (1 to 50 lines naming the file), fdatasyncs it and renames it to
# f/N; it deletes f/N-5 when N-5 is 1 modulo 3, runs fstrim every 8th
# operation, then syncs and prints "# ACK ext4 N".
P1=${DEV}p1
ext4_lines() { local j; for ((j = 1; j <= 1 + $1 * 7 % 50; j++)); do echo "file $1 line $j"; done; }
# ext4_files N: the files as N acknowledged operations leave them: each
# kept file whole, each deleted one gone; later operations may have run.
ext4_files() {
	local fs=()
	shopt -s nullglob
	fs=(/mnt/f/*)
	ls /mnt/f | awk -v N="$1" '
	function want(k, j) { return "file " k " line " j }
	FILENAME == "-" { lines[$0] = 0; next }
	FNR == 1 { name = FILENAME; sub(/.*\//, "", name); k = name; sub(/\.tmp$/, "", k); k += 0; partial = 0 }
	{
		lines[name]++
		if ($0 == want(k, FNR) && !partial) next
		if (name ~ /\.tmp$/ && !partial && index(want(k, FNR), $0) == 1) { partial = 1; next }
		bad[name] = 1
	}
	END {
		for (name in lines) {
			k = name; tmp = sub(/\.tmp$/, "", k); k += 0
			if (name !~ /^[0-9]+(\.tmp)?$/ || bad[name]) { print name ": wrong content"; err++; continue }
			if (tmp) {
				if (k <= N) { print name ": left over by an acknowledged operation"; err++ }
				continue
			}
			if (lines[name] != 1 + k * 7 % 50) { print name ": " lines[name] " lines, not whole"; err++ }
			if (k % 3 == 1 && k + 5 <= N) { print name ": deleted by acknowledged operation " k + 5 " but present"; err++ }
		}
		for (k = 1; k <= N; k++)
			if (!(k in lines) && k % 3 != 1) { print k ": acknowledged but missing"; err++ }
		exit err > 0
	}' - "${fs[@]}"
}
ext4_format() {
	mkfs.ext4 -q -F $P1 && mount $P1 /mnt && mkdir /mnt/f && umount /mnt
}
ext4_check() {
	t "ext4: mount replays the journal" "mount $P1 /mnt && umount /mnt"
	t "ext4: e2fsck -fn is clean after replay" "e2fsck -fn $P1 > /tmp/fsck || { cat /tmp/fsck; false; }"
	t "ext4: mount" "mount $P1 /mnt"
	t "ext4: all $1 acknowledged operations hold" "ext4_files $1"
}
ext4_run() {
	local i
	for ((i = $1; ; i++)); do
		ext4_lines $i > /mnt/f/$i.tmp
		sync -d /mnt/f/$i.tmp
		mv /mnt/f/$i.tmp /mnt/f/$i
		[ $i -le 5 ] || [ $(((i - 5) % 3)) -ne 1 ] || rm /mnt/f/$((i - 5))
		[ $((i % 8)) -ne 0 ] || fstrim /mnt
		sync
		echo "# ACK ext4 $i"
	done
}
