#!/usr/bin/env bash
# The series applies to the pristine base in order and passes
# checkpatch --strict.  Prints KTAP, one result per check and patch.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

mapfile -t patches < "$TOP/patches/series"
echo "TAP version 13"
mapfile -t srcs < <(git -C "$LINUX" diff --name-only base HEAD -- '*.c' '*.h')
mapfile -t rsts < <(git -C "$LINUX" diff --name-only --diff-filter=A base HEAD -- '*.rst')
mapfile -t docdirs < <(for f in "${rsts[@]}"; do dirname "${f#Documentation/}"; done | sort -u)
mapfile -t abis < <(git -C "$LINUX" diff --name-only base HEAD -- 'Documentation/ABI/')
echo "1..$((2 * ${#patches[@]} + ${#srcs[@]} + ${#rsts[@]} + ${#docdirs[@]} + ${#abis[@]}))"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
idx=$tmp/index
GIT_INDEX_FILE=$idx git -C "$LINUX" read-tree base
i=0 applies=1
for p in "${patches[@]}"; do
	i=$((i + 1))
	if [ $applies -eq 1 ] &&
	   GIT_INDEX_FILE=$idx git -C "$LINUX" apply --cached "$TOP/patches/$p" 2> "$tmp/apply.err"; then
		echo "ok $i $p applies onto base"
	else
		applies=0
		sed 's/^/# /' "$tmp/apply.err" 2>/dev/null || true
		echo "not ok $i $p applies onto base"
	fi
done
for p in "${patches[@]}"; do
	i=$((i + 1))
	if (cd "$LINUX" && ./scripts/checkpatch.pl --strict --quiet "$TOP/patches/$p") > "$tmp/checkpatch.out" 2>&1; then
		echo "ok $i $p passes checkpatch --strict"
	else
		sed 's/^/# /' "$tmp/checkpatch.out"
		echo "not ok $i $p passes checkpatch --strict"
	fi
done

# kernel-doc: no new warnings in any C file or header the series touches.
for f in "${srcs[@]}"; do
	i=$((i + 1))
	git -C "$LINUX" show "base:$f" > "$tmp/old" 2>/dev/null || : > "$tmp/old"
	old=$("$LINUX/scripts/kernel-doc" -none "$tmp/old" 2>&1 | grep -c -E 'warning|error' || true)
	new=$("$LINUX/scripts/kernel-doc" -none "$LINUX/$f" 2>&1 | grep -c -E 'warning|error' || true)
	if [ "$new" -le "$old" ]; then
		echo "ok $i kernel-doc adds no warnings: $f"
	else
		"$LINUX/scripts/kernel-doc" -none "$LINUX/$f" 2>&1 | sed 's/^/# /'
		echo "not ok $i kernel-doc adds no warnings: $f ($old -> $new)"
	fi
done

# New reST documents parse without warnings.
for f in "${rsts[@]}"; do
	i=$((i + 1))
	if python3 -m docutils --halt=warning "$LINUX/$f" /dev/null 2> "$tmp/rst.err"; then
		echo "ok $i reST is clean: $f"
	else
		sed 's/^/# /' "$tmp/rst.err"
		echo "not ok $i reST is clean: $f"
	fi
done

# Sphinx (make htmldocs) of each directory that gains a document: no warning
# names a document of the series.
for d in "${docdirs[@]}"; do
	i=$((i + 1))
	built=1
	make -s -C "$LINUX" O="$tmp/htmldocs" SPHINXDIRS="$d" htmldocs > "$tmp/sphinx.out" 2>&1 || built=0
	for f in "${rsts[@]}"; do
		[ "$(dirname "${f#Documentation/}")" = "$d" ] || continue
		f=${f#Documentation/}
		[ -f "$tmp/htmldocs/Documentation/output/${f%.rst}.html" ] || built=0
	done
	if [ $built -eq 0 ]; then
		tail -5 "$tmp/sphinx.out" | sed 's/^/# /'
		echo "not ok $i htmldocs builds: Documentation/$d"
	elif grep -E 'WARNING|ERROR' "$tmp/sphinx.out" | grep -F -f <(printf '%s\n' "${rsts[@]}") > "$tmp/sphinx.err"; then
		sed 's/^/# /' "$tmp/sphinx.err"
		echo "not ok $i htmldocs without warnings: Documentation/$d"
	else
		echo "ok $i htmldocs without warnings: Documentation/$d"
	fi
done

# ABI files: scripts/get_abi.pl validates them.
for f in "${abis[@]}"; do
	i=$((i + 1))
	mkdir -p "$tmp/abi" && rm -f "$tmp/abi/"* && cp "$LINUX/$f" "$tmp/abi/"
	if (cd "$LINUX" && ./scripts/get_abi.pl validate --dir "$tmp/abi") > "$tmp/abi.out" 2>&1 &&
	   [ ! -s "$tmp/abi.out" ]; then
		echo "ok $i ABI entries validate: $f"
	else
		sed 's/^/# /' "$tmp/abi.out"
		echo "not ok $i ABI entries validate: $f"
	fi
done
