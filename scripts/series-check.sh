#!/usr/bin/env bash
# make series-check: every prefix of the series builds with the project
# config, and the C files each patch touches build warning-free with W=1 and
# sparse (C=1).  Uses a separate worktree and object directory, so
# build/linux and build/kbuild are left alone.  Prints KTAP and a summary.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

WT=$BUILD/series-tree
KB=$BUILD/series-kbuild
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/dax-kmem-ccache}
export CCACHE_BASEDIR=$TOP CCACHE_NOHASHDIR=1
export KBUILD_BUILD_TIMESTAMP="2000-01-01" KBUILD_BUILD_USER=dax-kmem KBUILD_BUILD_HOST=harness

mapfile -t commits < <(git -C "$LINUX" rev-list --reverse base..HEAD)
[ ${#commits[@]} -gt 0 ] || die "no patches above base in build/linux"
if [ ! -d "$WT" ]; then
	step "creating the worktree build/series-tree"
	git -C "$LINUX" worktree add -q --detach "$WT" base
fi

pass=0 fail=0 n=0
echo "TAP version 13"
echo "1..$((2 * ${#commits[@]}))"
for c in "${commits[@]}"; do
	subj=$(git -C "$LINUX" log -1 --format=%s "$c")
	git -C "$WT" checkout -q --detach "$c"
	LINUX=$WT KBUILD=$KB KCONFIG_NO_VERIFY=1 "$TOP/scripts/kconfig.sh" >/dev/null
	step "# building $subj" >&2
	n=$((n + 1))
	if make -s -C "$WT" O="$KB" CC="ccache gcc" -j"$(nproc)" bzImage > "$KB/build.log" 2>&1; then
		echo "ok $n builds: $subj"; pass=$((pass + 1))
	else
		grep -E 'error|Error' "$KB/build.log" | head -5 | sed 's/^/# /'
		echo "not ok $n builds: $subj"; fail=$((fail + 1))
	fi

	# W=1 and sparse on the C files this patch touches (built-in objects).
	n=$((n + 1))
	bad=0
	for f in $(git -C "$WT" diff --name-only "$c^" "$c" -- '*.c'); do
		[ -f "$WT/$f" ] || continue
		[ -f "$KB/${f%.c}.o" ] || continue	# not in this config
		touch "$WT/$f"
		make -s -C "$WT" O="$KB" CC="ccache gcc" W=1 C=1 "${f%.c}.o" \
			> "$KB/w1.log" 2>&1 || bad=1
		# Only warnings on lines this patch added count: upstream's own
		# warnings in a touched file are not the series' to fix.
		lines=" $(git -C "$WT" diff -U0 "$c^" "$c" -- "$f" |
			sed -n 's/^@@ -[0-9,]* +\([0-9]*\),\{0,1\}\([0-9]*\) @@.*/\1 \2/p' |
			while read -r a cnt; do seq "$a" $((a + ${cnt:-1} - 1)); done | tr '\n' ' ')"
		while IFS=: read -r file line _; do
			case "$lines" in *" $line "*) bad=1 ;; esac
		done < <(grep -E "$f:[0-9]+:[0-9]+: (warning|error)" "$KB/w1.log")
		[ $bad -eq 0 ] || grep -E 'warning|error' "$KB/w1.log" | head -5 | sed 's/^/# /'
	done
	if [ $bad -eq 0 ]; then
		echo "ok $n W=1 and sparse clean: $subj"; pass=$((pass + 1))
	else
		echo "not ok $n W=1 and sparse clean: $subj"; fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
