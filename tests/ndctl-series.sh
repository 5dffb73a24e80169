#!/usr/bin/env bash
# The ndctl series (ndctl/patches/) applies onto pristine v81 (make
# ndctl-tree checks the tarball and applies it) and every prefix of it
# builds with warnings as errors.  Prints KTAP, one result per patch.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

NDCTL=$BUILD/ndctl
mapfile -t patches < "$TOP/ndctl/patches/series"
echo "TAP version 13"
echo "1..$((1 + ${#patches[@]}))"
if "$TOP/scripts/ndctl-tree.sh" > "$BUILD/check/ndctl-tree.log" 2>&1; then
	echo "ok 1 ndctl/patches apply onto v81"
else
	sed 's/^/# /' "$BUILD/check/ndctl-tree.log"
	echo "not ok 1 ndctl/patches apply onto v81"
fi

tmp=$(mktemp -d)
trap 'git -C "$NDCTL" worktree remove --force "$tmp/src" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git -C "$NDCTL" worktree add -q --detach "$tmp/src" v81
meson setup "$tmp/out" "$tmp/src" -Dwerror=true -Ddocs=disabled \
	-Dasciidoctor=disabled -Dsystemd=disabled > "$tmp/setup.log" 2>&1 ||
	{ sed 's/^/# /' "$tmp/setup.log"; }
i=1
for c in $(git -C "$NDCTL" rev-list --reverse v81..HEAD); do
	i=$((i + 1))
	git -C "$tmp/src" checkout -q --detach "$c"
	if ninja -C "$tmp/out" > "$tmp/build.log" 2>&1; then
		echo "ok $i ${patches[i - 2]} builds (-Dwerror=true)"
	else
		grep -E 'error|warning' "$tmp/build.log" | head -20 | sed 's/^/# /'
		echo "not ok $i ${patches[i - 2]} builds (-Dwerror=true)"
	fi
done
