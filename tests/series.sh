#!/usr/bin/env bash
# The series applies to the pristine base in order and passes
# checkpatch --strict.  Prints KTAP, one result per check and patch.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

mapfile -t patches < "$TOP/patches/series"
echo "TAP version 13"
echo "1..$((2 * ${#patches[@]}))"
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
