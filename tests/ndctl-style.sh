#!/usr/bin/env bash
# The C lines each patch of the ndctl series (ndctl/patches/) adds are
# formatted as ndctl's .clang-format asks (clang-format 14, Debian's
# clang-format package).  Upstream's own code is not fully formatted, so
# only added lines count: the patches are applied in order onto v81 (tag
# "v81" of build/ndctl, see make ndctl-tree), clang-format --lines formats
# the ranges a patch adds to each .c/.h file, and every change it makes
# that rewrites only added lines is a failure.  A change that also
# rewrites lines the patch does not add (clang-format reformats a whole
# macro body or statement, e.g. an option added to an upstream OPT_*
# macro, which upstream never formats) cannot be made by the patch alone;
# it is printed as a note and not counted.
# Prints KTAP, one result per patch.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

NDCTL=$BUILD/ndctl
CLANG_FORMAT=${CLANG_FORMAT:-$(command -v clang-format-14 || command -v clang-format || true)}
[ -n "$CLANG_FORMAT" ] || die "clang-format not found (make deps installs it)"
git -C "$NDCTL" rev-parse -q --verify 'v81^{commit}' > /dev/null ||
	die "build/ndctl has no tag v81; run 'make ndctl-tree' first"

mapfile -t patches < "$TOP/ndctl/patches/series"
echo "TAP version 13"
echo "1..${#patches[@]}"
echo "# $("$CLANG_FORMAT" --version)"

tmp=$(mktemp -d)
trap 'git -C "$NDCTL" worktree remove --force "$tmp/src" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git -C "$NDCTL" worktree add -q --detach "$tmp/src" v81
src=$tmp/src

# added_lines: "file line" for every line the commit HEAD adds to a .c/.h.
added_lines() {
	git -C "$src" diff -U0 --no-color --no-renames --diff-filter=AM \
		HEAD~1 HEAD -- '*.c' '*.h' | awk '
		/^\+\+\+ b\// { file = substr($0, 7); next }
		/^@@ / {
			split($3, r, ",")
			start = substr(r[1], 2); n = (2 in r) ? r[2] : 1
			for (i = 0; i < n; i++) print file, start + i
		}'
}

# check_file FILE LINE...: clang-format the given lines of FILE (relative to
# the work tree); print its changes as "# " lines.  Returns 1 when one of
# them rewrites only lines of the list (or the check itself fails).
check_file() {
	local f=$1 ranges=()
	shift
	# Consecutive lines as one --lines range.
	mapfile -t ranges < <(printf '%s\n' "$@" | awk '
		NR == 1 { s = e = $1; next }
		$1 == e + 1 { e = $1; next }
		{ print "--lines=" s ":" e; s = e = $1 }
		END { if (NR) print "--lines=" s ":" e }')
	(cd "$src" && "$CLANG_FORMAT" --style=file "${ranges[@]}" "$f") > "$tmp/formatted" ||
		{ echo "# error: clang-format failed on $f"; return 1; }
	{ diff -U0 --label "a/$f" --label "b/$f" "$src/$f" "$tmp/formatted" || true; } |
		awk -v added="$*" '
		BEGIN { n = split(added, a, " "); for (i = 1; i <= n; i++) isadd[a[i]] = 1 }
		function flush(   i, nadd, next_line, kind, what) {
			if (hunk == "") return
			nadd = 0
			for (i = hs; i < hs + hn; i++) nadd += (i in isadd)
			next_line = hs + 1
			if (hn == 0) nadd = ((hs in isadd) || (next_line in isadd)) ? 1 : 0
			if (nadd) {
				kind = (hn == 0 || nadd == hn) ? "error" : "note"
				what = "added lines"
				if (kind == "note")
					what = "added and other lines (not counted)"
				printf("# %s: %s:%d: clang-format would change %s\n",
				       kind, file, hs, what)
				printf("%s", hunk)
				if (kind == "error") errors++
			}
			hunk = ""
		}
		/^--- / { next }
		/^\+\+\+ / { file = substr($2, 3); next }
		/^@@ / {
			flush()
			split($2, r, ",")
			hs = substr(r[1], 2) + 0; hn = (2 in r) ? r[2] + 0 : 1
		}
		{ hunk = hunk "#   " $0 "\n" }
		END { flush(); exit errors ? 1 : 0 }'
}

i=0 applied=1
for p in "${patches[@]}"; do
	i=$((i + 1))
	if [ "$applied" = 1 ] && ! git -C "$src" -c user.name=ndctl-style \
		-c user.email=ndctl-style@localhost am -q "$TOP/ndctl/patches/$p" \
		> "$tmp/am.log" 2>&1; then
		sed 's/^/# /' "$tmp/am.log"
		applied=0
		echo "not ok $i $p applies onto v81 and what went before"
		continue
	elif [ "$applied" = 0 ]; then
		echo "not ok $i $p # an earlier patch did not apply"
		continue
	fi
	ok=1
	while read -r f lines; do
		# shellcheck disable=SC2086 # a list of line numbers
		check_file "$f" $lines || ok=0
	done < <(added_lines | awk '
		$1 != f { if (f != "") print f, l; f = $1; l = "" }
		{ l = l " " $2 }
		END { if (f != "") print f, l }')
	if [ "$ok" = 1 ]; then
		echo "ok $i $p adds clang-formatted C"
	else
		echo "not ok $i $p adds clang-formatted C"
	fi
done
