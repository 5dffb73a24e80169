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
(cd "$TOP/patches" && ls [0-9][0-9][0-9][0-9]-*.patch | grep -v '^0000-cover-letter.patch$' > series)

# Fill in the cover letter.
in=$TOP/patches/cover-letter.in cover=$TOP/patches/0000-cover-letter.patch
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

(cd "$TOP/patches" && cat series $(cat series)) | sha256sum | cut -d' ' -f1 |
	{ read -r h; echo "$h $(git rev-parse HEAD)" > .git/harness-applied; }
step "exported $(wc -l < "$TOP/patches/series") patches and the cover letter to patches/"
