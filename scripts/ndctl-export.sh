#!/usr/bin/env bash
# Write the commits v81..HEAD of build/ndctl back into ndctl/patches/, update
# ndctl/patches/series, and regenerate the cover letter from
# ndctl/patches/cover-letter.in (first line: subject; rest: body).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

NDCTL=$BUILD/ndctl
PATCHES=$TOP/ndctl/patches

[ -d "$NDCTL/.git" ] || die "build/ndctl missing; run 'make ndctl-tree' first"
cd "$NDCTL"
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
	die "build/ndctl has uncommitted changes; commit them first"
fi
mkdir -p "$PATCHES"
find "$PATCHES" -name '[0-9][0-9][0-9][0-9]-*.patch' -delete
git format-patch -q --cover-letter --base=v81 --to=nvdimm@lists.linux.dev \
	-o "$PATCHES" v81..HEAD
export_series "$PATCHES"
step "exported $(wc -l < "$PATCHES/series") patches and the cover letter to ndctl/patches/"
