# Shared helpers for the harness scripts: progress lines and errors.
# Sourced, not executed.

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$TOP/build}
LINUX=${LINUX:-$BUILD/linux}
KBUILD=${KBUILD:-$BUILD/kbuild}

die() {
	printf 'error: %s\n' "$*" >&2
	exit 1
}

# step "message": print a progress line with the time since the script began.
step() {
	printf '[%4ds] %s\n' "$SECONDS" "$*"
}

# kernel_release: the release string of the built kernel (uname -r in the guest).
kernel_release() {
	cat "$KBUILD/include/config/kernel.release"
}

# export_series DIR: after "git format-patch --cover-letter -o DIR", list
# DIR's patches in DIR/series, fill DIR/0000-cover-letter.patch from
# DIR/cover-letter.in (first line: subject; from the third: body), and
# record the series hash and HEAD of the tree in the current directory as
# applied (what tree.sh and ndctl-tree.sh check).
export_series() {
	local dir=$1 in=$1/cover-letter.in cover=$1/0000-cover-letter.patch
	[ -f "$in" ] || die "$in missing"
	(cd "$dir" && ls [0-9][0-9][0-9][0-9]-*.patch | grep -v '^0000-cover-letter.patch$' > series)
	awk -v subj="$(head -1 "$in")" -v body="$in" '
		/\*\*\* SUBJECT HERE \*\*\*/ { sub(/\*\*\* SUBJECT HERE \*\*\*/, subj); print; next }
		/\*\*\* BLURB HERE \*\*\*/ {
			n = 0
			while ((getline l < body) > 0) if (n++ >= 2) print l
			next
		}
		{ print }' "$cover" > "$cover.new"
	mv "$cover.new" "$cover"
	(cd "$dir" && cat series $(cat series)) | sha256sum | cut -d' ' -f1 |
		{ read -r h; echo "$h $(git rev-parse HEAD)" > .git/harness-applied; }
}

# guest_clock CLOCK SECONDS: vm.sh's options for the guest clock CLOCK into
# clock_opt, and the boot's timeout into clock_timeout: SECONDS under the
# wall clock, three times that under icount (QEMU -icount shift=0, one
# guest nanosecond per instruction), whose guest second takes the host up
# to about three.
guest_clock() {
	case $1 in
	wall) clock_opt=() clock_timeout=$2 ;;
	icount) clock_opt=(--icount 0) clock_timeout=$(($2 * 3)) ;;
	*) die "unknown guest clock '$1' (BENCH_CLOCKS, BENCH_PROFILE_CLOCK: icount or wall)" ;;
	esac
}
