#!/usr/bin/env bash
# Build the kernel with ccache; leaves the bootable image at build/bzImage
# (KIMAGE names another place, for the benchmark kernel).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/dax-kmem-ccache}
export CCACHE_BASEDIR=$TOP CCACHE_NOHASHDIR=1 CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-5G}
# Fixed build identity: same sources give the same objects (ccache hits).
export KBUILD_BUILD_TIMESTAMP="2000-01-01" KBUILD_BUILD_USER=dax-kmem KBUILD_BUILD_HOST=harness

"$TOP/scripts/kconfig.sh"
step "building bzImage with ccache ($(nproc) jobs; ccache at $CCACHE_DIR)"
make -s -C "$LINUX" O="$KBUILD" CC="ccache gcc" -j"$(nproc)" bzImage modules.builtin
KIMAGE=${KIMAGE:-$BUILD/bzImage}
cp "$KBUILD/arch/x86/boot/bzImage" "$KIMAGE"
step "kernel $(kernel_release) ready: ${KIMAGE#"$TOP"/} ($(ccache -s 2>/dev/null | grep -m1 -i 'hits' | tr -s ' ' || true))"
