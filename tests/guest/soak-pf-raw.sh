# Soak power-failure helpers for the raw workloads ("dio", "discard") on a
# partition of B blocks of 4 KiB.  Operation I (round R runs operations
# R*10000 .. R*10000+1999, so numbers follow time across rounds) is drawn
# from I alone: a write of one block, or with MIX a discard or write-zeroes
# of 1-8 blocks.  A written block holds 64 lines of 63 characters and a
# newline, each naming the block, the operation (its generation) and the
# line: a torn, misplaced or stale block shows as such, byte by byte.
# Each operation is made durable (O_DIRECT write and fsync, or the
# discard followed by a flush of the device) before "# ACK W I".
RAW_OP='function op(i,   x) {
	x = (i * 2654435761 + 12345) % 4294967296
	kind = MIX ? substr("WWWWDDZZ", int(x / 65536) % 8 + 1, 1) : "W"
	blk = int(x / 1024) % B
	len = kind == "W" ? 1 : 1 + int(x / 33554432) % 8
	if (blk + len > B) len = B - blk
}'
# raw_check NAME PART B MIX RANGES: the partition as the acknowledged
# operations left it.  RANGES: "R:A,..." per round R of the workload, A
# its last acknowledged operation (below R*10000: none).  A block holds
# its last acknowledged operation's content or a later operation's, or
# zeros when that is a discard or a later discard may have run.
raw_check() {
	dd if="$2" bs=4096 count="$3" iflag=direct 2>/dev/null | tr '\0' Z |
	awk -v NAME="$1" -v B="$3" -v MIX="$4" -v R="$5" "$RAW_OP"'
	BEGIN {
		nr = split(R, rs, ",")
		for (x = 1; x <= nr; x++) {
			split(rs[x], p, ":")
			s = p[1] * 10000
			ran[p[1]] = 1
			for (i = s; i <= p[2]; i++) {
				op(i)
				acked++
				for (q = blk; q < blk + len; q++) { last[q] = i; lastk[q] = kind }
			}
			for (i = (p[2] >= s ? p[2] + 1 : s); i < s + 2000; i++) {
				op(i)
				if (kind != "W") for (q = blk; q < blk + len; q++) zlate[q] = i
			}
		}
	}
	# A record: a run of zero bytes (Z), then a line, then a newline
	# (none after the last record if the partition ends in zeros).
	{
		line = $0
		if (match(line, /^Z+/)) {
			for (z = RLENGTH; z > 0; z -= k) {
				b = int(off / 4096)
				k = 4096 - off % 4096
				if (k > z) k = z
				zero[b] += k
				off += k
			}
			line = substr(line, RLENGTH + 1)
		}
		b = int(off / 4096)
		if (line == "") ;
		else if (off % 64 == 0 && split(line, f, " ") == 6 && f[2] == b &&
			 f[6] + 0 == int(off % 4096 / 64) &&
			 line == sprintf("%-63s", "blk " b " gen " f[4] " line " f[6])) {
			good[b]++
			if (!(b in gen)) gen[b] = f[4]
			else if (gen[b] != f[4]) mixed[b] = 1
		} else bad[b] = 1
		off += length(line) + 1
		tail = line == ""
	}
	END {
		# One byte too many: the newline counted after a last run of zeros.
		if (off != B * 4096 && !(tail && off == B * 4096 + 1)) {
			print "read " off " bytes of " B * 4096
			err++
		}
		for (b = 0; b < B; b++) {
			if (zero[b] == 4096) {
				if (lastk[b] == "W" && zlate[b] < last[b]) {
					print "block " b ": zeros, but acknowledged operation " last[b] " wrote it"
					err++
				}
				continue
			}
			if (bad[b] || mixed[b] || good[b] != 64) {
				print "block " b ": torn or foreign, " good[b] + 0 " good lines, " zero[b] + 0 " zero bytes"
				err++
				continue
			}
			g = gen[b] + 0
			op(g)
			if (!(int(g / 10000) in ran) || g % 10000 >= 2000 || kind != "W" || blk != b) {
				print "block " b ": generation " g " never written there"
				err++
			} else if (g < last[b]) {
				print "block " b ": generation " g " older than acknowledged operation " last[b]
				err++
			}
		}
		printf "%s: %d acknowledged operations, %d blocks checked\n", NAME, acked, B
		exit err > 0
	}'
}
# raw_run NAME PART B MIX ROUND: operations until the power fails.
raw_run() {
	local i k b l
	awk -v B="$3" -v MIX="$4" -v S=$(($5 * 10000)) "$RAW_OP"'
		BEGIN { for (i = S; i < S + 2000; i++) { op(i); print i, kind, blk, len } }' > /tmp/ops
	while read -r i k b l; do
		case $k in
		W) printf '%-63s\n' "blk $b gen $i line "{00..63} |
			dd of="$2" bs=4096 seek="$b" count=1 iflag=fullblock oflag=direct conv=notrunc,fsync 2>/dev/null ;;
		D) blkdiscard -o $((b * 4096)) -l $((l * 4096)) "$2" && sync "$2" ;;
		Z) blkdiscard -z -o $((b * 4096)) -l $((l * 4096)) "$2" && sync "$2" ;;
		esac || { echo "# operation $i ($k $b $l) failed"; break; }
		echo "# ACK $1 $i"
	done < /tmp/ops
	sleep 1000
}
