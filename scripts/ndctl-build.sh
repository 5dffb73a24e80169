#!/usr/bin/env bash
# Build build/ndctl (ndctl v81 + ndctl/patches/) with meson and install it
# into build/ndctl-install as Debian lays it out (/usr/bin/daxctl,
# /usr/lib/<multiarch>/libdaxctl.so.1, ...), man pages included.
# Incremental: ninja and "meson install --only-changed" skip what is current.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

NDCTL=$BUILD/ndctl
OUT=$BUILD/ndctl-build
DEST=$BUILD/ndctl-install

[ -d "$NDCTL/.git" ] || die "build/ndctl missing; run 'make ndctl-tree' first"
if [ ! -f "$OUT/build.ninja" ]; then
	multiarch=$(gcc -print-multiarch)
	step "meson setup build/ndctl-build (libdir lib/$multiarch)"
	rm -rf "$OUT"
	meson setup "$OUT" "$NDCTL" \
		--prefix=/usr --sysconfdir=/etc --libdir="lib/$multiarch" \
		-Drootlibdir="/usr/lib/$multiarch" \
		--buildtype=debugoptimized \
		-Dsystemd=disabled -Ddocs=enabled -Dasciidoctor=enabled >/dev/null
fi
step "ninja -C build/ndctl-build"
ninja -C "$OUT" --quiet || die "build failed"
meson install -C "$OUT" --quiet --no-rebuild --only-changed --destdir "$DEST" >/dev/null
step "installed into build/ndctl-install: $(cd "$DEST" && ls usr/bin | tr '\n' ' ')"
