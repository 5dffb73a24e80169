#!/usr/bin/env bash
# Write the commits base..HEAD of build/linux back into patches/ (the cover
# letter is kept) and update patches/series.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

cd "$LINUX"
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
	die "build/linux has uncommitted changes; commit them first"
fi
find "$TOP/patches" -name '[0-9][0-9][0-9][0-9]-*.patch' ! -name '0000-cover-letter.patch' -delete
git format-patch -q -o "$TOP/patches" base..HEAD
(cd "$TOP/patches" && ls [0-9][0-9][0-9][0-9]-*.patch | grep -v '^0000-cover-letter.patch$' > series || true)
(cd "$TOP/patches" && cat series $(cat series)) | sha256sum | cut -d' ' -f1 |
	{ read -r h; echo "$h $(git rev-parse HEAD)" > .git/harness-applied; }
step "exported $(wc -l < "$TOP/patches/series") patches to patches/"
