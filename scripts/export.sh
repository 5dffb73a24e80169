#!/usr/bin/env bash
# Write the commits base..HEAD of build/linux back into patches/, update
# patches/series, and regenerate the cover letter from patches/cover-letter.in
# (first line: subject; rest: body) with git's shortlog and diffstat.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

cd "$LINUX"
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
	die "build/linux has uncommitted changes; commit them first"
fi
find "$TOP/patches" -name '[0-9][0-9][0-9][0-9]-*.patch' -delete
git format-patch -q --cover-letter --base=base -o "$TOP/patches" base..HEAD
export_series "$TOP/patches"
step "exported $(wc -l < "$TOP/patches/series") patches and the cover letter to patches/"
