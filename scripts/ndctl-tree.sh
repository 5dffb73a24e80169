#!/usr/bin/env bash
# Prepare build/ndctl: the pristine ndctl v81 release (tag "v81") with
# ndctl/patches/ applied on top, one commit per patch.  Idempotent; refuses
# to drop commits that have not been exported to ndctl/patches/.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

TARBALL=$TOP/../shared/vendor/ndctl-81.tar.gz
SHA256=a9b9009219798c3361395896b6c4c37121cdd2d1f2546c79e0154cf6f01675a6
NDCTL=$BUILD/ndctl
PATCHES=$TOP/ndctl/patches
STATE=$NDCTL/.git/harness-applied
export GIT_COMMITTER_NAME=${GIT_COMMITTER_NAME:-dax-kmem harness}
export GIT_COMMITTER_EMAIL=${GIT_COMMITTER_EMAIL:-harness@localhost}

series_hash() {
	(cd "$PATCHES" && cat series $(cat series)) | sha256sum | cut -d' ' -f1
}

make_base() {
	local tmp
	[ -f "$TARBALL" ] || die "$TARBALL missing"
	echo "$SHA256  $TARBALL" | sha256sum --check --quiet ||
		die "$TARBALL: sha256 mismatch (expected $SHA256)"
	step "extracting $(basename "$TARBALL")"
	tmp=$BUILD/ndctl.tmp
	rm -rf "$tmp"
	mkdir -p "$tmp"
	tar -xzf "$TARBALL" -C "$tmp" --strip-components=1
	step "committing the pristine tree as tag 'v81'"
	git -C "$tmp" init -q
	git -C "$tmp" add -A -f
	# Fixed identity and dates: the same tarball gives the same base commit
	# everywhere, so "base-commit:" in the cover letter means something.
	GIT_AUTHOR_NAME="ndctl v81 release" GIT_AUTHOR_EMAIL=none \
	GIT_COMMITTER_NAME="ndctl v81 release" GIT_COMMITTER_EMAIL=none \
	GIT_AUTHOR_DATE="2025-03-21T00:00:00Z" GIT_COMMITTER_DATE="2025-03-21T00:00:00Z" \
		git -C "$tmp" commit -q -m "ndctl v81 (release tarball, upstream commit 92d5203077553bfc9f7bf1c219563db0fc28e660)"
	# Annotated, so that "git describe" (ndctl's version string) sees it.
	GIT_COMMITTER_NAME="ndctl v81 release" GIT_COMMITTER_EMAIL=none \
	GIT_COMMITTER_DATE="2025-03-21T00:00:00Z" \
		git -C "$tmp" tag -a -m "ndctl v81" v81
	mv "$tmp" "$NDCTL"
}

mkdir -p "$BUILD"
[ -d "$NDCTL/.git" ] || make_base
cd "$NDCTL"
step "base: $(git log -1 --format=%s v81)"

if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
	die "build/ndctl has uncommitted changes; commit them and run 'make ndctl-export', or discard them"
fi

want=$(series_hash)
head=$(git rev-parse HEAD)
base=$(git rev-parse 'v81^{commit}')
rec_hash= rec_head=
[ -f "$STATE" ] && read -r rec_hash rec_head < "$STATE"

if [ "$want" = "$rec_hash" ] && [ "$head" = "$rec_head" ]; then
	step "build/ndctl is up to date with ndctl/patches/ ($(git rev-list --count v81..HEAD) patches)"
	exit 0
fi
if [ "$head" != "$base" ] && [ "$head" != "$rec_head" ]; then
	die "build/ndctl has commits above 'v81' that are not in ndctl/patches/:
$(git log --oneline v81..HEAD | sed 's/^/    /')
Save them with 'make ndctl-export', or drop them with 'git -C build/ndctl reset --hard v81'."
fi

step "applying ndctl/patches/ onto v81"
git reset -q --hard v81
git checkout -q -B main
for p in $(cat "$PATCHES/series"); do
	if ! git am -q --3way --committer-date-is-author-date "$PATCHES/$p" >/dev/null 2>&1; then
		git am --abort >/dev/null 2>&1 || true
		die "ndctl/patches/$p does not apply onto v81"
	fi
	step "  applied $p"
done
echo "$want $(git rev-parse HEAD)" > "$STATE"
step "build/ndctl ready: $(git rev-list --count v81..HEAD) patches on v81"
