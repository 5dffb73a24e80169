#!/usr/bin/env bash
# Assemble build/initramfs.cpio from the host's Debian packages: busybox,
# bash, e2fsprogs, util-linux, fio, numactl, jq, kexec-tools; ndctl/daxctl built from
# ndctl/patches/ (scripts/ndctl-build.sh), Debian's daxctl as daxctl-76; the
# kselftests built from the patched tree and modules.builtin* for daxctl.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ROOT=$BUILD/initramfs
NDCTL_DEST=$BUILD/ndctl-install
NDCTL_LIBS=$NDCTL_DEST/usr/lib/$(gcc -print-multiarch)
REL=$(kernel_release)
BINS=(
	/bin/bash /usr/bin/fio /usr/bin/numactl
	/sbin/mke2fs /sbin/e2fsck /sbin/tune2fs /sbin/dumpe2fs /sbin/debugfs
	/sbin/filefrag /usr/bin/fallocate /sbin/blkid /sbin/sfdisk /usr/bin/jq
	/sbin/blkdiscard /sbin/fstrim /usr/bin/lsblk /usr/bin/findmnt
	/sbin/depmod /usr/bin/kmod /usr/bin/timeout /sbin/kexec
)

step "assembling initramfs for kernel $REL"
rm -rf "$ROOT"
mkdir -p "$ROOT"/{bin,sbin,usr/bin,usr/sbin,lib,lib64,etc,proc,sys,dev,tmp,root,mnt,run}
mkdir -p "$ROOT"/sys/kernel/debug

cp /bin/busybox "$ROOT/bin/busybox"
for a in $(/bin/busybox --list); do
	[ -e "$ROOT/bin/$a" ] || ln -s busybox "$ROOT/bin/$a"
done

# Real binaries (replacing busybox applets of the same name) and their libraries.
for b in "${BINS[@]}"; do
	[ -x "$b" ] || die "$b missing (run scripts/deps.sh)"
	rm -f "$ROOT/bin/$(basename "$b")"
	install -D "$b" "$ROOT$b"
	ldd "$b" | awk '/=> \// { print $3 } /^\t\/lib/ { print $1 }'
done | sort -u | while read -r lib; do
	install -D "$(readlink -f "$lib")" "$ROOT$lib"
done
# ndctl and daxctl with the persistence series, with their own libraries
# in place of Debian's (which fio also links: ours are a superset), in
# both library directories, which the initramfs does not merge.
for b in ndctl daxctl; do
	[ -x "$NDCTL_DEST/usr/bin/$b" ] || die "$NDCTL_DEST/usr/bin/$b missing (make daxctl)"
	rm -f "$ROOT/bin/$b"
	install -D "$NDCTL_DEST/usr/bin/$b" "$ROOT/usr/bin/$b"
	LD_LIBRARY_PATH=$NDCTL_LIBS ldd "$NDCTL_DEST/usr/bin/$b" |
		awk '/=> \// { print $3 } /^\t\/lib/ { print $1 }'
done | sort -u | while read -r lib; do
	case $lib in
	"$NDCTL_DEST"/*)
		install -D "$(readlink -f "$lib")" "$ROOT${lib#"$NDCTL_DEST"}"
		install -D "$(readlink -f "$lib")" "$ROOT${lib#"$NDCTL_DEST"/usr}"
		;;
	*) install -D "$(readlink -f "$lib")" "$ROOT$lib" ;;
	esac
done
# ndctl's own test of the series, run from /ndctl-test.
install -D -m 644 "$BUILD/ndctl/test/common" "$ROOT/ndctl-test/common"
install -D -m 755 "$BUILD/ndctl/test/daxctl-persistence.sh" "$ROOT/ndctl-test/daxctl-persistence.sh"

# Debian's stock daxctl 76.1 with its own libdaxctl/libndctl, as
# "daxctl-76": the kernel-only flow of a stock distribution stays tested.
STOCK=/opt/daxctl-76
install -D /usr/bin/daxctl "$ROOT$STOCK/daxctl"
for l in libdaxctl.so.1 libndctl.so.6; do
	install -D "$(readlink -f "/usr/lib/$(gcc -print-multiarch)/$l")" "$ROOT$STOCK/lib/$l"
done
printf '#!/bin/sh\nLD_LIBRARY_PATH=%s/lib exec %s/daxctl "$@"\n' "$STOCK" "$STOCK" > "$ROOT/usr/bin/daxctl-76"
chmod 755 "$ROOT/usr/bin/daxctl-76"

for l in mkfs.ext4:mke2fs fsck.ext4:e2fsck; do
	ln -s "${l#*:}" "$ROOT/sbin/${l%%:*}"
done
ln -sf ../../bin/bash "$ROOT/usr/bin/bash"
cp /etc/mke2fs.conf "$ROOT/etc/"
echo "root:x:0:0:root:/root:/bin/bash" > "$ROOT/etc/passwd"
echo "root:x:0:" > "$ROOT/etc/group"

# daxctl checks that kmem is loaded or built in through libkmod.
mkdir -p "$ROOT/lib/modules/$REL"
cp "$KBUILD"/modules.builtin "$KBUILD"/modules.builtin.modinfo "$ROOT/lib/modules/$REL/"
touch "$ROOT/lib/modules/$REL/modules.order"
depmod -b "$ROOT" "$REL"

# kselftests from the patched tree.
if [ -d "$LINUX/tools/testing/selftests/dax_kmem" ]; then
	make -s -C "$LINUX/tools/testing/selftests" TARGETS=dax_kmem \
		INSTALL_PATH="$ROOT/kselftest" install >/dev/null
fi

install -m 755 "$TOP/tests/guest/init" "$ROOT/init"
(cd "$ROOT" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) > "$BUILD/initramfs.cpio"
step "initramfs ready: build/initramfs.cpio ($(du -h "$BUILD/initramfs.cpio" | cut -f1))"
