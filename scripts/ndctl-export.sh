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
(cd "$PATCHES" && ls [0-9][0-9][0-9][0-9]-*.patch | grep -v '^0000-cover-letter.patch$' > series)

# Fill in the cover letter.
in=$PATCHES/cover-letter.in cover=$PATCHES/0000-cover-letter.patch
[ -f "$in" ] || die "$in missing"
subject=$(head -1 "$in")
awk -v subj="$subject" -v body="$in" '
	/\*\*\* SUBJECT HERE \*\*\*/ { sub(/\*\*\* SUBJECT HERE \*\*\*/, subj); print; next }
	/\*\*\* BLURB HERE \*\*\*/ {
		n = 0
		while ((getline l < body) > 0) if (n++ >= 2) print l
		next
	}
	{ print }' "$cover" > "$cover.new"
mv "$cover.new" "$cover"

(cd "$PATCHES" && cat series $(cat series)) | sha256sum | cut -d' ' -f1 |
	{ read -r h; echo "$h $(git rev-parse HEAD)" > .git/harness-applied; }
step "exported $(wc -l < "$PATCHES/series") patches and the cover letter to ndctl/patches/"
