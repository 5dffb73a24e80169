#!/usr/bin/env bash
# Prepare build/linux: the pristine Debian 6.12 source (tag "base") with
# patches/ applied on top, one commit per patch.  Idempotent; refuses to
# drop kernel commits that have not been exported to patches/.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

TARBALL=/usr/src/linux-source-6.12.tar.xz
STATE=$LINUX/.git/harness-applied
export GIT_COMMITTER_NAME=${GIT_COMMITTER_NAME:-dax-kmem harness}
export GIT_COMMITTER_EMAIL=${GIT_COMMITTER_EMAIL:-harness@localhost}

series_hash() {
	(cd "$TOP/patches" && cat series $(cat series)) | sha256sum | cut -d' ' -f1
}

make_base() {
	[ -f "$TARBALL" ] || die "$TARBALL missing (package linux-source-6.12)"
	local pkgver tmp
	pkgver=$(dpkg-query -W -f='${Version}' linux-source-6.12)
	step "extracting $TARBALL ($pkgver)"
	tmp=$BUILD/linux.tmp
	rm -rf "$tmp"
	mkdir -p "$tmp"
	tar -xf "$TARBALL" -C "$tmp" --strip-components=1
	step "committing the pristine tree as tag 'base'"
	git -C "$tmp" init -q
	git -C "$tmp" add -A -f  # Debian's .gitignore ignores "/*"
	# Fixed identity and dates: the same tarball gives the same base commit
	# on every machine, so "base-commit:" in the cover letter means something.
	GIT_AUTHOR_NAME="Debian linux-source-6.12" GIT_AUTHOR_EMAIL=none \
	GIT_COMMITTER_NAME="Debian linux-source-6.12" GIT_COMMITTER_EMAIL=none \
	GIT_AUTHOR_DATE="2000-01-01T00:00:00Z" GIT_COMMITTER_DATE="2000-01-01T00:00:00Z" \
		git -C "$tmp" commit -q -m "Linux $(make -s -C "$tmp" kernelversion) (Debian linux-source-6.12 $pkgver)"
	git -C "$tmp" tag base
	mv "$tmp" "$LINUX"
}

[ -d "$LINUX/.git" ] || make_base
cd "$LINUX"
step "base: $(git log -1 --format=%s base)"

if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
	die "build/linux has uncommitted changes; commit them and run 'make export', or discard them"
fi

want=$(series_hash)
head=$(git rev-parse HEAD)
base=$(git rev-parse base)
rec_hash= rec_head=
[ -f "$STATE" ] && read -r rec_hash rec_head < "$STATE"

if [ "$want" = "$rec_hash" ] && [ "$head" = "$rec_head" ]; then
	step "build/linux is up to date with patches/ ($(git rev-list --count base..HEAD) patches)"
	exit 0
fi
if [ "$head" != "$base" ] && [ "$head" != "$rec_head" ]; then
	die "build/linux has commits above 'base' that are not in patches/:
$(git log --oneline base..HEAD | sed 's/^/    /')
Save them with 'make export', or drop them with 'git -C build/linux reset --hard base'."
fi

step "applying patches/ onto base"
git reset -q --hard base
git checkout -q -B main
for p in $(cat "$TOP/patches/series"); do
	if ! git am -q --3way --committer-date-is-author-date "$TOP/patches/$p" >/dev/null 2>&1; then
		git am --abort >/dev/null 2>&1 || true
		die "patches/$p does not apply onto base ($(git log -1 --format=%s base))"
	fi
	step "  applied $p"
done
echo "$want $(git rev-parse HEAD)" > "$STATE"
step "build/linux ready: $(git rev-list --count base..HEAD) patches on base"
